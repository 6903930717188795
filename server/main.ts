/**
 * The language server over stdio or Node IPC: what the VS Code extension starts, and
 * what `risk lsp --stdio` runs for other editors.
 */
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createRiskServices } from '../language/risk-module.js';

const connection = createConnection(ProposedFeatures.all);
const { shared } = createRiskServices({ connection, ...NodeFileSystem });
startLanguageServer(shared);
