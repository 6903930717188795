/**
 * The status bar item: how many residual risks above appetite have no valid
 * acceptance, as the server counts them after every build (`risk/status`). A click
 * opens the Problems panel, where each of them is an `unaccepted-residual` error.
 */
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { STATUS_NOTIFICATION, type RiskStatus } from '../language/lsp/requests/status-protocol.js';

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
    item.command = SHOW_PROBLEMS;
    showLoading(item);
    context.subscriptions.push(
        item,
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
        'Click to open the Problems panel.'
    ].join('\n');
    item.backgroundColor = count > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.show();
}
