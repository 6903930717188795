/**
 * The document builder of the language server and the CLI.
 *
 * Model-wide rules (duplicate IDs, unused declarations, the one method) read every
 * file, so a change to one file can change another's diagnostics even when the other
 * does not refer to it: after any change, every model file is validated again (its
 * links stay; only files that refer to the changed ones are relinked).
 *
 * And no validation of the built-in Annex A library: its
 * `annex` declarations are the language's own, and validating them as a user's model
 * would report each one (`checkAnnexNotRedeclared`) — in the editor, 93 errors on
 * `builtin:/annex-a.risk` the first time any document changes or the as-of date moves.
 */
import { DefaultDocumentBuilder, DocumentState, type LangiumDocument, type URI } from 'langium';
import { isBuiltinDocument } from './builtin-documents.js';

export class RiskDocumentBuilder extends DefaultDocumentBuilder {
    protected override async emitUpdate(changed: URI[], deleted: URI[]): Promise<void> {
        for (const document of this.langiumDocuments.all) {
            if (!isBuiltinDocument(document) && document.state > DocumentState.IndexedReferences) {
                this.resetToState(document, DocumentState.IndexedReferences);
            }
        }
        await super.emitUpdate(changed, deleted);
    }

    protected override shouldValidate(document: LangiumDocument): boolean {
        return !isBuiltinDocument(document) && super.shouldValidate(document);
    }
}
