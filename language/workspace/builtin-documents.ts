/**
 * The built-in library document that declares the Annex A controls. It lives in
 * memory under a `builtin:` URI, is indexed like any file, and is never validated
 * or shown as part of the user's model.
 */
import { URI, type LangiumDocument, type LangiumSharedCoreServices } from 'langium';
import { ANNEX_A_URI, annexLibraryText } from '../builtins/annex-a.js';

export const BUILTIN_SCHEME = 'builtin';

export function isBuiltinDocument(document: LangiumDocument): boolean {
    return document.uri.scheme === BUILTIN_SCHEME;
}

export function createBuiltinDocuments(shared: LangiumSharedCoreServices): LangiumDocument[] {
    const documents = shared.workspace.LangiumDocuments;
    const uri = URI.parse(ANNEX_A_URI);
    if (documents.hasDocument(uri)) {
        return [documents.getDocument(uri)!];
    }
    const document = shared.workspace.LangiumDocumentFactory.fromString(annexLibraryText(), uri);
    documents.addDocument(document);
    return [document];
}
