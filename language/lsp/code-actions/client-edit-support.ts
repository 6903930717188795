/**
 * What the client can do with a workspace edit, as its `initialize` request says: apply
 * LSP 3.18 snippet edits, create files. Without a client (tests, the CLI) neither.
 */
import type { LangiumSharedServices } from 'langium/lsp';
import type { InitializeParams } from 'vscode-languageserver';

export interface EditSupport {
    readonly snippetEdits: boolean;
    readonly resourceOperations: boolean;
}

export class ClientEditSupport {
    current: EditSupport = { snippetEdits: false, resourceOperations: false };

    constructor(shared: LangiumSharedServices) {
        shared.lsp.LanguageServer?.onInitialize(params => {
            this.current = editSupportOf(params);
        });
    }
}

export function editSupportOf(params: InitializeParams): EditSupport {
    const workspaceEdit = params.capabilities.workspace?.workspaceEdit;
    return {
        snippetEdits: workspaceEdit?.snippetEditSupport === true,
        resourceOperations: workspaceEdit?.documentChanges === true && (workspaceEdit.resourceOperations ?? []).includes('create')
    };
}
