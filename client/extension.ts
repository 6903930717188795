/**
 * The VS Code extension (bundled to dist/extension.cjs): starts the Risk language
 * server (dist/server.cjs) over Node IPC and adds the Risk commands and the status
 * bar item. Everything the editor shows about a model — diagnostics, hints, hovers,
 * completion, quick fixes, formatting — comes from the server; the extension only
 * connects it to VS Code.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { serverMemoryOptions } from '../language/workspace/server-memory.js';
import { registerBuiltinDocuments } from './builtin-documents.js';
import { registerCheckWorkspace } from './check-workspace.js';
import { registerExportCommands } from './commands/export-commands.js';
import { registerRiskMatrix } from './commands/risk-matrix.js';
import { registerStatusBar } from './status-bar.js';

/** The client's ID names its settings section: `risk.trace.server` is read as `${ID}.trace.server`. */
const CLIENT_ID = 'risk';
const CLIENT_NAME = 'Risk Language';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const serverModule = context.asAbsolutePath('dist/server.cjs');
    // Read on every (re)start of the server: the memory limit is a Node option of its process.
    const runOptions = { execArgv: configuredServerMemory() };
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc, options: runOptions },
        // "Run Extension" from a launch configuration: the server waits for a debugger on port 6009.
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    // A log channel: the server's console output lands here with its level, and the
    // protocol trace too once the channel's log level is Trace (`risk.trace.server`
    // then chooses between messages and verbose).
    const outputChannel = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
    context.subscriptions.push(outputChannel);
    const clientOptions: LanguageClientOptions = {
        documentSelector: [
            { scheme: 'file', language: 'risk' },
            { scheme: 'untitled', language: 'risk' }
        ],
        synchronize: {
            // The `risk` settings need no entry here: the server registers for the
            // section itself and pulls it (workspace/configuration), and a second
            // registration would send every change twice.
            fileEvents: vscode.workspace.createFileSystemWatcher('**/*.risk')
        },
        outputChannel
    };
    client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);

    registerBuiltinDocuments(context);
    registerStatusBar(context, client);
    registerCheckWorkspace(context, client);
    registerExportCommands(context, client);
    registerRiskMatrix(context, client);
    context.subscriptions.push(vscode.workspace.onDidChangeConfiguration(event => {
        if (event.affectsConfiguration(SERVER_MEMORY_SETTING)) {
            runOptions.execArgv = configuredServerMemory();
            void offerServerRestart();
        }
    }));

    await client.start();
}

const SERVER_MEMORY_SETTING = 'risk.server.maxMemory';

function configuredServerMemory(): string[] {
    return serverMemoryOptions(vscode.workspace.getConfiguration().get(SERVER_MEMORY_SETTING));
}

async function offerServerRestart(): Promise<void> {
    const restart = 'Restart Server';
    const choice = await vscode.window.showInformationMessage(`Risk: ${SERVER_MEMORY_SETTING} applies when the language server restarts.`, restart);
    if (choice === restart) {
        await client?.restart();
    }
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}
