// The desktop test, run inside VS Code's extension host by run-desktop.mjs: the
// extension activates on the workspace, the server publishes the diagnostics of every
// file (unopened ones too), the Risk commands are there, and Check Workspace answers.
// CommonJS, because the extension host loads the test module with require().
const assert = require('node:assert/strict');
const vscode = require('vscode');

const EXTENSION_ID = 'risk-language.risk-language';
const COMMANDS = ['risk.checkWorkspace', 'risk.exportRegister', 'risk.exportPlan', 'risk.exportSoa', 'risk.showRiskMatrix'];

/** Polls until `check` returns something other than undefined. */
async function waitFor(what, check, timeout = 60_000) {
    const start = Date.now();
    for (;;) {
        const value = await check();
        if (value !== undefined) {
            return value;
        }
        if (Date.now() - start > timeout) {
            throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
        }
        await new Promise(resolve => setTimeout(resolve, 250));
    }
}

function codeOf(diagnostic) {
    return typeof diagnostic.code === 'object' && diagnostic.code !== null ? String(diagnostic.code.value) : String(diagnostic.code);
}

exports.run = async function run() {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is loaded from the development path`);
    // workspaceContains:**/*.risk activates it without any file open.
    await waitFor('the extension to activate', () => extension.isActive ? true : undefined);

    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder, 'a workspace folder is open');
    assert.equal(vscode.workspace.getConfiguration('risk').get('asOf'), process.env.RISK_DESKTOP_AS_OF);

    // The README's six findings of acme-saas, among them two unaccepted residual risks.
    const unaccepted = await waitFor('the unaccepted-residual errors of R-005 and R-011', () => {
        const found = vscode.languages.getDiagnostics()
            .flatMap(([uri, diagnostics]) => diagnostics.map(diagnostic => ({ uri, diagnostic })))
            .filter(({ diagnostic }) => codeOf(diagnostic) === 'unaccepted-residual');
        return found.length === 2 ? found : undefined;
    });
    assert.deepEqual(unaccepted.map(({ diagnostic }) => diagnostic.message.split(' ')[0]).sort(), ['R-005', 'R-011']);
    assert.ok(unaccepted.every(({ diagnostic }) => diagnostic.severity === vscode.DiagnosticSeverity.Error));

    const document = await vscode.workspace.openTextDocument(unaccepted[0].uri);
    assert.equal(document.languageId, 'risk');
    await vscode.window.showTextDocument(document);

    const commands = await vscode.commands.getCommands(true);
    for (const command of COMMANDS) {
        assert.ok(commands.includes(command), `${command} is registered`);
    }
    await vscode.commands.executeCommand('risk.checkWorkspace');
    const after = vscode.languages.getDiagnostics().flatMap(([, diagnostics]) => diagnostics).filter(diagnostic => codeOf(diagnostic) === 'unaccepted-residual');
    assert.equal(after.length, 2, 'Check Workspace finds the same unaccepted residual risks');
};
