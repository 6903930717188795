/**
 * Exports and reports run only the integrity checks (register-checks.ts, `integrity`):
 * the errors that leave cells of an export empty. They must find exactly the errors the
 * full validation finds, in every annotated model and example, so that an export warns
 * of exactly what it warned of before, and must not build the other rules' findings.
 */
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { INCOMPLETE_EXPORT_CODES, countIncompleteErrors } from '../../../language/exports/completeness.js';
import { diagnosticsOf, loadModelFiles, loadModelTexts, type LoadedModel } from '../../../language/model/load-model.js';
import { annotatedModels, riskFilesBelow, type AnnotatedModel } from '../../helpers/annotated-models.js';
import { TEST_AS_OF } from '../../helpers/check-model.js';

const REPO_ROOT = join(import.meta.dirname, '../../..');
const models = annotatedModels(join(REPO_ROOT, 'test/resources/validation'));

function load(model: AnnotatedModel, validate: true | 'integrity'): Promise<LoadedModel> {
    return model.fromDisk
        ? loadModelFiles(Object.keys(model.files).map(file => join(model.root, file)), { asOf: model.asOf, validate })
        : loadModelTexts(model.files, { asOf: model.asOf, validate });
}

/** `file:line:column code message` of each diagnostic with an integrity code, sorted. */
function integrityErrors(model: LoadedModel): string[] {
    return diagnosticsOf(model)
        .filter(({ diagnostic }) => INCOMPLETE_EXPORT_CODES.has(String(diagnostic.code)))
        .map(({ document, diagnostic }) => `${document.uri.path}:${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1} ${diagnostic.code} ${String(diagnostic.message)}`)
        .sort();
}

describe('the integrity checks of exports', () => {
    test.each(models.map(model => [model.name, model] as const))('find what the full validation finds: %s', async (_name, model) => {
        const [full, integrity] = await Promise.all([load(model, true), load(model, 'integrity')]);
        expect(integrityErrors(integrity)).toEqual(integrityErrors(full));
        expect(countIncompleteErrors(integrity.documents)).toBe(countIncompleteErrors(full.documents));
    });

    test('the corpus holds every integrity code, so the comparison above covers each of them', () => {
        const expected = new Set(models.flatMap(model => model.expected.map(entry => entry.split(' ')[1])));
        expect([...INCOMPLETE_EXPORT_CODES].filter(code => !expected.has(code))).toEqual([]);
    });

    test('build none of the other rules\' findings', async () => {
        const folder = join(REPO_ROOT, 'examples', 'acme-saas');
        const full = await loadModelFiles(riskFilesBelow(folder), { asOf: TEST_AS_OF });
        const integrity = await loadModelFiles(riskFilesBelow(folder), { asOf: TEST_AS_OF, validate: 'integrity' });
        // The example shows findings of other rules (unaccepted residuals, …) …
        expect(diagnosticsOf(full).length).toBeGreaterThan(0);
        // … and no integrity error: the export's checks leave nothing to report.
        expect(diagnosticsOf(integrity).map(({ document, diagnostic }) => `${relative(folder, document.uri.fsPath)} ${diagnostic.code}`)).toEqual([]);
        expect(integrity.evaluation().risks.length).toBe(full.evaluation().risks.length);
    });
});
