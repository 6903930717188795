/**
 * The language server entry point the VS Code extension starts (bundled to
 * dist/server.cjs): the transport comes from the command line, `--node-ipc`,
 * `--stdio` or `--socket=N`, as vscode-languageclient passes it.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startRiskLanguageServer } from './start.js';

startRiskLanguageServer(createConnection(ProposedFeatures.all));
