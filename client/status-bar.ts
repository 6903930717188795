/**
 * The status bar item: how many residual risks above appetite have no valid
 * acceptance, as the server counts them after every build (`risk/status`). A click
 * lists those risks (Risk: Show Unaccepted Residual Risks) and opens the one picked at
 * its ID; with none to list it opens the Problems panel.
 */
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { STATUS_NOTIFICATION, type RiskStatus } from '../language/lsp/requests/status-protocol.js';
import { unacceptedRisks } from './unaccepted-risks.js';

const SHOW_UNACCEPTED = 'risk.showUnacceptedRisks';

/**
 * Opens the Problems panel. Without `preserveFocus` the command toggles: it would
 * close the panel when the Problems view has the focus.
 */
export const SHOW_PROBLEMS: vscode.Command = {
    title: 'Show Problems',
    command: 'workbench.actions.view.problems',
    arguments: [{ preserveFocus: true }]
};

export function registerStatusBar(context: vscode.ExtensionContext, client: LanguageClient): void {
    const item = vscode.window.createStatusBarItem('risk.status', vscode.StatusBarAlignment.Left, 100);
    item.name = 'Risk: Unaccepted Residual Risks';
    item.command = SHOW_UNACCEPTED;
    showLoading(item);
    context.subscriptions.push(
        item,
        vscode.commands.registerCommand(SHOW_UNACCEPTED, showUnacceptedRisks),
        client.onNotification(STATUS_NOTIFICATION, (status: RiskStatus) => show(item, status)),
        // A count the server no longer keeps up to date is not shown; the next status after a restart shows it again.
        client.onDidChangeState(event => {
            if (event.newState === State.Stopped) {
                item.hide();
            } else if (event.newState === State.Starting) {
                showLoading(item);
            }
        })
    );
}

/**
 * Shown from activation, and again when the server restarts: until the first count
 * arrives, a large workspace that is still loading must not look like a clean one.
 */
function showLoading(item: vscode.StatusBarItem): void {
    item.text = '$(sync~spin) Risk: loading';
    item.tooltip = 'Risk: loading and checking the model of the workspace…';
    item.backgroundColor = undefined;
    item.show();
}

function show(item: vscode.StatusBarItem, status: RiskStatus): void {
    const count = status.unacceptedResidualRisks;
    const risks = count === 1 ? '1 residual risk is' : `${count} residual risks are`;
    const errors = status.errors === 1 ? '1 error' : `${status.errors} errors`;
    item.text = `$(shield) ${count} unaccepted`;
    item.tooltip = [
        count === 0
            ? `Risk: every residual risk above appetite has a valid acceptance (as of ${status.asOf}).`
            : `Risk: ${risks} above appetite with no valid acceptance (as of ${status.asOf}).`,
        `The model has ${errors} in all.`,
        count === 0 ? 'Click to open the Problems panel.' : 'Click to list them.'
    ].join('\n');
    item.backgroundColor = count > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.show();
}

/**
 * A quick pick of the `unaccepted-residual` errors the editor holds; the one picked opens
 * at its risk ID. Without any, the Problems panel, where the model's other findings are.
 */
async function showUnacceptedRisks(): Promise<void> {
    const risks = unacceptedRisks(
        vscode.languages.getDiagnostics().map(([uri, diagnostics]) => [uri.toString(), diagnostics] as const),
        uri => vscode.workspace.asRelativePath(vscode.Uri.parse(uri))
    );
    if (risks.length === 0) {
        await vscode.commands.executeCommand(SHOW_PROBLEMS.command, ...SHOW_PROBLEMS.arguments ?? []);
        return;
    }
    const picked = await vscode.window.showQuickPick(risks, {
        title: `Risk: ${risks.length} residual risk${risks.length === 1 ? '' : 's'} above appetite without a valid acceptance`,
        placeHolder: 'Open a risk to accept it formally or reduce it',
        matchOnDetail: true,
        matchOnDescription: true
    });
    if (picked) {
        const position = new vscode.Position(picked.line, picked.character);
        await vscode.window.showTextDocument(vscode.Uri.parse(picked.uri), { selection: new vscode.Range(position, position) });
    }
}
