/**
 * Go to definition on `A.8.5` leads to the server's built-in Annex A library
 * (`builtin:/annex-a.risk`). VS Code cannot open that scheme by itself: this provider
 * shows the same text, read-only, from the same catalogue the server loads.
 */
import * as vscode from 'vscode';
import { ANNEX_A_URI, annexLibraryText } from '../language/builtins/annex-a.js';

export function registerBuiltinDocuments(context: vscode.ExtensionContext): void {
    const builtin = vscode.Uri.parse(ANNEX_A_URI);
    context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(builtin.scheme, {
        provideTextDocumentContent: uri => uri.path === builtin.path ? annexLibraryText() : undefined
    }));
}
