/**
 * Runs every validation of the workspace again, as a document change would: in the
 * workspace lock, through `update`, which also finishes any build that was cancelled
 * on the way. Date rules depend on the as-of date, which moves when the setting
 * changes or, with "today", overnight; the settings and the editor's "Check Workspace"
 * command re-validate this way.
 */
import { DocumentState, type LangiumSharedCoreServices } from 'langium';
import { isBuiltinDocument } from './builtin-documents.js';

export function revalidateWorkspace(shared: LangiumSharedCoreServices): Promise<void> {
    const { DocumentBuilder, LangiumDocuments, WorkspaceLock } = shared.workspace;
    return WorkspaceLock.write(async token => {
        for (const document of LangiumDocuments.all) {
            if (document.state >= DocumentState.IndexedReferences && !isBuiltinDocument(document)) {
                DocumentBuilder.resetToState(document, DocumentState.IndexedReferences);
            }
        }
        await DocumentBuilder.update([], [], token);
    });
}
