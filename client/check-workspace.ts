/**
 * "Risk: Check Workspace": the server validates every file of the model again (date
 * rules move with the as-of date, even overnight), then the counts show as `risk check`
 * prints them, and the Problems panel opens on the findings.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { summaryLine } from '../cli/formatters/pretty.js';
import { CHECK_WORKSPACE_REQUEST, type CheckWorkspaceResult } from '../language/lsp/requests/status-protocol.js';
import { SHOW_PROBLEMS } from './status-bar.js';

export const CHECK_WORKSPACE_COMMAND = 'risk.checkWorkspace';

export function registerCheckWorkspace(context: vscode.ExtensionContext, client: LanguageClient): void {
    context.subscriptions.push(vscode.commands.registerCommand(CHECK_WORKSPACE_COMMAND, async () => {
        let result: CheckWorkspaceResult;
        try {
            result = await vscode.window.withProgress(
                { location: vscode.ProgressLocation.Window, title: 'Risk: checking the workspace' },
                () => client.sendRequest<CheckWorkspaceResult>(CHECK_WORKSPACE_REQUEST, {})
            );
        } catch (error) {
            void vscode.window.showErrorMessage(`Risk: checking the workspace failed: ${error instanceof Error ? error.message : String(error)}`);
            return;
        }
        await vscode.commands.executeCommand(SHOW_PROBLEMS.command, ...SHOW_PROBLEMS.arguments!);
        void vscode.window.showInformationMessage(`Risk: ${summaryLine(result, result.files, result.asOf)}.`);
    }));
}
