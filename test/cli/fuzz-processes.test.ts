/**
 * The fuzzer's reproducers and its nastiest inputs (test/fuzz/nastiest.ts) fed to the real
 * processes: `risk check`, `risk export` and `risk lsp --stdio`. Exit codes stay 0, 1 or 2;
 * stderr never shows a stack trace or an "unexpected failure" without RISK_DEBUG; the
 * language server answers every request without an internal error and never exits on its own.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ModelFiles } from '../fuzz/corpus.js';
import { nastiestInputs } from '../fuzz/nastiest.js';
import { readReproducers } from '../fuzz/reproducers.js';
import { LspProcess, type Message } from './lsp-process.js';
import { runRiskAsync, type RiskRun } from './run-risk.js';

const AS_OF = '2026-11-23';
/** Models per `risk check` process (each folder argument is a model of its own). */
const MODELS_PER_CHECK = 25;
const CHECKED_INPUTS = 100;
const EXPORTED_INPUTS = 15;
const SERVED_INPUTS = 100;

interface NamedModel {
    readonly name: string;
    readonly files: ModelFiles;
}

const reproducers: NamedModel[] = readReproducers().map(reproducer => ({ name: `reproducer ${reproducer.name}`, files: reproducer.files }));
const nastiest: NamedModel[] = nastiestInputs(1, Math.max(CHECKED_INPUTS, SERVED_INPUTS)).map(input => ({ name: `input ${input.index} (${input.description})`, files: input.files }));

let root: string;
/** Folder of each model on disk. */
const folders = new Map<NamedModel, string>();

beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'risk-fuzz-processes-'));
    [...reproducers, ...nastiest].forEach((model, index) => {
        const folder = join(root, `model-${index}`);
        for (const [file, text] of Object.entries(model.files)) {
            mkdirSync(dirname(join(folder, file)), { recursive: true });
            writeFileSync(join(folder, file), text);
        }
        folders.set(model, folder);
    });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** What a user must never see: the tool's own failure. */
function expectNoInternalFailure(run: RiskRun, what: string): void {
    expect([0, 1, 2], `${what}: exit code\n${run.stderr}`).toContain(run.status);
    expect(run.stderr, what).not.toMatch(/\n\s+at .+[:(]\d+:\d+\)?/);
    expect(run.stderr, what).not.toMatch(/unexpected failure|Set RISK_DEBUG/);
}

/** Runs the tasks two at a time: the machine has two cores. */
async function twoAtATime<T>(tasks: Array<() => Promise<T>>): Promise<T[]> {
    const results: T[] = [];
    let next = 0;
    const worker = async () => {
        while (next < tasks.length) {
            const index = next++;
            results[index] = await tasks[index]();
        }
    };
    await Promise.all([worker(), worker()]);
    return results;
}

describe('risk check', () => {
    test(`on the reproducers and ${CHECKED_INPUTS} nastiest inputs: exit 0 or 1, a JSON report, no stack trace`, async () => {
        const models = [...reproducers, ...nastiest.slice(0, CHECKED_INPUTS)];
        const batches = Array.from({ length: Math.ceil(models.length / MODELS_PER_CHECK) }, (_, batch) => models.slice(batch * MODELS_PER_CHECK, (batch + 1) * MODELS_PER_CHECK));
        const runs = await twoAtATime(batches.map(batch => () => runRiskAsync(['check', ...batch.map(model => folders.get(model)!), '--as-of', AS_OF, '--format', 'json', '--fail-on', 'error'], { cwd: root })));
        runs.forEach((run, index) => {
            const what = `risk check of ${batches[index].map(model => model.name).join(', ')}`;
            expectNoInternalFailure(run, what);
            expect([0, 1], `${what}\n${run.stderr}`).toContain(run.status);
            expect(() => JSON.parse(run.stdout) as unknown, what).not.toThrow();
        });
    }, 600_000);
});

describe('risk export', () => {
    const KINDS = ['register', 'plan', 'soa'];
    const FORMATS = ['csv', 'md', 'json'];
    test(`of the reproducers and ${EXPORTED_INPUTS} nastiest inputs, in every kind and format: exit 0 and content, or a clear message`, async () => {
        const models = [...reproducers, ...nastiest.slice(0, EXPORTED_INPUTS)];
        const runs = await twoAtATime(models.map((model, index) => () => {
            const args = ['export', KINDS[index % 3], folders.get(model)!, '--format', FORMATS[Math.floor(index / 3) % 3], '--as-of', AS_OF];
            return runRiskAsync(args, { cwd: root }).then(run => ({ run, what: `risk ${args.slice(0, 2).join(' ')} --format ${args[4]} of ${model.name}` }));
        }));
        for (const { run, what } of runs) {
            expectNoInternalFailure(run, what);
            if (run.status === 0) {
                expect(run.stdout.length, what).toBeGreaterThan(0);
            } else {
                // Refused (a file that is not UTF-8, say): one line per reason, each saying what is wrong.
                expect(run.status, what).toBe(2);
                expect(run.stderr, what).toMatch(/^risk: \S/);
            }
        }
    }, 600_000);
});

describe('risk lsp --stdio', () => {
    test(`edited through the reproducers and ${SERVED_INPUTS} nastiest inputs, answers every request and never exits on its own`, async () => {
        const lsp = new LspProcess();
        try {
            const workspace = join(root, 'lsp-workspace');
            mkdirSync(workspace);
            await lsp.openWorkspace(workspace, AS_OF);
            // Each input replaces the text of the open files, as a user's edits do; files it lacks become empty.
            const versions: number[] = [];
            const uriOf = (slot: number) => `file://${workspace}/slot-${slot}.risk`;
            const failures: string[] = [];
            for (const model of [...reproducers, ...nastiest.slice(0, SERVED_INPUTS)]) {
                const texts = Object.values(model.files);
                const slots = Math.max(texts.length, versions.length);
                for (let slot = 0; slot < slots; slot++) {
                    const text = texts[slot] ?? '';
                    if (versions[slot] === undefined) {
                        versions[slot] = 1;
                        lsp.notify('textDocument/didOpen', { textDocument: { uri: uriOf(slot), languageId: 'risk', version: 1, text } });
                    } else {
                        versions[slot]++;
                        lsp.notify('textDocument/didChange', { textDocument: { uri: uriOf(slot), version: versions[slot] }, contentChanges: [{ text }] });
                    }
                }
                const textDocument = { uri: uriOf(0) };
                const lines = (texts[0] ?? '').split(/\r\n|\r|\n/);
                const end = { line: lines.length - 1, character: lines.at(-1)!.length };
                const middle = { line: Math.floor(lines.length / 2), character: 2 };
                const requests: Array<[string, unknown]> = [
                    ['textDocument/hover', { textDocument, position: middle }],
                    ['textDocument/completion', { textDocument, position: end }],
                    ['textDocument/definition', { textDocument, position: middle }],
                    ['textDocument/references', { textDocument, position: middle, context: { includeDeclaration: true } }],
                    ['textDocument/documentSymbol', { textDocument }],
                    ['textDocument/semanticTokens/full', { textDocument }],
                    ['textDocument/foldingRange', { textDocument }],
                    ['textDocument/inlayHint', { textDocument, range: { start: { line: 0, character: 0 }, end } }],
                    ['textDocument/codeAction', { textDocument, range: { start: { line: 0, character: 0 }, end }, context: { diagnostics: [] } }],
                    ['textDocument/formatting', { textDocument, options: { tabSize: 2, insertSpaces: true } }],
                    ['risk/export', { kind: 'register', format: 'md' }],
                    ['risk/matrix', {}],
                    ['risk/checkWorkspace', {}]
                ];
                const answers = await Promise.all(requests.map(([method, params]) => lsp.request(method, params)));
                answers.forEach((answer: Message, index) => {
                    if (answer.error && answer.error.code !== -32800) {
                        failures.push(`${model.name}: ${requests[index][0]} answered ${answer.error.code} ${answer.error.message}`);
                    }
                });
                expect(lsp.process.exitCode, `the server exited after ${model.name}\n${lsp.stderr}`).toBeNull();
            }
            expect(failures).toEqual([]);
            // An exception the server caught is logged as an error: there must be none.
            const errorLogs = lsp.received
                .filter(message => message.method === 'window/logMessage' && (message.params as { type: number }).type === 1)
                .map(message => (message.params as { message: string }).message.split('\n')[0]);
            expect(errorLogs).toEqual([]);
            expect(lsp.stderr).not.toMatch(/\n\s+at .+[:(]\d+:\d+\)?/);
            await lsp.close();
        } finally {
            if (lsp.process.exitCode === null) {
                lsp.process.kill();
            }
        }
    }, 600_000);
});
