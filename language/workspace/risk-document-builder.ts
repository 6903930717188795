/**
 * The document builder of the language server and the CLI.
 *
 * Model-wide rules (duplicate IDs, unused declarations, the one method) read every
 * file, so a change to one file can change another's diagnostics even when the other
 * does not refer to it: after any change, every model file is validated again (its
 * links stay; only files that refer to the changed ones are relinked).
 *
 * When a file starts or stops declaring a `method`, or a model folder goes, files may
 * belong to another model (model-boundaries.ts) and their references to other
 * targets: every model file is linked and validated again.
 *
 * And no validation of the built-in Annex A library: its
 * `annex` declarations are the language's own, and validating them as a user's model
 * would report each one (`checkAnnexNotRedeclared`) — in the editor, 93 errors on
 * `builtin:/annex-a.risk` the first time any document changes or the as-of date moves.
 */
import { DefaultDocumentBuilder, DocumentState, type BuildOptions, type Cancellation, type LangiumDocument, type URI } from 'langium';
import type { RiskServices } from '../risk-module.js';
import { isBuiltinDocument } from './builtin-documents.js';

export class RiskDocumentBuilder extends DefaultDocumentBuilder {
    /** The model roots the documents were last linked with. */
    private linkedBoundaries: string | undefined;

    protected override async buildDocuments(documents: LangiumDocument[], options: BuildOptions, cancelToken: Cancellation.CancellationToken): Promise<void> {
        await super.buildDocuments(documents, options, cancelToken);
        const boundaries = this.modelBoundaries()?.signature();
        if (this.linkedBoundaries !== undefined && boundaries !== this.linkedBoundaries) {
            // Rare (a method added, removed or moved): a second pass is simpler than predicting
            // it. As an update, so that every cache of the workspace state is dropped too.
            const own = this.langiumDocuments.all.filter(document => !isBuiltinDocument(document)).toArray();
            own.forEach(document => this.resetToState(document, DocumentState.IndexedContent));
            await this.emitUpdate(own.map(document => document.uri), []);
            await super.buildDocuments(own, options, cancelToken);
        }
        // Only once every document is linked with them: a cancelled pass is redone next time.
        this.linkedBoundaries = boundaries;
    }

    private modelBoundaries() {
        // The shared builder reaches the language's services through the registry (one language).
        return (this.serviceRegistry.all[0] as RiskServices | undefined)?.evaluation?.ModelBoundaries;
    }

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
