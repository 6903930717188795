import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ALL_ISSUE_CODES } from '../../../language/validation/issue-codes.js';
import { annotatedModels } from '../../helpers/annotated-models.js';
import { checkFiles, checkTexts } from '../../helpers/check-model.js';

const root = join(import.meta.dirname, '../../resources/validation');
const models = annotatedModels(root);

describe('annotated validation models', () => {
    test.each(models.map(model => [model.name, model] as const))('%s', async (_name, model) => {
        const { findings } = model.fromDisk ? await checkFiles(model.root, Object.keys(model.files), model.asOf) : await checkTexts(model.files, model.asOf);
        const actual = findings
            .filter(finding => !model.ignored.has(finding.code))
            .map(finding => `${finding.file}:${finding.line} ${finding.code}`)
            .sort();
        expect(actual).toEqual(model.expected);
    });
});

// `internal-error` fires only on a bug in the tool, so no model can show it:
// internal-error.test.ts makes a check throw instead.
const MODEL_CODES = ALL_ISSUE_CODES.filter(code => code !== 'internal-error');

describe('every diagnostic code is covered', () => {
    test.each(MODEL_CODES)('%s fires in one model and stays silent in a near miss', code => {
        const inFolder = models.filter(model => model.name.startsWith(`${code}/`));
        expect(inFolder.some(model => model.expected.some(entry => entry.endsWith(` ${code}`))), `a model under ${code}/ expects ${code}`).toBe(true);
        expect(inFolder.some(model => !model.ignored.has(code) && !model.expected.some(entry => entry.endsWith(` ${code}`))), `a model under ${code}/ where ${code} must not fire`).toBe(true);
    });
});
