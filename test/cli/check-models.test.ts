/** Which files `risk check` reads, how they form models, and the as-of date. */
import { afterEach, describe, expect, test } from 'vitest';
import { today } from '../../language/evaluation/dates.js';
import { CLEAN, FIXTURE_AS_OF, INFO, METHOD, SYNTAX, workspace, type Workspace } from './fixtures.js';
import { runJson, runRisk } from './run-risk.js';

let ws: Workspace | undefined;

afterEach(() => {
    ws?.remove();
    ws = undefined;
});

const codes = (report: { diagnostics: Array<{ file: string; code: string }> }) => report.diagnostics.map(diagnostic => `${diagnostic.file} ${diagnostic.code}`);

describe('a folder argument', () => {
    test('loads every .risk file below it, skipping node_modules and dot-folders', () => {
        ws = workspace({
            'project/method.risk': METHOD,
            'project/risks/deep/clean.risk': CLEAN,
            'project/notes.txt': 'risk R-1 "not a model file"',
            'project/node_modules/pkg/broken.risk': SYNTAX,
            'project/risks/node_modules/broken.risk': SYNTAX,
            'project/.git/broken.risk': SYNTAX,
            'project/risks/.cache/broken.risk': SYNTAX,
            'project/.hidden.risk': CLEAN.replace('R-001', 'R-100')
        });
        const { status, report } = runJson(['check', 'project', '--as-of', FIXTURE_AS_OF], ws.dir);
        expect(codes(report)).toEqual([]);
        // method.risk, clean.risk and .hidden.risk: a dot-file is read, only dot-folders are skipped.
        expect(report.files).toBe(3);
        expect(status).toBe(0);
    });

    test('defaults to the current folder', () => {
        ws = workspace({ 'method.risk': METHOD, 'risks/clean.risk': CLEAN, 'node_modules/x/broken.risk': SYNTAX });
        const { status, report } = runJson(['check', '--as-of', FIXTURE_AS_OF], ws.dir);
        expect(status).toBe(0);
        expect(report.files).toBe(2);
        const named = runJson(['check', '.', '--as-of', FIXTURE_AS_OF], ws.dir).report;
        expect(named).toEqual(report);
    });

    test('two folders are two models', () => {
        ws = workspace({ 'a/method.risk': METHOD, 'a/clean.risk': CLEAN, 'b/method.risk': METHOD, 'b/clean.risk': CLEAN });
        const separate = runJson(['check', 'a', 'b', '--as-of', FIXTURE_AS_OF], ws.dir);
        expect(codes(separate.report)).toEqual([]);
        expect(separate.report.files).toBe(4);
        expect(separate.status).toBe(0);
        // The same four files given one by one: still two models, one per folder with a method.
        const files = runJson(['check', 'a/method.risk', 'a/clean.risk', 'b/method.risk', 'b/clean.risk', '--as-of', FIXTURE_AS_OF], ws.dir);
        expect(codes(files.report)).toEqual([]);
        expect(files.status).toBe(0);
    });

    test('each model is checked on its own: a folder without a method has no method', () => {
        ws = workspace({ 'a/method.risk': METHOD, 'a/clean.risk': CLEAN, 'b/clean.risk': CLEAN });
        const { status, report } = runJson(['check', 'b', 'a', '--as-of', FIXTURE_AS_OF], ws.dir);
        expect(status).toBe(1);
        expect(report.diagnostics.filter(diagnostic => diagnostic.file.startsWith('a/'))).toEqual([]);
        expect(codes(report)).toContain('b/clean.risk method-missing');
        // Sorted by file then position, whatever the order of the arguments.
        const files = report.diagnostics.map(diagnostic => diagnostic.file);
        expect(files).toEqual([...files].sort());
    });
});

describe('models below one folder (docs/language.md §1)', () => {
    test('each folder with a method is a model: shared IDs are no duplicate-id, and each finding names its model', () => {
        ws = workspace({ 'repo/a/method.risk': METHOD, 'repo/a/clean.risk': CLEAN, 'repo/b/method.risk': METHOD, 'repo/b/risks/clean.risk': CLEAN, 'repo/loose/clean.risk': CLEAN });
        const { report } = runJson(['check', 'repo', '--as-of', FIXTURE_AS_OF], ws.dir);
        expect(report.models).toEqual([{ folder: 'repo', files: 1 }, { folder: 'repo/a', files: 2 }, { folder: 'repo/b', files: 2 }]);
        // Only the method-less rest, the folder argument's own model, has findings.
        expect(report.diagnostics.every(diagnostic => diagnostic.file.startsWith('repo/loose/') && diagnostic.model === 'repo')).toBe(true);
        expect(codes(report)).toContain('repo/loose/clean.risk method-missing');
        expect(codes(report).filter(code => code.endsWith('duplicate-id'))).toEqual([]);
        const pretty = runRisk(['check', 'repo', '--as-of', FIXTURE_AS_OF], { cwd: ws.dir }).stdout;
        expect(pretty).toContain('Model repo/a (2 files): no findings');
        expect(pretty).toMatch(/in 5 files of 3 models \(as of/);
    });

    test('risk export needs one model, and lists them otherwise', () => {
        ws = workspace({ 'repo/a/method.risk': METHOD, 'repo/a/clean.risk': CLEAN, 'repo/b/method.risk': METHOD, 'repo/b/clean.risk': CLEAN });
        const both = runRisk(['export', 'register', 'repo', '--as-of', FIXTURE_AS_OF], { cwd: ws.dir });
        expect(both.status).toBe(2);
        expect(both.stderr).toContain('An export is of one model, and these paths hold 2');
        expect(both.stderr).toContain('repo/a (2 files)');
        expect(both.stderr).toContain('repo/b (2 files)');
        const one = runRisk(['export', 'register', 'repo/b', '--as-of', FIXTURE_AS_OF], { cwd: ws.dir });
        expect(one.status).toBe(0);
    });
});

describe('file arguments', () => {
    test('together form one model', () => {
        ws = workspace({ 'm/method.risk': METHOD, 'm/clean.risk': CLEAN });
        const { status, report } = runJson(['check', 'm/clean.risk', 'm/method.risk', '--as-of', FIXTURE_AS_OF], ws.dir);
        expect(codes(report)).toEqual([]);
        expect(report.files).toBe(2);
        expect(status).toBe(0);
        const alone = runJson(['check', 'm/clean.risk', '--as-of', FIXTURE_AS_OF], ws.dir).report;
        expect(codes(alone)).toContain('m/clean.risk method-missing');
        expect(codes(alone)).toContain('m/clean.risk unresolved-reference');
    });

    test('report paths relative to the working directory, also for files outside it', () => {
        ws = workspace({ 'm/method.risk': METHOD, 'm/clean.risk': CLEAN, 'm/info.risk': INFO, 'cwd/.keep': '' });
        const { report } = runJson(['check', '../m', '--as-of', FIXTURE_AS_OF], `${ws.dir}/cwd`);
        expect(report.diagnostics.map(diagnostic => diagnostic.file)).toEqual(['../m/info.risk']);
        const absolute = runJson(['check', `${ws.dir}/m`, '--as-of', FIXTURE_AS_OF], ws.dir).report;
        expect(absolute.diagnostics.map(diagnostic => diagnostic.file)).toEqual(['m/info.risk']);
    });
});

describe('a file with syntax errors', () => {
    test('is reported, not a crash', () => {
        ws = workspace({ 'm/method.risk': METHOD, 'm/broken.risk': SYNTAX, 'm/garbage.risk': '}}}} %%% \u0000 "unterminated' });
        for (const format of ['pretty', 'json', 'sarif', 'github']) {
            const run = runRisk(['check', 'm', '--as-of', FIXTURE_AS_OF, '--format', format], { cwd: ws.dir });
            expect(run.status).toBe(1);
            expect(run.stderr).toBe('');
            expect(run.stdout).toContain('syntax-error');
        }
        const { report } = runJson(['check', 'm', '--as-of', FIXTURE_AS_OF], ws.dir);
        expect(report.diagnostics.some(diagnostic => diagnostic.file === 'm/garbage.risk' && diagnostic.code === 'syntax-error')).toBe(true);
        expect(report.diagnostics.some(diagnostic => diagnostic.file === 'm/broken.risk' && diagnostic.code === 'syntax-error')).toBe(true);
    });
});

describe('--as-of', () => {
    test('is the date every date rule uses', () => {
        ws = workspace({ 'm/method.risk': METHOD, 'm/clean.risk': CLEAN, 'm/info.risk': INFO });
        const at = (date: string) => runJson(['check', 'm', '--as-of', date], ws!.dir);
        // The acceptance runs from 2026-01-01 until 2026-12-01.
        expect(codes(at('2026-06-01').report)).toEqual([]);
        expect(codes(at('2026-11-23').report)).toEqual(['m/info.risk acceptance-expiring']);
        const lapsed = at('2026-12-05');
        expect(codes(lapsed.report)).toContain('m/info.risk acceptance-expired');
        expect(codes(lapsed.report)).toContain('m/info.risk unaccepted-residual');
        expect(lapsed.status).toBe(1);
        expect(lapsed.report.asOf).toBe('2026-12-05');
    });

    test('defaults to today', () => {
        ws = workspace({ 'm/method.risk': METHOD, 'm/clean.risk': CLEAN });
        const before = today();
        const { report } = runJson(['check', 'm'], ws.dir);
        expect([before, today()]).toContain(report.asOf);
        const pretty = runRisk(['check', 'm'], { cwd: ws.dir });
        expect(pretty.stdout).toMatch(/\(as of \d{4}-\d{2}-\d{2}\)\n$/);
    });
});
