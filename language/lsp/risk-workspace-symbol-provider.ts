/**
 * Workspace symbols: Langium's default search of the index (fuzzy match on the name),
 * with two kinds of entries left out:
 * - the Annex A controls of the built-in library. Its `builtin:` document is no file an
 *   editor can open, and its 93 entries would bury the model's own symbols under any
 *   short query; go to definition and hover still reach them from a reference.
 * - the second entry of each scale value: it is indexed under its name and under its
 *   number (so `likelihood 3` links), and a symbol named `3` would be a duplicate.
 */
import type { AstNodeDescription } from 'langium';
import { DefaultWorkspaceSymbolProvider } from 'langium/lsp';
import type { WorkspaceSymbol } from 'vscode-languageserver';
import { BUILTIN_SCHEME } from '../workspace/builtin-documents.js';

const NUMBER = /^[0-9]+$/;

export class RiskWorkspaceSymbolProvider extends DefaultWorkspaceSymbolProvider {
    protected override getWorkspaceSymbol(description: AstNodeDescription): WorkspaceSymbol | undefined {
        if (description.documentUri.scheme === BUILTIN_SCHEME || NUMBER.test(description.name)) {
            return undefined;
        }
        return super.getWorkspaceSymbol(description);
    }
}
