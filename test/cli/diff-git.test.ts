/**
 * `risk diff` on real git repositories: the pull request of issue 7, changes that are
 * not changes, merge bases, paths, folders, broken sides and exit codes.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { applyPullRequestScenario, DIFF_AS_OF, GitModel, type DiffJson } from './git-model.js';
import { REPO_ROOT } from './run-risk.js';

let repo: GitModel;

beforeAll(() => {
    repo = new GitModel();
});

afterAll(() => repo.dispose());

afterEach(() => {
    repo.reset();
    repo.git('checkout', '-q', 'main');
    for (const branch of repo.git('branch', '--format=%(refname:short)').split('\n').filter(name => name && name !== 'main')) {
        repo.git('branch', '-q', '-D', branch);
    }
});

const kinds = (diff: DiffJson, effect?: string) => diff.changes.filter(change => !effect || change.effect === effect).map(change => `${change.kind} ${[change.subject].flat().join(' ')}`);

describe('the pull request of issue 7', () => {
    test('is worse, and says why: the method masks R-005, R-011 and R-014, R-014 lost its acceptance, a new High risk arrived', async () => {
        repo.git('checkout', '-q', '-b', 'pr');
        applyPullRequestScenario(repo);
        repo.commit('the pull request');
        const check = await repo.run(['check', '--as-of', DIFF_AS_OF, '--format', 'json']);
        expect(check.code).toBe(0); // the end state alone looks fine: that is the problem

        const diff = await repo.diffJson(['main...pr', 'pr']);
        expect(diff.verdict).toBe('worse');
        expect(kinds(diff, 'worse')).toEqual(expect.arrayContaining([
            'masked-by-method-change R-005',
            'masked-by-method-change R-011',
            'masked-by-method-change R-014',
            'masked-by-method-change R-015',
            'acceptance-removed R-014',
            'risk-added R-015',
            'appetite-raised method',
            'residual-raised R-009'
        ]));
        expect(kinds(diff, 'neutral')).toEqual(expect.arrayContaining(['risk-moved R-011', 'declaration-renamed FinanceServer']));
        // Neither the move of R-011 nor the rename is reported as worse.
        expect(kinds(diff, 'worse').filter(kind => /R-011$/.test(kind))).toEqual(['masked-by-method-change R-011']);
        expect(diff.changes.find(change => change.kind === 'risk-added')?.message).toMatch(/accepted by CTO on 2026-11-20: not authorised/);
        expect(diff.base.summary.aboveAppetiteWithoutValidAcceptance).toEqual(['R-005', 'R-011']);
        expect(diff.head.summary.aboveAppetiteWithoutValidAcceptance).toEqual([]);

        const gate = await repo.run(['diff', 'main...pr', 'pr', '--fail-on', 'worse', '--as-of', DIFF_AS_OF]);
        expect(gate.code).toBe(1);
        expect(gate.stdout).toContain('Verdict: worse');
    });
});

describe('what is not a change', () => {
    test('moving a risk to another file, reordering, reformatting and comments: no worse or better change', async () => {
        const resilience = repo.read('risks/resilience.risk');
        const r011 = resilience.slice(resilience.indexOf('risk R-011'), resilience.indexOf('risk R-013'));
        repo.write('risks/resilience.risk', resilience.replace(r011, ''));
        repo.write('risks/moved.risk', `/* moved here */\n${r011.replace(/\n {2}/g, '\n        ').replace('  owner CTO', '  owner   CTO // the owner')}`);
        const cyber = repo.read('risks/cyber.risk');
        const r014 = cyber.slice(cyber.indexOf('risk R-014'));
        repo.write('risks/cyber.risk', `// R-014 first now\n${r014}\n${cyber.slice(0, cyber.indexOf('risk R-014'))}`);
        const diff = await repo.diffJson(['main']);
        expect(diff.verdict).toBe('unchanged');
        expect(kinds(diff)).toEqual(['risk-moved R-011']);
        expect(diff.changes[0]).toMatchObject({ before: 'risks/resilience.risk', after: 'risks/moved.risk', file: 'risks/moved.risk', line: 2 });
        // Findings follow the risk, not the file or line.
        expect(diff.findings.new).toEqual([]);
        expect(diff.findings.resolved).toEqual([]);
    });

    test('renaming a declaration and every reference to it is one neutral change', async () => {
        repo.replace('assets.risk', 'asset Backups ', 'asset BackupStore ');
        repo.replace('threats.risk', '{ on Backups }', '{ on BackupStore }');
        repo.replace('risks/cyber.risk', 'on ProdCloud, Backups', 'on ProdCloud, BackupStore');
        repo.replace('risks/resilience.risk', '  on Backups\n', '  on BackupStore\n');
        const diff = await repo.diffJson(['main']);
        expect(diff.verdict).toBe('unchanged');
        expect(diff.changes).toEqual([expect.objectContaining({
            kind: 'declaration-renamed', subject: 'BackupStore', effect: 'neutral', before: 'Backups', after: 'BackupStore',
            message: 'Asset Backups was renamed BackupStore; its content and every reference to it are unchanged'
        })]);
    });

    test('a declaration whose content changed too is not a rename', async () => {
        repo.replace('assets.risk', 'asset Backups "Database backups and snapshots"', 'asset BackupStore "Backup vault"');
        repo.replace('threats.risk', '{ on Backups }', '{ on BackupStore }');
        repo.replace('risks/cyber.risk', 'on ProdCloud, Backups', 'on ProdCloud, BackupStore');
        repo.replace('risks/resilience.risk', '  on Backups\n', '  on BackupStore\n');
        const diff = await repo.diffJson(['main']);
        expect(kinds(diff)).toEqual(expect.arrayContaining(['declaration-removed Backups', 'declaration-added BackupStore']));
    });
});

describe('revisions and paths', () => {
    test('BASE...HEAD compares from the merge base; BASE HEAD compares the two tips', async () => {
        repo.git('checkout', '-q', '-b', 'feature');
        repo.replace('risks/cyber.risk', 'controls A.5.17, A.6.3, MailFilter', 'controls A.5.17, A.6.3, MailFilter, A.8.5');
        repo.commit('feature: a control');
        repo.git('checkout', '-q', 'main');
        repo.replace('method.risk', 'lasts 12 months', 'lasts 6 months');
        repo.commit('main moves on');
        const fromMergeBase = await repo.diffJson(['main...feature', 'feature']);
        expect(kinds(fromMergeBase)).toEqual(['control-added R-001']);
        expect(fromMergeBase.base.label).toMatch(/^main\.\.\.feature \([0-9a-f]{7}\)$/);
        const tips = await repo.diffJson(['main', 'feature']);
        expect(kinds(tips)).toEqual(expect.arrayContaining(['control-added R-001', 'acceptance-term-changed method']));
    });

    test('a PATH that holds a model on one side only: every risk is added', async () => {
        cpSync(join(REPO_ROOT, 'examples', 'qualitative-matrix'), join(repo.dir, 'second'), { recursive: true });
        const diff = await repo.diffJson(['main', '--', 'second']);
        expect(diff.base.files).toBe(0);
        expect(diff.head.summary.risks).toBeGreaterThan(0);
        expect(diff.changes.filter(change => change.kind === 'risk-added')).toHaveLength(diff.head.summary.risks);
        const pretty = await repo.run(['diff', '--as-of', DIFF_AS_OF, 'main', '--', 'second']);
        expect(pretty.stdout).toContain('BASE (main');
        expect(pretty.stdout).toContain('has no .risk files at this path');
    });

    test('a HEAD that does not parse is reported, not crashed on', async () => {
        repo.replace('risks/cyber.risk', 'risk R-014 "Accounting server', 'risk R-014 {{ "Accounting server');
        const run = await repo.run(['diff', 'main', '--format', 'json', '--as-of', DIFF_AS_OF]);
        expect(run.code).toBe(0);
        const diff = JSON.parse(run.stdout) as DiffJson;
        expect(diff.head.unparsable).toEqual(['risks/cyber.risk']);
        expect(diff.findings.new.some(finding => finding.code === 'syntax-error')).toBe(true);
        const pretty = await repo.run(['diff', 'main', '--as-of', DIFF_AS_OF]);
        expect(pretty.stdout).toContain('HEAD (working tree) does not parse in risks/cyber.risk: the diff covers what could be evaluated');
    });

    test('--from DIR --to DIR compares two folders without git', async () => {
        const folder = mkdtempSync(join(tmpdir(), 'risk-diff-folders-'));
        try {
            cpSync(join(REPO_ROOT, 'examples', 'acme-saas'), join(folder, 'old'), { recursive: true });
            cpSync(join(REPO_ROOT, 'examples', 'acme-saas'), join(folder, 'new'), { recursive: true });
            const run = await repo.run(['diff', '--from', 'old', '--to', 'new', '--format', 'json', '--as-of', DIFF_AS_OF], folder);
            expect(run.code).toBe(0);
            expect((JSON.parse(run.stdout) as DiffJson).verdict).toBe('unchanged');
            expect((JSON.parse(run.stdout) as DiffJson).changes).toEqual([]);
        } finally {
            rmSync(folder, { recursive: true, force: true });
        }
    });
});

describe('exit codes', () => {
    test('risk diff --help lists every option and the exit codes', async () => {
        const help = await repo.run(['diff', '--help']);
        expect(help.code).toBe(0);
        // Commander wraps the help to the terminal's width: compare with single spaces.
        const text = help.stdout.replace(/\s+/g, ' ');
        expect(text).toContain('--format <format> output format: pretty, md, json, github, sarif (default: "pretty")');
        expect(text).toContain('--fail-on <level> exit 1 when the verdict reaches this level: worse, changed, never (default: "never")');
        for (const option of ['--as-of <date>', '--from <dir>', '--to <dir>', '--link-base <url>']) {
            expect(text).toContain(option);
        }
        expect(text).toContain('2 usage error: not a git repository, an unknown revision (git\'s message)');
    });

    test('--fail-on worse, changed and never', async () => {
        repo.replace('method.risk', 'appetite Moderate', 'appetite High');
        expect((await repo.run(['diff', 'main', '--as-of', DIFF_AS_OF])).code).toBe(0);
        expect((await repo.run(['diff', 'main', '--fail-on', 'worse', '--as-of', DIFF_AS_OF])).code).toBe(1);
        repo.reset();
        repo.replace('risks/cyber.risk', 'controls A.5.17, A.6.3, MailFilter', 'controls A.5.17, A.6.3, MailFilter, A.8.5');
        expect((await repo.run(['diff', 'main', '--fail-on', 'worse', '--as-of', DIFF_AS_OF])).code).toBe(0);
        expect((await repo.run(['diff', 'main', '--fail-on', 'changed', '--as-of', DIFF_AS_OF])).code).toBe(1);
        repo.reset();
        expect((await repo.run(['diff', 'main', '--fail-on', 'changed', '--as-of', DIFF_AS_OF])).code).toBe(0);
    });

    test('2 for usage errors, with git\'s own message for an unknown revision', async () => {
        const unknown = await repo.run(['diff', 'no-such-branch']);
        expect(unknown.code).toBe(2);
        expect(unknown.stderr).toBe("risk: fatal: bad revision 'no-such-branch'\n");
        const outside = mkdtempSync(join(tmpdir(), 'risk-no-git-'));
        try {
            const notRepository = await repo.run(['diff', 'main'], outside);
            expect(notRepository.code).toBe(2);
            expect(notRepository.stderr).toMatch(/^risk: fatal: not a git repository.*\nrisk: risk diff compares git revisions/);
        } finally {
            rmSync(outside, { recursive: true, force: true });
        }
        const nowhere = await repo.run(['diff', 'main', '--', 'no-such-folder']);
        expect(nowhere.code).toBe(2);
        expect(nowhere.stderr).toContain("'no-such-folder' holds no .risk files at main");
        const noBase = await repo.run(['diff']);
        expect(noBase.code).toBe(2);
        expect(noBase.stderr).toContain('risk diff needs the base revision');
        const half = await repo.run(['diff', '--from', 'a']);
        expect(half.code).toBe(2);
        expect(half.stderr).toContain('--from was given without --to');
        repo.git('branch', 'risks');
        const ambiguous = await repo.run(['diff', 'main', 'risks']);
        expect(ambiguous.code).toBe(2);
        expect(ambiguous.stderr).toContain("'risks' is both a revision and a path. Use '--'");
        expect((await repo.run(['diff', '--as-of', DIFF_AS_OF, 'main', '--', 'risks'])).code).toBe(0);
    });
});

describe('risk check --baseline', () => {
    test('reports only findings absent at the revision, and says how many were hidden', async () => {
        repo.write('risks/new.risk', 'risk R-020 "Unowned" {\n  threat DeviceLoss\n  on Laptops\n  likelihood Rare\n  impact Minor\n  status assessed\n  reviewed 2026-11-01\n}\n');
        const all = await repo.run(['check', '--as-of', DIFF_AS_OF, '--format', 'json', '--fail-on', 'never']);
        const total = (JSON.parse(all.stdout) as { diagnostics: unknown[] }).diagnostics.length;
        const run = await repo.run(['check', '--baseline', 'main', '--as-of', DIFF_AS_OF, '--format', 'json']);
        const report = JSON.parse(run.stdout) as { diagnostics: Array<{ code: string; file: string }>; baseline: { revision: string; hidden: number } };
        expect(report.diagnostics.map(finding => [finding.code, finding.file])).toEqual([['missing-owner', 'risks/new.risk']]);
        expect(report.baseline).toEqual({ revision: 'main', hidden: total - 1 });
        // The base has errors (unaccepted residuals); only the new warning is reported, so the check passes.
        expect(run.code).toBe(0);
        const pretty = await repo.run(['check', '--baseline', 'main', '--as-of', DIFF_AS_OF]);
        expect(pretty.stdout).toContain(`${total - 1} findings also present at main were hidden (--baseline)`);
    });

    test('a risk moved to another file keeps its findings hidden', async () => {
        const resilience = repo.read('risks/resilience.risk');
        const r011 = resilience.slice(resilience.indexOf('risk R-011'), resilience.indexOf('risk R-013'));
        repo.write('risks/resilience.risk', resilience.replace(r011, ''));
        repo.write('risks/moved.risk', r011);
        const run = await repo.run(['check', '--baseline', 'main', '--as-of', DIFF_AS_OF, '--format', 'json']);
        expect((JSON.parse(run.stdout) as { diagnostics: unknown[] }).diagnostics).toEqual([]);
    });

    test('an unknown baseline revision is a usage error', async () => {
        const run = await repo.run(['check', '--baseline', 'nope']);
        expect(run.code).toBe(2);
        expect(run.stderr).toBe("risk: fatal: bad revision 'nope'\n");
    });
});
