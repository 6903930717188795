import { DefaultWorkspaceManager, type LangiumDocument, type WorkspaceFolder } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { createBuiltinDocuments } from './builtin-documents.js';

/** Loads the Annex A library next to the workspace's `.risk` files. */
export class RiskWorkspaceManager extends DefaultWorkspaceManager {
    constructor(private readonly sharedServices: LangiumSharedServices) {
        super(sharedServices);
    }

    protected override async loadAdditionalDocuments(_folders: WorkspaceFolder[], collector: (document: LangiumDocument) => void): Promise<void> {
        createBuiltinDocuments(this.sharedServices).forEach(collector);
    }
}
