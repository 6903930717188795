/**
 * The models of issue 11 (test/resources/robustness) fed to the real processes:
 * `risk check` and `risk export` keep their exit codes and print no stack trace, and
 * `risk lsp --stdio` publishes diagnostics, answers requests and does not exit on them.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { robustnessModels } from '../helpers/robustness-models.js';
import { workspace, type Workspace } from './fixtures.js';
import { LspProcess, type Message } from './lsp-process.js';
import { runJson, runRisk } from './run-risk.js';

const AS_OF = '2026-11-23';
const MODELS = robustnessModels();
const STACK_FRAME = /\n\s+at /;

let ws: Workspace;
beforeAll(() => {
    ws = workspace(Object.fromEntries(MODELS.map(model => [`${model.file.replace(/\.risk$/, '')}/model.risk`, model.text])));
});
afterAll(() => ws.remove());

const folderOf = (file: string) => file.replace(/\.risk$/, '');

describe('risk check', () => {
    test.each(MODELS.map(model => model.file))('%s: findings with their own codes, exit 1, nothing on stderr', file => {
        const { status, report, stderr } = runJson(['check', folderOf(file), '--as-of', AS_OF], ws.dir);
        expect(status).toBe(1);
        expect(stderr).toBe('');
        const codes = report.diagnostics.map(diagnostic => diagnostic.code);
        expect(codes).not.toContain('internal-error');
        expect(codes.length).toBeGreaterThan(0);
    });
});

describe('risk export', () => {
    // Every format of every kind is exercised in process (test/language/robustness); here each kind once, formats in turn.
    test.each(MODELS.map(model => model.file))('%s: each kind is written, exit 0, only the partial-export warning on stderr', file => {
        for (const [kind, format] of [['register', 'md'], ['plan', 'csv'], ['soa', 'json']]) {
            const run = runRisk(['export', kind, folderOf(file), '--format', format, '--as-of', AS_OF], { cwd: ws.dir });
            expect(run.status, `${kind} ${format}: ${run.stderr}`).toBe(0);
            expect(run.stdout.length).toBeGreaterThan(0);
            expect(run.stderr).not.toMatch(STACK_FRAME);
            expect(run.stderr).not.toContain('unexpected failure');
            expect(run.stderr.split('\n').filter(Boolean).every(line => line.startsWith('risk: warning:'))).toBe(true);
        }
    }, 120_000);
});

describe('risk lsp --stdio', () => {
    let lsp: LspProcess | undefined;
    afterEach(() => {
        if (lsp && lsp.process.exitCode === null) {
            lsp.process.kill();
        }
        lsp = undefined;
    });

    test('didOpen of `review every months` with an unresolved scale value (the server used to exit): diagnostics, then a clean shutdown', async () => {
        const server = lsp = new LspProcess();
        const folder = `${ws.dir}/review-every-months-unresolved-value`;
        await server.openWorkspace(folder, AS_OF);
        const uri = `file://${folder}/model.risk`;
        const text = MODELS.find(model => model.file === 'review-every-months-unresolved-value.risk')!.text;
        server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'risk', version: 1, text } });
        const published = await server.waitFor(message => message.method === 'textDocument/publishDiagnostics' && (message.params as { uri: string }).uri === uri
            && (message.params as { diagnostics: unknown[] }).diagnostics.length > 0, 'diagnostics');
        const codes = (published.params as { diagnostics: Array<{ code: string }> }).diagnostics.map(diagnostic => diagnostic.code).sort();
        expect(codes).toEqual(['syntax-error', 'value-out-of-scale']);
        const matrix = await server.request('risk/matrix', {});
        expect(matrix.error).toBeUndefined();
        expect(server.stderr).toBe('');
        await server.close();
    });

    test('every model opened in turn: diagnostics are published, hover, symbols and the export answer, and the server stays up', async () => {
        const server = lsp = new LspProcess();
        await server.openWorkspace(ws.dir, AS_OF);
        for (const [index, model] of MODELS.entries()) {
            const uri = `file://${ws.dir}/${folderOf(model.file)}/model.risk`;
            server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'risk', version: 1, text: model.text } });
            const published = await server.waitFor(message => message.method === 'textDocument/publishDiagnostics' && (message.params as { uri: string }).uri === uri, `diagnostics of ${model.file}`);
            const codes = (published.params as { diagnostics: Array<{ code: string }> }).diagnostics.map(diagnostic => diagnostic.code);
            expect(codes, model.file).not.toContain('internal-error');
            // A hover on every line start and the document's symbols: answered, never an error.
            const lines = model.text.split('\n').length;
            for (let line = 0; line < lines; line++) {
                const hover: Message = await server.request('textDocument/hover', { textDocument: { uri }, position: { line, character: 2 } });
                expect(hover.error, `${model.file} hover on line ${line + 1}`).toBeUndefined();
            }
            const symbols = await server.request('textDocument/documentSymbol', { textDocument: { uri } });
            expect(symbols.error, model.file).toBeUndefined();
            const exported = await server.request('risk/export', { kind: 'register', format: 'md', uri });
            expect(exported.error, model.file).toBeUndefined();
            server.notify('textDocument/didClose', { textDocument: { uri } });
            expect(server.process.exitCode, `the server exited after ${model.file} (${index + 1} of ${MODELS.length})`).toBeNull();
        }
        expect(server.stderr).not.toMatch(STACK_FRAME);
        await server.close();
    }, 120_000);
});
