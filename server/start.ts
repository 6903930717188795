/**
 * Starts the Risk language server on a connection. The VS Code extension starts it
 * through server/main.ts; other editors run `risk lsp --stdio` (cli/program.ts).
 */
import { inspect } from 'node:util';
import { startLanguageServer, type LangiumSharedServices } from 'langium/lsp';
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { registerRiskRequests } from '../language/lsp/requests/risk-requests.js';
import { registerWorkspaceStatus } from '../language/lsp/requests/workspace-status.js';
import { createRiskServices, type RiskServices } from '../language/risk-module.js';
import { RiskNodeFileSystem } from '../language/workspace/risk-file-system.js';
import { registerBuildReport } from './build-report.js';
import { installCalmDiagnostics } from './calm-diagnostics.js';
import { publishOnlyChangedDiagnostics } from './changed-diagnostics.js';
import { logInternalError } from '../language/validation/internal-error.js';

/**
 * Creates the services on the connection and starts listening: LSP, and the Risk
 * requests of the VS Code extension (`risk/export`, `risk/matrix`, `risk/checkWorkspace`),
 * the `risk/status` notification after every build, and the log and progress of builds;
 * findings an edit adds wait for a pause in typing (calm-diagnostics.ts).
 */
export function startRiskLanguageServer(connection: Connection): { shared: LangiumSharedServices; Risk: RiskServices } {
    // Langium starts a build on every edit without awaiting it: a failure there must not end
    // the server (Node exits on an unhandled rejection). Log it and keep serving.
    process.on('unhandledRejection', reason => logInternalError('updating the workspace', reason));
    const services = createRiskServices({ connection, ...RiskNodeFileSystem });
    registerRiskRequests(connection, services);
    registerWorkspaceStatus(connection, services);
    registerBuildReport(connection, services);
    // The calm gate decides what the client is sent while the user types; beneath it,
    // a publication that would change nothing on the client is not sent at all.
    publishOnlyChangedDiagnostics(connection);
    installCalmDiagnostics(connection, services.shared);
    startLanguageServer(services.shared);
    return services;
}

/**
 * A connection over standard input and output. Standard output carries the protocol,
 * so everything written to the console goes to the client's log instead.
 */
export function createStdioConnection(): Connection {
    const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout);
    const text = (args: unknown[]) => args.map(arg => typeof arg === 'string' ? arg : inspect(arg)).join(' ');
    console.log = (...args: unknown[]) => connection.console.log(text(args));
    console.info = (...args: unknown[]) => connection.console.info(text(args));
    console.debug = (...args: unknown[]) => connection.console.debug(text(args));
    console.warn = (...args: unknown[]) => connection.console.warn(text(args));
    console.error = (...args: unknown[]) => connection.console.error(text(args));
    return connection;
}
