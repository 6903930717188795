/**
 * Loads an in-memory model for the export tests, failing on any syntax error in it, or,
 * for a test about exports of a half-typed model, failing unless it has one.
 */
import { loadModelTexts, type LoadedModel } from '../../../language/model/load-model.js';

export const TEST_AS_OF = '2026-11-23';

export async function loadTexts(files: Readonly<Record<string, string>>, asOf = TEST_AS_OF, { syntaxErrors = false } = {}): Promise<LoadedModel> {
    const model = await loadModelTexts(files, { asOf, validate: false });
    const errors = model.documents.flatMap(document => [...document.parseResult.lexerErrors, ...document.parseResult.parserErrors]
        .map(error => `${document.uri.path}: ${error.message}`));
    if (errors.length > 0 && !syntaxErrors) {
        throw new Error(`The model does not parse: ${errors.join('; ')}`);
    }
    if (errors.length === 0 && syntaxErrors) {
        throw new Error('The model was meant to hold a syntax error, and parses');
    }
    return model;
}
