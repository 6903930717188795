/** `risk check --format …`: the four output formats of one model with one finding of each severity. */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log } from 'sarif';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ALL_ISSUE_CODES, ISSUES } from '../../language/validation/issue-codes.js';
import { CLEAN, ERROR, FIXTURE_AS_OF, HINT, INFO, METHOD, SYNTAX, WARNING, workspace, type Workspace } from './fixtures.js';
import { REPO_ROOT, runJson, runRisk } from './run-risk.js';

const EXPECTED = [
    { file: 'model/error.risk', line: 1, column: 6, endLine: 1, endColumn: 11, severity: 'error', code: 'unaccepted-residual' },
    { file: 'model/hint.risk', line: 1, column: 8, endLine: 1, endColumn: 13, severity: 'hint', code: 'unused' },
    { file: 'model/info.risk', line: 9, column: 32, endLine: 9, endColumn: 42, severity: 'info', code: 'acceptance-expiring' },
    { file: 'model/warning.risk', line: 1, column: 6, endLine: 1, endColumn: 11, severity: 'warning', code: 'missing-owner' }
];

const SYNTAX_FILE = 'broken/odd,name:50%.risk';

let ws: Workspace;

beforeAll(() => {
    ws = workspace({
        'model/method.risk': METHOD,
        'model/clean.risk': CLEAN,
        'model/error.risk': ERROR,
        'model/warning.risk': WARNING,
        'model/info.risk': INFO,
        'model/hint.risk': HINT,
        'broken/method.risk': METHOD,
        'broken/clean.risk': CLEAN,
        [SYNTAX_FILE]: SYNTAX
    });
});

afterAll(() => ws.remove());

describe('--format json', () => {
    test('has the documented shape, 1-based positions and paths relative to the working directory', () => {
        const { status, report } = runJson(['check', 'model', '--as-of', FIXTURE_AS_OF], ws.dir);
        expect(status).toBe(1);
        expect(Object.keys(report)).toEqual(['version', 'asOf', 'files', 'models', 'summary', 'diagnostics']);
        expect(report.version).toBe(1);
        expect(report.asOf).toBe(FIXTURE_AS_OF);
        expect(report.files).toBe(6);
        expect(report.summary).toEqual({ errors: 1, warnings: 1, infos: 1, hints: 1 });
        expect(report.diagnostics.map(({ message: _message, model: _model, ...rest }) => rest)).toEqual(EXPECTED);
        for (const diagnostic of report.diagnostics) {
            expect(Object.keys(diagnostic)).toEqual(['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message', 'model']);
            expect(diagnostic.message.length).toBeGreaterThan(10);
        }
        expect(report.diagnostics[0].message).toContain('R-002');
    });

    test('reports a file that does not parse as syntax-error findings', () => {
        const { status, report, stderr } = runJson(['check', 'broken', '--as-of', FIXTURE_AS_OF], ws.dir);
        expect(status).toBe(1);
        expect(stderr).toBe('');
        const syntax = report.diagnostics.filter(diagnostic => diagnostic.code === 'syntax-error');
        expect(syntax.length).toBeGreaterThanOrEqual(2);
        expect(syntax.every(diagnostic => diagnostic.file === SYNTAX_FILE && diagnostic.severity === 'error')).toBe(true);
        // The `%` on line 2, column 9.
        expect(syntax[0]).toMatchObject({ line: 2, column: 9, endLine: 2, endColumn: 10 });
        expect(report.summary.errors).toBe(report.diagnostics.filter(diagnostic => diagnostic.severity === 'error').length);
    });
});

describe('--format sarif', () => {
    let log: Log;
    let status: number | null;

    beforeAll(() => {
        const run = runRisk(['check', 'model', '--as-of', FIXTURE_AS_OF, '--format', 'sarif'], { cwd: ws.dir });
        status = run.status;
        log = JSON.parse(run.stdout) as Log;
    });

    test('is a SARIF 2.1.0 log with one run of the risk tool', () => {
        expect(status).toBe(1);
        expect(log.version).toBe('2.1.0');
        expect(log.$schema).toMatch(/sarif-2\.1\.0/);
        expect(log.runs).toHaveLength(1);
        const [run] = log.runs;
        const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
        expect(run.tool.driver.name).toBe('risk');
        expect(run.tool.driver.version).toBe(pkg.version);
        expect(run.tool.driver.informationUri).toMatch(/^https:\/\//);
        expect(run.columnKind).toBe('utf16CodeUnits');
        expect(run.originalUriBaseIds?.['%SRCROOT%']?.uri).toBe(pathToFileURL(ws.dir).href + '/');
    });

    test('describes every issue code as a rule', () => {
        const rules = log.runs[0].tool.driver.rules ?? [];
        expect(rules.map(rule => rule.id)).toEqual(ALL_ISSUE_CODES);
        const levels = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
        for (const rule of rules) {
            const issue = ISSUES[rule.id as keyof typeof ISSUES];
            expect(rule.name).toMatch(/^[A-Z][A-Za-z]+$/);
            expect(rule.shortDescription?.text).toBe(issue.summary);
            expect(rule.fullDescription?.text).toContain(issue.summary);
            expect(rule.help?.text).toBe(issue.help);
            expect(rule.defaultConfiguration?.level).toBe(levels[issue.severity]);
        }
        expect(rules.find(rule => rule.id === 'unaccepted-residual')?.name).toBe('UnacceptedResidual');
    });

    test('gives every result its rule, level, message, location and fingerprints, most serious first', () => {
        const run = log.runs[0];
        const rules = run.tool.driver.rules ?? [];
        const results = run.results ?? [];
        // Errors, warnings, infos, then hints; by file within a severity.
        const ranked = [EXPECTED[0], EXPECTED[3], EXPECTED[2], EXPECTED[1]];
        expect(results.map(result => result.ruleId)).toEqual(ranked.map(expected => expected.code));
        expect(results.map(result => result.level)).toEqual(['error', 'warning', 'note', 'note']);
        results.forEach((result, index) => {
            expect(rules[result.ruleIndex!].id).toBe(result.ruleId);
            expect(result.message.text).toBeTruthy();
            const location = result.locations![0].physicalLocation!;
            expect(location.artifactLocation).toEqual({ uri: ranked[index].file, uriBaseId: '%SRCROOT%' });
            const { line, column, endLine, endColumn } = ranked[index];
            expect(location.region).toEqual({ startLine: line, startColumn: column, endLine, endColumn });
            expect(Object.keys(result.partialFingerprints ?? {})).toEqual(['riskFinding/v2', 'primaryLocationLineHash']);
            expect(result.partialFingerprints!['riskFinding/v2']).toMatch(/^[0-9a-f]{32}:\d+$/);
            expect(result.partialFingerprints!.primaryLocationLineHash).toMatch(/^[0-9a-f]{16}:\d+$/);
        });
        expect(new Set(results.map(result => result.partialFingerprints!['riskFinding/v2'])).size).toBe(results.length);
    });

    test('keeps a finding’s fingerprints when it moves to another line or file', () => {
        const moved = workspace({ 'model/method.risk': METHOD, 'model/clean.risk': CLEAN, 'model/error.risk': ERROR });
        try {
            const sarif = () => JSON.parse(runRisk(['check', 'model', '--as-of', FIXTURE_AS_OF, '--format', 'sarif'], { cwd: moved.dir }).stdout) as Log;
            const before = sarif().runs[0].results![0];
            moved.write({ 'model/error.risk': `// a comment\n\n${ERROR}` });
            const after = sarif().runs[0].results![0];
            expect(before.ruleId).toBe('unaccepted-residual');
            expect(after.locations![0].physicalLocation!.region!.startLine).toBe(3);
            expect(before.locations![0].physicalLocation!.region!.startLine).toBe(1);
            expect(after.partialFingerprints).toEqual(before.partialFingerprints);
            // Re-indenting the line keeps the fingerprint; renaming the risk makes a new one.
            moved.write({ 'model/error.risk': ERROR.replace('risk R-002', 'risk  R-002 ') });
            const changed = sarif().runs[0].results![0];
            expect(changed.ruleId).toBe('unaccepted-residual');
            expect(changed.partialFingerprints).toEqual(before.partialFingerprints);
            // Moving the risk to another file keeps both fingerprints: the alert follows it.
            rmSync(join(moved.dir, 'model/error.risk'));
            moved.write({ 'model/elsewhere/moved.risk': `// moved here\n${ERROR}` });
            const relocated = sarif().runs[0].results![0];
            expect(relocated.locations![0].physicalLocation!.artifactLocation!.uri).toBe('model/elsewhere/moved.risk');
            expect(relocated.partialFingerprints).toEqual(before.partialFingerprints);
            rmSync(join(moved.dir, 'model/elsewhere'), { recursive: true });
            moved.write({ 'model/error.risk': ERROR.replace('R-002', 'R-020') });
            const renamed = sarif().runs[0].results![0];
            expect(renamed.ruleId).toBe('unaccepted-residual');
            expect(renamed.partialFingerprints).not.toEqual(before.partialFingerprints);
        } finally {
            moved.remove();
        }
    }, 120_000);

    test('has the same results as the json format', () => {
        const json = runJson(['check', 'model', '--as-of', FIXTURE_AS_OF], ws.dir).report;
        const messages = (results: Array<{ message: string }>) => results.map(result => result.message).sort();
        expect(messages(log.runs[0].results!.map(result => ({ message: result.message.text! })))).toEqual(messages(json.diagnostics));
    });
});

describe('--format github', () => {
    test('prints one workflow command per finding, errors first, titled with the risk and its residual level', () => {
        const run = runRisk(['check', 'model', '--as-of', FIXTURE_AS_OF, '--format', 'github'], { cwd: ws.dir });
        expect(run.status).toBe(1);
        const lines = run.stdout.trimEnd().split('\n');
        expect(lines).toHaveLength(4);
        expect(lines.map(line => line.slice(0, line.indexOf(' ')))).toEqual(['::error', '::warning', '::notice', '::notice']);
        expect(lines[0]).toMatch(/^::error file=model\/error\.risk,line=1,col=6,endLine=1,endColumn=11,title=unaccepted-residual%3A R-002 High::R-002 .+$/);
        expect(lines[1]).toMatch(/^::warning file=model\/warning\.risk,line=1,col=6,endLine=1,endColumn=11,title=missing-owner%3A R-003 Low::/);
        expect(lines[2]).toMatch(/^::notice file=model\/hint\.risk,line=1,col=8,endLine=1,endColumn=13,title=unused%3A Flood::/);
        expect(lines[3]).toMatch(/^::notice file=model\/info\.risk,line=9,col=32,endLine=9,endColumn=42,title=acceptance-expiring%3A R-004 High::/);
    });

    test('escapes properties and messages as @actions/core does', () => {
        const run = runRisk(['check', 'broken', '--as-of', FIXTURE_AS_OF, '--format', 'github'], { cwd: ws.dir });
        expect(run.status).toBe(1);
        const lines = run.stdout.trimEnd().split('\n');
        const syntax = lines.filter(line => line.includes('title=syntax-error'));
        expect(syntax.length).toBeGreaterThanOrEqual(2);
        for (const line of syntax) {
            expect(line.startsWith('::error file=broken/odd%2Cname%3A50%25.risk,line=')).toBe(true);
        }
        // The lexer's message quotes the `%` it rejected; data escapes it as %25.
        expect(syntax[0]).toMatch(/^::error file=[^:]+,line=2,col=9,endLine=2,endColumn=10,title=syntax-error%3A R-009::.*%25/);
        for (const line of lines) {
            // Every % is the start of an escape.
            expect(line.replace(/%(25|0D|0A|3A|2C)/g, '')).not.toContain('%');
        }
        expect(run.stdout.split('\n').every(line => line === '' || line.startsWith('::'))).toBe(true);
    });
});

describe('--format pretty (the default)', () => {
    test('shows file:line:col, severity, code, message, the source line with a caret, and the summary', () => {
        const run = runRisk(['check', 'model', '--as-of', FIXTURE_AS_OF], { cwd: ws.dir });
        expect(run.status).toBe(1);
        const lines = run.stdout.split('\n');
        const header = lines.findIndex(line => line.startsWith('model/error.risk:1:6 - error unaccepted-residual: R-002 '));
        expect(header).toBeGreaterThanOrEqual(0);
        expect(lines[header + 1]).toBe('  1 | risk R-002 "Unaccepted, high" {');
        expect(lines[header + 2]).toBe('    |      ^^^^^');
        const info = lines.findIndex(line => line.startsWith('model/info.risk:9:32 - info acceptance-expiring: '));
        expect(lines[info + 1]).toBe('  9 |     by CEO on 2026-01-01 until 2026-12-01');
        expect(lines[info + 2]).toBe('    |                                ^^^^^^^^^^');
        expect(run.stdout).toContain('model/warning.risk:1:6 - warning missing-owner: ');
        expect(run.stdout).toContain('model/hint.risk:1:8 - hint unused: ');
        expect(lines.at(-2)).toBe(`1 error, 1 warning, 1 info, 1 hint in 6 files (as of ${FIXTURE_AS_OF})`);
        expect(lines.at(-1)).toBe('');
    });

    test('uses no colour when stdout is not a terminal', () => {
        const run = runRisk(['check', 'model', '--as-of', FIXTURE_AS_OF], { cwd: ws.dir, env: { FORCE_COLOR: '1' } });
        expect(run.stdout).toContain('unaccepted-residual');
        expect(run.stdout).not.toContain('\u001b[');
    });

    test('summarises a clean model with plural counts', () => {
        const clean = workspace({ 'm/method.risk': METHOD, 'm/clean.risk': CLEAN });
        try {
            const run = runRisk(['check', 'm', '--as-of', FIXTURE_AS_OF], { cwd: clean.dir });
            expect(run.status).toBe(0);
            expect(run.stdout).toBe(`0 errors, 0 warnings, 0 infos, 0 hints in 2 files (as of ${FIXTURE_AS_OF})\n`);
        } finally {
            clean.remove();
        }
    });
});
