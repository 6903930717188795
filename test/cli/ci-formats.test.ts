/**
 * `risk check --format gitlab`, `--format md` and `--summary`, run in a git repository
 * from a subfolder: CI paths are relative to the repository root.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BLOCKER_CODES, codeQualitySeverity, type CodeQualityIssue } from '../../cli/formatters/gitlab.js';
import { ALL_ISSUE_CODES, ISSUES } from '../../language/validation/issue-codes.js';
import { CLEAN, ERROR, FIXTURE_AS_OF, HINT, INFO, METHOD, SYNTAX, WARNING, workspace, type Workspace } from './fixtures.js';
import { runRisk } from './run-risk.js';

let ws: Workspace;
let modelDir: string;

beforeAll(() => {
    ws = workspace({
        'governance/risks/method.risk': METHOD,
        'governance/risks/clean.risk': CLEAN,
        'governance/risks/error.risk': ERROR,
        'governance/risks/warning.risk': WARNING,
        'governance/risks/info.risk': INFO,
        'governance/risks/hint.risk': HINT
    });
    execFileSync('git', ['init', '-q'], { cwd: ws.dir });
    modelDir = join(ws.dir, 'governance');
});

afterAll(() => ws.remove());

const check = (args: string[], env: Record<string, string | undefined> = {}) =>
    runRisk(['check', 'risks', '--as-of', FIXTURE_AS_OF, ...args], { cwd: modelDir, env: { GITHUB_STEP_SUMMARY: undefined, ...env } });

describe('--format gitlab (GitLab Code Quality)', () => {
    test('writes one Code Quality issue per finding, with paths relative to the repository root', () => {
        const run = check(['--format', 'gitlab']);
        expect(run.status).toBe(1);
        const issues = JSON.parse(run.stdout) as CodeQualityIssue[];
        expect(issues.map(issue => [issue.check_name, issue.severity, issue.location.path, issue.location.lines.begin])).toEqual([
            ['unaccepted-residual', 'critical', 'governance/risks/error.risk', 1],
            ['unused', 'info', 'governance/risks/hint.risk', 1],
            ['acceptance-expiring', 'minor', 'governance/risks/info.risk', 9],
            ['missing-owner', 'major', 'governance/risks/warning.risk', 1]
        ]);
        for (const issue of issues) {
            expect(Object.keys(issue)).toEqual(['type', 'description', 'check_name', 'fingerprint', 'severity', 'location']);
            expect(issue.type).toBe('issue');
            expect(issue.description.length).toBeGreaterThan(10);
            expect(issue.fingerprint).toMatch(/^[0-9a-f]{32}:\d+$/);
            expect(issue.location.lines.end).toBeGreaterThanOrEqual(issue.location.lines.begin);
        }
        expect(issues[0].description).toContain('R-002');
        expect(new Set(issues.map(issue => issue.fingerprint)).size).toBe(issues.length);
    });

    test('keeps a finding’s fingerprint when its risk moves to another file', () => {
        const before = JSON.parse(check(['--format', 'gitlab']).stdout) as CodeQualityIssue[];
        const moved = workspace({ 'm/method.risk': METHOD, 'm/clean.risk': CLEAN, 'm/a.risk': ERROR });
        try {
            const fingerprint = () => (JSON.parse(runRisk(['check', 'm', '--as-of', FIXTURE_AS_OF, '--format', 'gitlab'], { cwd: moved.dir }).stdout) as CodeQualityIssue[])[0];
            const first = fingerprint();
            moved.write({ 'm/a.risk': CLEAN.replace(/risk R-\d+/, 'risk R-099'), 'm/zz/b.risk': `\n\n${ERROR}` });
            const second = fingerprint();
            expect(first.location.path).toBe('m/a.risk');
            expect(second.location).toEqual({ path: 'm/zz/b.risk', lines: { begin: 3, end: 3 } });
            expect(second.fingerprint).toBe(first.fingerprint);
            expect(second.fingerprint).toBe(before[0].fingerprint);
        } finally {
            moved.remove();
        }
    }, 120_000);

    test('maps every code to a documented severity: errors that leave no usable model block', () => {
        const expected = { error: 'critical', warning: 'major', info: 'minor', hint: 'info' } as const;
        for (const code of ALL_ISSUE_CODES) {
            const severity = ISSUES[code].severity;
            expect(codeQualitySeverity({ code, severity })).toBe(BLOCKER_CODES.has(code) ? 'blocker' : expected[severity]);
        }
        for (const code of BLOCKER_CODES) {
            expect(ISSUES[code].severity).toBe('error');
        }
        expect(codeQualitySeverity({ code: 'syntax-error', severity: 'error' })).toBe('blocker');
        expect(codeQualitySeverity({ code: 'unaccepted-residual', severity: 'error' })).toBe('critical');
    });

    test('reports a file that does not parse as a blocker', () => {
        const broken = workspace({ 'm/method.risk': METHOD, 'm/clean.risk': CLEAN, 'm/broken.risk': SYNTAX });
        try {
            const issues = JSON.parse(runRisk(['check', 'm', '--as-of', FIXTURE_AS_OF, '--format', 'gitlab'], { cwd: broken.dir }).stdout) as CodeQualityIssue[];
            const syntax = issues.filter(issue => issue.check_name === 'syntax-error');
            expect(syntax.length).toBeGreaterThan(0);
            expect(syntax.every(issue => issue.severity === 'blocker' && issue.location.path === 'm/broken.risk')).toBe(true);
        } finally {
            broken.remove();
        }
    });
});

describe('--format md', () => {
    test('prints a heading with the counts, a summary table and the findings, most serious first', () => {
        const run = check(['--format', 'md']);
        expect(run.status).toBe(1);
        const lines = run.stdout.split('\n');
        expect(lines[0]).toBe(`## Risk check: 1 error, 1 warning, 1 info, 1 hint in 6 files (as of ${FIXTURE_AS_OF})`);
        expect(run.stdout).toContain('| Severity | Findings |\n| --- | ---: |\n| Error | 1 |\n| Warning | 1 |\n| Info | 1 |\n| Hint | 1 |');
        const rows = lines.filter(line => /^\| (Error|Warning|Info|Hint) \| [a-z-]+ \|/.test(line));
        expect(rows.map(row => row.split(' | ').slice(0, 4).join(' | '))).toEqual([
            '| Error | unaccepted-residual | R-002 High | governance/risks/error.risk:1',
            '| Warning | missing-owner | R-003 Low | governance/risks/warning.risk:1',
            '| Info | acceptance-expiring | R-004 High | governance/risks/info.risk:9',
            '| Hint | unused | Flood | governance/risks/hint.risk:1'
        ]);
    });

    test('has no findings section for a clean model', () => {
        const clean = workspace({ 'm/method.risk': METHOD, 'm/clean.risk': CLEAN });
        try {
            const run = runRisk(['check', 'm', '--as-of', FIXTURE_AS_OF, '--format', 'md'], { cwd: clean.dir });
            expect(run.status).toBe(0);
            expect(run.stdout).toContain('## Risk check: 0 errors, 0 warnings, 0 infos, 0 hints in 2 files');
            expect(run.stdout).not.toContain('### Findings');
        } finally {
            clean.remove();
        }
    });
});

describe('--summary', () => {
    test('appends the md report to the file GITHUB_STEP_SUMMARY names, after what earlier steps wrote', () => {
        const summaryFile = join(ws.dir, 'step-summary.md');
        writeFileSync(summaryFile, '# Earlier step\n\n');
        const run = check(['--format', 'github', '--summary'], { GITHUB_STEP_SUMMARY: summaryFile });
        expect(run.status).toBe(1);
        expect(run.stdout.startsWith('::error ')).toBe(true);
        const md = check(['--format', 'md']).stdout;
        expect(readFileSync(summaryFile, 'utf8')).toBe(`# Earlier step\n\n${md}\n`);
    }, 120_000);

    test('does nothing outside GitHub Actions', () => {
        const run = check(['--summary']);
        expect(run.status).toBe(1);
        expect(run.stderr).toBe('');
        expect(existsSync(join(modelDir, 'undefined'))).toBe(false);
    });

    test('says which file it cannot write, and exits 2', () => {
        const folder = join(ws.dir, 'a-folder');
        mkdirSync(folder, { recursive: true });
        const run = check(['--summary'], { GITHUB_STEP_SUMMARY: folder });
        expect(run.status).toBe(2);
        expect(run.stderr).toContain(`--summary: cannot append to GITHUB_STEP_SUMMARY ('${folder}'): EISDIR`);
    });
});
