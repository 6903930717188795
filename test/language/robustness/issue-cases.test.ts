/**
 * The failures of issue 11, each on the smallest model that showed it
 * (test/resources/robustness): validation, every editor request at every token, every
 * export in every format and the server's own requests answer without an exception,
 * without a logged error and without an `internal-error`.
 */
import { describe, expect, test } from 'vitest';
import { runEveryFeature } from '../../helpers/every-feature.js';
import { robustnessModels } from '../../helpers/robustness-models.js';

describe('issue 11: every feature answers on the models that made it fail', () => {
    test.each(robustnessModels().map(model => [model.file, model.text] as const))('%s', async (_file, text) => {
        const { failures } = await runEveryFeature({ 'model.risk': text });
        expect(failures).toEqual([]);
    });
});
