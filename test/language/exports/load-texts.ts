/** Loads an in-memory model for the export tests, failing on any syntax error in it. */
import { loadModelTexts, type LoadedModel } from '../../../language/model/load-model.js';

export const TEST_AS_OF = '2026-11-23';

export async function loadTexts(files: Readonly<Record<string, string>>, asOf = TEST_AS_OF): Promise<LoadedModel> {
    const model = await loadModelTexts(files, { asOf, validate: false });
    for (const document of model.documents) {
        const { lexerErrors, parserErrors } = document.parseResult;
        if (lexerErrors.length > 0 || parserErrors.length > 0) {
            throw new Error(`${document.uri.path} does not parse: ${[...lexerErrors, ...parserErrors].map(error => error.message).join('; ')}`);
        }
    }
    return model;
}
