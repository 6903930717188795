import { DefaultWorkspaceManager, type BuildOptions, type LangiumDocument, type WorkspaceFolder } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { createBuiltinDocuments } from './builtin-documents.js';

/**
 * Loads the Annex A library next to the workspace's `.risk` files, and validates the
 * whole model when the workspace opens: every unaccepted residual risk shows in the
 * Problems panel at once, not only in the files the user happens to open.
 */
export class RiskWorkspaceManager extends DefaultWorkspaceManager {
    override initialBuildOptions: BuildOptions = { validation: true };

    constructor(private readonly sharedServices: LangiumSharedServices) {
        super(sharedServices);
    }

    protected override async loadAdditionalDocuments(_folders: WorkspaceFolder[], collector: (document: LangiumDocument) => void): Promise<void> {
        createBuiltinDocuments(this.sharedServices).forEach(collector);
    }
}
