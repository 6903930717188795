/**
 * Runs every feature a user can reach on a model (validation, each editor request at
 * every token, each export in each format, the server's own requests) and lists what
 * failed: an exception, an error that Langium caught and logged instead, or a diagnostic
 * that hides one (`internal-error`, or Langium's "An error occurred during …" text). A
 * model the parser accepts only in part must still answer everything.
 */
import { CstUtils, EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import type { CodeActionParams, Position, TextDocumentPositionParams } from 'vscode-languageserver';
import { buildExport, EXPORT_FORMATS, EXPORT_KINDS, formatExport } from '../../language/exports/index.js';
import { exportRequest } from '../../language/lsp/requests/export-request.js';
import { matrixRequest } from '../../language/lsp/requests/matrix-request.js';
import { checkWorkspaceResult } from '../../language/lsp/requests/workspace-status.js';
import { createRiskServices, type RiskServices } from '../../language/risk-module.js';
import { createBuiltinDocuments } from '../../language/workspace/builtin-documents.js';
import { TEST_AS_OF } from './check-model.js';

export interface FeatureRun {
    readonly services: RiskServices;
    readonly documents: readonly LangiumDocument[];
    /** `feature at file:line:character: message`, one per failure. */
    readonly failures: string[];
}

/** Loads the files into editor services (reference index included) and runs every feature. */
export async function runEveryFeature(files: Readonly<Record<string, string>>, asOf = TEST_AS_OF): Promise<FeatureRun> {
    const { Risk, shared } = createRiskServices(EmptyFileSystem);
    Risk.settings.RiskSettings.setAsOf(asOf);
    const documents = Object.entries(files).map(([name, text]) => {
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(`/model/${name}`));
        shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    const failures: string[] = [];
    const describe = (error: unknown) => error instanceof Error ? error.message : String(error);
    const attempt = async (what: string, run: () => unknown): Promise<void> => {
        // Langium catches some errors (in completion, in linking) and only logs them.
        const logged: unknown[][] = [];
        const consoleError = console.error;
        console.error = (...args: unknown[]) => logged.push(args);
        try {
            await run();
        } catch (error) {
            failures.push(`${what}: ${describe(error)}`);
        } finally {
            console.error = consoleError;
        }
        for (const args of logged) {
            failures.push(`${what} logged: ${args.map(describe).join(' ')}`);
        }
    };
    await attempt('build', () => shared.workspace.DocumentBuilder.build([...createBuiltinDocuments(shared), ...documents], { validation: true }));
    for (const document of documents) {
        for (const diagnostic of document.diagnostics ?? []) {
            const message = typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
            if (diagnostic.code === 'internal-error' || /^An error occurred/.test(message)) {
                failures.push(`diagnostic ${diagnostic.code} at ${document.uri.path}:${diagnostic.range.start.line + 1}: ${message.split('\n')[0]}`);
            }
        }
        await exerciseDocument(Risk, document, attempt);
    }
    for (const kind of EXPORT_KINDS) {
        for (const format of EXPORT_FORMATS) {
            await attempt(`export ${kind} ${format}`, () => formatExport(buildExport(kind, Risk.evaluation.ModelEvaluator.evaluate(documents[0] ?? URI.file('/model')), { baseDir: '/model' }), format));
            await attempt(`risk/export ${kind} ${format}`, () => exportRequest(Risk, { kind, format }, { baseDir: '/model' }));
        }
    }
    await attempt('risk/matrix', () => matrixRequest(Risk, {}));
    await attempt('risk/checkWorkspace', () => checkWorkspaceResult(Risk));
    return { services: Risk, documents, failures };
}

type Attempt = (what: string, run: () => unknown) => Promise<void>;

async function exerciseDocument(services: RiskServices, document: LangiumDocument, attempt: Attempt): Promise<void> {
    const lsp = services.lsp;
    const textDocument = { uri: document.uri.toString() };
    const text = document.textDocument.getText();
    const whole = { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(text.length) };
    const file = document.uri.path.split('/').pop();
    await attempt(`symbols ${file}`, () => lsp.DocumentSymbolProvider?.getSymbols(document, { textDocument }));
    await attempt(`semantic tokens ${file}`, () => lsp.SemanticTokenProvider?.semanticHighlight(document, { textDocument }));
    await attempt(`folding ${file}`, () => lsp.FoldingRangeProvider?.getFoldingRanges(document, { textDocument }));
    await attempt(`inlay hints ${file}`, () => lsp.InlayHintProvider?.getInlayHints(document, { textDocument, range: whole }));
    await attempt(`formatting ${file}`, () => lsp.Formatter?.formatDocument(document, { textDocument, options: { tabSize: 2, insertSpaces: true } }));
    const codeActionParams: CodeActionParams = { textDocument, range: whole, context: { diagnostics: document.diagnostics ?? [] } };
    await attempt(`code actions ${file}`, () => lsp.CodeActionProvider?.getCodeActions(document, codeActionParams));
    for (const position of tokenPositions(document)) {
        const where = `${file}:${position.line + 1}:${position.character + 1}`;
        const params: TextDocumentPositionParams = { textDocument, position };
        await attempt(`hover at ${where}`, () => lsp.HoverProvider?.getHoverContent(document, params));
        await attempt(`completion at ${where}`, () => lsp.CompletionProvider?.getCompletion(document, params));
        await attempt(`definition at ${where}`, () => lsp.DefinitionProvider?.getDefinition(document, params));
        await attempt(`references at ${where}`, () => lsp.ReferencesProvider?.findReferences(document, { ...params, context: { includeDeclaration: true } }));
        await attempt(`highlight at ${where}`, () => lsp.DocumentHighlightProvider?.getDocumentHighlight(document, params));
        await attempt(`prepare rename at ${where}`, () => lsp.RenameProvider?.prepareRename(document, params));
        await attempt(`rename at ${where}`, () => lsp.RenameProvider?.rename(document, { ...params, newName: 'Renamed' }));
    }
}

/** The start of every token of the document, and the end of the text. */
function tokenPositions(document: LangiumDocument): Position[] {
    const root = document.parseResult.value.$cstNode;
    const positions = root ? CstUtils.flattenCst(root).map(node => node.range.start).toArray() : [];
    return [...positions, document.textDocument.positionAt(document.textDocument.getText().length)];
}
