/**
 * What a user sees on the models of issue 11: the mistake is reported where it is, under
 * its own code, and the rest of the model is still evaluated.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildExport } from '../../../language/exports/index.js';
import { checkTexts } from '../../helpers/check-model.js';
import { ROBUSTNESS_DIR } from '../../helpers/robustness-models.js';
import { runEveryFeature } from '../../helpers/every-feature.js';

const model = (file: string) => readFileSync(join(ROBUSTNESS_DIR, file), 'utf8');

describe('half-typed and out-of-range durations', () => {
    test('`review every months` is a syntax error only; the risk is still evaluated', async () => {
        const { model: loaded, findings } = await checkTexts(model('review-every-months.risk'));
        expect(findings.map(finding => finding.code)).toEqual(['syntax-error']);
        const [risk] = loaded.evaluation().risks;
        expect(risk.residual?.level?.name).toBe('High');
        // A line without a usable duration asks for no review.
        expect(risk.reviewOverdue).toBe(false);
    });

    test('with an unresolved scale value as well, both are reported and nothing else', async () => {
        const { findings } = await checkTexts(model('review-every-months-unresolved-value.risk'));
        expect(findings.map(finding => finding.code).sort()).toEqual(['syntax-error', 'value-out-of-scale']);
    });

    test('an invalid `lasts` leaves an acceptance without `until` with no lapse date: not valid, and the message says why', async () => {
        const { model: loaded, findings } = await checkTexts(model('lasts-10e20-days.risk'));
        const [risk] = loaded.evaluation().risks;
        expect(risk.acceptances[0]).toMatchObject({ lapses: undefined, termless: true, valid: false });
        const unaccepted = findings.find(finding => finding.code === 'unaccepted-residual');
        expect(unaccepted?.message).toContain('(the last one has no `until`, and the method\'s `lasts` is not a valid duration)');
    });
});

describe('partial declarations', () => {
    test('a nameless risk is a syntax error and nothing else, and no export row', async () => {
        const { model: loaded, findings } = await checkTexts(model('nameless-risk-block.risk'));
        expect(findings.map(finding => finding.code)).toEqual(['syntax-error']);
        expect(buildExport('register', loaded.evaluation()).rows.map(row => row.id)).toEqual(['R-1']);
    });

    test('a risk without a title is exported with an empty title, and its action is planned', async () => {
        const { model: loaded } = await checkTexts(model('risk-without-title.risk'));
        expect(buildExport('register', loaded.evaluation()).rows.map(row => [row.id, row.title])).toEqual([['R-1', 'Ransomware'], ['R-2', '']]);
        expect(buildExport('plan', loaded.evaluation()).rows.filter(row => row.risk === 'R-2').map(row => [row.action, row.riskTitle])).toEqual([['A1', '']]);
    });
});

describe('a block written twice', () => {
    test('the earlier `levels` is duplicate-property, and its names are not reached by editor features', async () => {
        const text = model('levels-twice.risk');
        const { findings } = await checkTexts(text);
        // The last `levels` counts, so the appetite `Low` (line 6) names no level any more.
        expect(findings.map(finding => `${finding.code} ${finding.line}`).sort()).toEqual(['duplicate-property 5', 'unresolved-reference 6']);
        const { services, documents } = await runEveryFeature({ 'model.risk': text });
        const [document] = documents;
        const position = document.textDocument.positionAt(text.indexOf('Low 1..2'));
        const params = { textDocument: { uri: document.uri.toString() }, position };
        expect(await services.lsp.DefinitionProvider!.getDefinition(document, params)).toBeUndefined();
        expect(await services.lsp.ReferencesProvider!.findReferences(document, { ...params, context: { includeDeclaration: true } })).toEqual([]);
        expect(await services.lsp.RenameProvider!.prepareRename(document, params)).toBeUndefined();
    });
});
