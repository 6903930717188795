/**
 * Runs one input (a model of one or more files) through everything a user can reach, in
 * process and with fresh services (bar the parsers, fuzz-services.ts): build and validation, every LSP provider at several
 * positions, the server's own `risk/*` requests, and every export in every format. Returns
 * the properties that did not hold.
 */
import { URI, type LangiumDocument } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CancellationToken, type Diagnostic, type FormattingOptions, type Position, type Range, type TextEdit } from 'vscode-languageserver';
import { ResponseError } from 'vscode-languageserver';
import { EXPORT_FORMATS, EXPORT_KINDS } from '../../language/exports/index.js';
import { exportRequest } from '../../language/lsp/requests/export-request.js';
import { matrixRequest } from '../../language/lsp/requests/matrix-request.js';
import { checkWorkspaceResult } from '../../language/lsp/requests/workspace-status.js';
import type { RiskServices } from '../../language/risk-module.js';
import { createBuiltinDocuments } from '../../language/workspace/builtin-documents.js';
import type { ModelFiles } from './corpus.js';
import { describeError, type Failure } from './failures.js';
import { createFuzzServices } from './fuzz-services.js';
import { solidTokens } from './tokens.js';

export const FUZZ_AS_OF = '2026-11-23';

export interface ExerciseOptions {
    /**
     * A step that takes more CPU time than this on a small file fails (`slow`). Left out,
     * time is not checked: the unit tests run on machines of any speed.
     */
    readonly timeLimitMs?: number;
    /** Files up to this size count as small for the time limit. */
    readonly smallFileBytes?: number;
    /** Adds the time spent in each kind of step (`hover`, `build`, …), for `npm run fuzz -- --profile`. */
    readonly timings?: Map<string, number>;
}

export const SMALL_FILE_BYTES = 16 * 1024;
/** Positions asked about per file, besides its first and last character. */
const POSITIONS_PER_FILE = 6;
/** Completion, ten times as costly as the other requests, is asked at every fifth position, the end of the file among them. */
const COMPLETION_EVERY = 5;
const FORMATTING: FormattingOptions = { tabSize: 2, insertSpaces: true };

/** Langium's message when a validator throws: its exception, shown as a diagnostic. */
const VALIDATOR_EXCEPTION = /^An error occurred during (validation|set-up of the validation|tear-down of the validation)/;

interface Workspace {
    readonly services: RiskServices;
    readonly documents: LangiumDocument[];
}

class Exerciser {
    readonly failures: Failure[] = [];
    private readonly small: boolean;

    constructor(files: ModelFiles, private readonly options: ExerciseOptions) {
        this.small = Object.values(files).every(text => text.length <= (options.smallFileBytes ?? SMALL_FILE_BYTES));
    }

    /** Runs one step; an exception is a failure, and so is a slow answer on a small file. */
    async step<T>(step: string, run: () => T | PromiseLike<T>): Promise<T | undefined> {
        // CPU time of this thread, not wall time: what the step costs, however busy the machine
        // is with other work. A thread uses at most as much CPU time as wall time passes, so a
        // step that ends within the limit needs no second reading (each costs ~10 µs, a few
        // percent of an input).
        const cpuStart = process.threadCpuUsage();
        const wallStart = performance.now();
        try {
            return await run();
        } catch (error) {
            if (error instanceof ResponseError && error.code !== -32603) {
                return undefined; // an answer to the client, such as "invalid params"
            }
            this.failures.push({ property: 'exception', step, ...describeError(error) });
            return undefined;
        } finally {
            const { timeLimitMs, timings } = this.options;
            const mayBeSlow = timeLimitMs !== undefined && this.small && performance.now() - wallStart > timeLimitMs;
            if (mayBeSlow || timings) {
                const used = process.threadCpuUsage(cpuStart);
                const elapsed = (used.user + used.system) / 1000;
                const kind = step.replace(/ \(.*\)$/, '');
                timings?.set(kind, (timings.get(kind) ?? 0) + elapsed);
                if (mayBeSlow && elapsed > timeLimitMs) {
                    this.failures.push({ property: 'slow', step, message: `took ${Math.round(elapsed)} ms of CPU (limit ${timeLimitMs} ms)` });
                }
            }
        }
    }
}

/** Builds and validates `files` in fresh services: the fuzzer's own, or those `create` makes. */
export async function loadWorkspace(files: ModelFiles, create: () => Pick<RiskServices, 'shared'> & { Risk: RiskServices } = createFuzzServices): Promise<Workspace> {
    const { Risk, shared } = create();
    Risk.settings.RiskSettings.setAsOf(FUZZ_AS_OF);
    const documents = Object.entries(files).map(([name, text]) => {
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(`/model/${name}`));
        shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    await shared.workspace.DocumentBuilder.build([...createBuiltinDocuments(shared), ...documents], { validation: true });
    return { services: Risk, documents };
}

export async function exerciseModel(files: ModelFiles, options: ExerciseOptions = {}): Promise<Failure[]> {
    const run = new Exerciser(files, options);
    // Langium catches some exceptions (a validator's, a build step's) and only logs them.
    const log = console.error;
    console.error = (...args: unknown[]) => {
        const [first, second] = args;
        const error = args.find(arg => arg instanceof Error);
        run.failures.push({ property: 'logged-exception', step: 'log', message: error ? describeError(error).message : [first, second].map(String).join(' '), detail: error?.stack });
    };
    try {
        await exerciseAll(run, files);
    } finally {
        console.error = log;
    }
    return run.failures;
}

async function exerciseAll(run: Exerciser, files: ModelFiles): Promise<void> {
    const workspace = await run.step('build', () => loadWorkspace(files));
    if (!workspace) {
        return;
    }
    checkDiagnostics(run, workspace);
    for (const document of workspace.documents) {
        await editorRequests(run, workspace.services, document);
    }
    await run.step('workspace symbols', () => workspace.services.shared.lsp.WorkspaceSymbolProvider?.getSymbols({ query: '' }));
    await run.step('workspace symbols R', () => workspace.services.shared.lsp.WorkspaceSymbolProvider?.getSymbols({ query: 'R' }));
    await riskRequests(run, workspace.services);
    await formattingKeepsMeaning(run, workspace, files);
}

/** An exception must not reach the user disguised as a finding about their model. */
function checkDiagnostics(run: Exerciser, workspace: Workspace): void {
    for (const document of workspace.documents) {
        run.failures.push(...exceptionsShownAsDiagnostics(document.diagnostics ?? []));
    }
}

/** Diagnostics that carry an exception: `internal-error`, or Langium's text for a validator that threw. */
export function exceptionsShownAsDiagnostics(diagnostics: readonly Diagnostic[]): Failure[] {
    return diagnostics.flatMap((diagnostic): Failure[] => {
        const message = typeof diagnostic.message === 'string' ? diagnostic.message : (diagnostic.message as { value: string }).value;
        if (diagnostic.code !== 'internal-error' && !VALIDATOR_EXCEPTION.test(message)) {
            return [];
        }
        return [{ property: 'swallowed-exception', step: `validation (${String(diagnostic.code)})`, message: message.replace(VALIDATOR_EXCEPTION, '').replace(/^:\s*/, '') }];
    });
}

/** Where to ask: the first and last character, and tokens spread over the file. */
function positionsOf(document: LangiumDocument): Position[] {
    const text = document.textDocument.getText();
    const tokens = solidTokens(text);
    const step = Math.max(1, Math.ceil(tokens.length / POSITIONS_PER_FILE));
    const offsets = [0, text.length];
    for (let index = 0; index < tokens.length; index += step) {
        offsets.push(tokens[index].offset + Math.floor(tokens[index].text.length / 2));
    }
    return offsets.map(offset => document.textDocument.positionAt(offset));
}

async function editorRequests(run: Exerciser, services: RiskServices, document: LangiumDocument): Promise<void> {
    const lsp = services.lsp;
    const textDocument = { uri: document.uri.toString() };
    const lineCount = document.textDocument.lineCount;
    const whole: Range = { start: { line: 0, character: 0 }, end: { line: lineCount, character: 0 } };
    const positions = positionsOf(document);
    for (const [index, position] of positions.entries()) {
        const params = { textDocument, position };
        await run.step('hover', () => lsp.HoverProvider?.getHoverContent(document, params));
        if (index % COMPLETION_EVERY === 1) {
            await run.step('completion', () => lsp.CompletionProvider?.getCompletion(document, params));
        }
        await run.step('definition', () => lsp.DefinitionProvider?.getDefinition(document, params));
        await run.step('references', () => lsp.ReferencesProvider?.findReferences(document, { ...params, context: { includeDeclaration: true } }));
        await run.step('highlight', () => lsp.DocumentHighlightProvider?.getDocumentHighlight(document, params));
        const renamable = await run.step('prepare rename', () => lsp.RenameProvider?.prepareRename(document, params));
        if (renamable) {
            await run.step('rename', () => lsp.RenameProvider?.rename(document, { ...params, newName: 'Renamed-1' }));
        }
    }
    const last = positions[positions.length - 1];
    await run.step('on-type formatting', () => lsp.Formatter?.formatDocumentOnType(document, { textDocument, position: last, ch: '}', options: FORMATTING }));
    await run.step('document symbols', () => lsp.DocumentSymbolProvider?.getSymbols(document, { textDocument }));
    await run.step('semantic tokens', () => lsp.SemanticTokenProvider?.semanticHighlight(document, { textDocument }, CancellationToken.None));
    await run.step('semantic tokens range', () => lsp.SemanticTokenProvider?.semanticHighlightRange(document, { textDocument, range: halfOf(whole) }, CancellationToken.None));
    await run.step('folding', () => lsp.FoldingRangeProvider?.getFoldingRanges(document, { textDocument }));
    await run.step('inlay hints', () => lsp.InlayHintProvider?.getInlayHints(document, { textDocument, range: whole }));
    const diagnostics: Diagnostic[] = document.diagnostics ?? [];
    await run.step('code actions (all)', () => lsp.CodeActionProvider?.getCodeActions(document, { textDocument, range: whole, context: { diagnostics } }));
    for (const diagnostic of diagnostics) {
        await run.step(`code actions (${String(diagnostic.code)})`, () => lsp.CodeActionProvider?.getCodeActions(document, { textDocument, range: diagnostic.range, context: { diagnostics: [diagnostic] } }));
    }
    await run.step('range formatting', () => lsp.Formatter?.formatDocumentRange(document, { textDocument, range: halfOf(whole), options: FORMATTING }));
}

function halfOf(range: Range): Range {
    return { start: { line: Math.floor(range.end.line / 4), character: 0 }, end: { line: Math.ceil(range.end.line * 3 / 4), character: 0 } };
}

/** The server's own requests, as the VS Code extension sends them. */
async function riskRequests(run: Exerciser, services: RiskServices): Promise<Map<string, string>> {
    const contents = new Map<string, string>();
    for (const kind of EXPORT_KINDS) {
        for (const format of EXPORT_FORMATS) {
            const result = await run.step(`risk/export ${kind} ${format}`, () => exportRequest(services, { kind, format, bom: format === 'csv' }, { baseDir: '/model' }));
            if (result) {
                contents.set(`${kind}.${format}`, result.content);
            }
        }
    }
    await run.step('risk/matrix', () => matrixRequest(services, {}));
    await run.step('risk/checkWorkspace', () => checkWorkspaceResult(services));
    return contents;
}

function applyEdits(document: LangiumDocument, edits: TextEdit[]): string {
    return TextDocument.applyEdits(TextDocument.create(document.uri.toString(), 'risk', 0, document.textDocument.getText()), edits);
}

/**
 * A file that parses, once formatted, formats to itself, and the model means the same:
 * the same diagnostic codes in each file and the same JSON exports (bar files and lines).
 */
async function formattingKeepsMeaning(run: Exerciser, workspace: Workspace, files: ModelFiles): Promise<void> {
    const parses = (document: LangiumDocument) => document.parseResult.lexerErrors.length === 0 && document.parseResult.parserErrors.length === 0;
    if (!workspace.documents.every(parses)) {
        return;
    }
    const formatter = workspace.services.lsp.Formatter!;
    const formatted: ModelFiles = {};
    const names = Object.keys(files);
    for (const [index, document] of workspace.documents.entries()) {
        const edits = await run.step('formatting', () => formatter.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: FORMATTING }));
        if (!edits) {
            return;
        }
        formatted[names[index]] = applyEdits(document, edits);
    }
    if (names.every(name => formatted[name] === files[name])) {
        return; // already formatted: formatting is idempotent on it and changes nothing
    }
    const again = await run.step('build (formatted)', () => loadWorkspace(formatted));
    if (!again) {
        return;
    }
    for (const [index, document] of again.documents.entries()) {
        const edits = await run.step('formatting (formatted)', () => formatter.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: FORMATTING })) ?? [];
        const twice = applyEdits(document, edits);
        if (twice !== formatted[names[index]]) {
            run.failures.push({ property: 'format-not-idempotent', step: 'formatting', message: `formatting ${names[index]} a second time changes it`, detail: firstDifference(formatted[names[index]], twice) });
        }
    }
    const codes = (documents: LangiumDocument[]) => documents.map(document => (document.diagnostics ?? []).map(diagnostic => String(diagnostic.code)).sort().join(' '));
    const before = codes(workspace.documents);
    const after = codes(again.documents);
    names.forEach((name, index) => {
        if (before[index] !== after[index]) {
            run.failures.push({ property: 'format-changes-meaning', step: 'formatting', message: `formatting ${name} changes its diagnostics`, detail: `before: ${before[index]}\nafter:  ${after[index]}` });
        }
    });
    for (const kind of EXPORT_KINDS) {
        const json = async (services: RiskServices) => withoutPlaces((await run.step(`risk/export ${kind} json`, () => exportRequest(services, { kind, format: 'json' })))?.content);
        const original = await json(workspace.services);
        const reformatted = await json(again.services);
        if (original !== reformatted) {
            run.failures.push({ property: 'format-changes-meaning', step: 'formatting', message: `formatting changes the ${kind} export`, detail: firstDifference(original ?? '', reformatted ?? '') });
        }
    }
}

/** A JSON export without the places things are written (file, line, column), which formatting may move. */
function withoutPlaces(content: string | undefined): string | undefined {
    if (content === undefined) {
        return undefined;
    }
    return JSON.stringify(JSON.parse(content), (key, value: unknown) => ['file', 'line', 'column', 'endLine', 'endColumn'].includes(key) ? undefined : value);
}

function firstDifference(a: string, b: string): string {
    let index = 0;
    while (index < a.length && a[index] === b[index]) {
        index++;
    }
    return `at offset ${index}:\n  ${JSON.stringify(a.slice(Math.max(0, index - 40), index + 40))}\n  ${JSON.stringify(b.slice(Math.max(0, index - 40), index + 40))}`;
}
