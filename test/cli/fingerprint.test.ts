/** Finding fingerprints: code + subject IDs in their model, the same wherever the declaration sits. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { runCli } from '../../cli/program.js';
import { sortFindings, toFinding } from '../../cli/findings.js';
import { fingerprintsOf } from '../../cli/fingerprint.js';
import { diagnosticsOf, loadModelTexts } from '../../language/model/load-model.js';
import { CLEAN, FIXTURE_AS_OF, METHOD, WARNING, workspace, type Workspace } from './fixtures.js';

const RISKS = `risk R-001 "No owner" {
  threat Phishing
  on Servers
  likelihood Rare
  impact Minor
  treatment reduce {
    action "Unnamed" { due 2026-01-31 }
  }
  status assessed
}
`;

async function findings(files: Record<string, string>) {
    const model = await loadModelTexts(files, { asOf: '2026-11-23' });
    return sortFindings(diagnosticsOf(model).map(({ document, diagnostic }) => toFinding(document, diagnostic, '/model')));
}

test('subjects name the enclosing declarations, outermost first; an unnamed action by its position', async () => {
    const found = await findings({ 'method.risk': METHOD, 'risks.risk': RISKS });
    const bySubject = Object.fromEntries(found.map(finding => [finding.code, finding.subjects]));
    expect(bySubject['missing-owner']).toEqual(['R-001']);
    expect(bySubject['action-overdue']).toEqual(['R-001', 'R-001/1']);
});

test('moving a declaration to another file and other lines keeps every fingerprint', async () => {
    const before = await findings({ 'method.risk': METHOD, 'risks.risk': RISKS });
    const after = await findings({ 'method.risk': METHOD, 'elsewhere/moved.risk': `// moved\n\n\n${RISKS}` });
    expect(after.map(finding => finding.file)).not.toEqual(before.map(finding => finding.file));
    expect(fingerprintsOf(after).sort()).toEqual(fingerprintsOf(before).sort());
});

test('the same code on two subjects, and twice on one subject, gives distinct fingerprints', () => {
    const finding = (subjects: string[]) => ({ code: 'unresolved-reference', subjects, sourceLine: '' });
    const prints = fingerprintsOf([finding(['R-001']), finding(['R-002']), finding(['R-001'])]);
    expect(new Set(prints).size).toBe(3);
    expect(prints[2]).toBe(prints[0].replace(/:1$/, ':2'));
});

describe('several models in one repository (docs/language.md §1)', () => {
    // Two models that both have R-003 without an owner: the same code on the same ID.
    const TWO_MODELS = { 'teams/a/method.risk': METHOD, 'teams/a/risks.risk': WARNING, 'teams/b/method.risk': METHOD, 'teams/b/risks.risk': WARNING };
    let ws: Workspace | undefined;

    afterEach(() => {
        ws?.remove();
        ws = undefined;
    });

    async function run(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
        const out: string[] = [];
        const err: string[] = [];
        const code = await runCli(args, { cwd, env: {}, stdout: { write: text => out.push(text) }, stderr: { write: text => err.push(text) } });
        return { code, stdout: out.join(''), stderr: err.join('') };
    }

    async function sarifFingerprints(args: string[], cwd: string): Promise<Record<string, string>> {
        const sarif = JSON.parse((await run(['check', ...args, '--as-of', FIXTURE_AS_OF, '--format', 'sarif', '--fail-on', 'never'], cwd)).stdout) as {
            runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }>; partialFingerprints: Record<string, string> }> }>;
        };
        return Object.fromEntries(sarif.runs[0].results.map(result => [
            `${result.ruleId} ${result.locations[0].physicalLocation.artifactLocation.uri}`,
            Object.values(result.partialFingerprints)[0]
        ]));
    }

    test('the same finding on the same ID in two models has two fingerprints', () => {
        const finding = { code: 'missing-owner', subjects: ['R-003'], sourceLine: '' };
        const [a, b] = fingerprintsOf([{ ...finding, modelPath: 'teams/a' }, { ...finding, modelPath: 'teams/b' }]);
        expect(a).not.toBe(b);
        // Not numbered as two occurrences of one fingerprint either.
        expect(a.endsWith(':1') && b.endsWith(':1')).toBe(true);
    });

    test('the model checked itself adds nothing: its fingerprints are those of code and subjects alone', () => {
        const finding = { code: 'missing-owner', subjects: ['R-003'], sourceLine: '' };
        expect(fingerprintsOf([{ ...finding, modelPath: '' }])).toEqual(fingerprintsOf([finding]));
    });

    test('risk check (SARIF, GitLab) of a folder with two models: each finding its own fingerprint, stable across checkouts', async () => {
        ws = workspace(TWO_MODELS);
        const prints = await sarifFingerprints(['.'], ws.dir);
        expect(Object.keys(prints)).toEqual(expect.arrayContaining(['missing-owner teams/a/risks.risk', 'missing-owner teams/b/risks.risk']));
        expect(prints['missing-owner teams/a/risks.risk']).not.toBe(prints['missing-owner teams/b/risks.risk']);
        const gitlab = JSON.parse((await run(['check', '.', '--as-of', FIXTURE_AS_OF, '--format', 'gitlab', '--fail-on', 'never'], ws.dir)).stdout) as Array<{ check_name: string; fingerprint: string }>;
        const owners = gitlab.filter(issue => issue.check_name === 'missing-owner').map(issue => issue.fingerprint);
        expect(new Set(owners).size).toBe(2);
        // Another checkout of the same repository, elsewhere on disk: the same fingerprints.
        const elsewhere = workspace(TWO_MODELS);
        try {
            expect(await sarifFingerprints(['.'], elsewhere.dir)).toEqual(prints);
            // Run from inside the repository's subfolder, naming the same folder: the same again.
            expect(Object.values(await sarifFingerprints(['..'], join(elsewhere.dir, 'teams'))).sort()).toEqual(Object.values(prints).sort());
        } finally {
            elsewhere.remove();
        }
        // One model checked on its own has the fingerprints of code and subjects alone.
        const alone = await sarifFingerprints(['teams/a'], ws.dir);
        expect(alone['missing-owner teams/a/risks.risk']).toBe(fingerprintsOf([{ code: 'missing-owner', subjects: ['R-003'], sourceLine: '' }])[0]);
    });

    test('risk check --baseline: a finding that only the other model had at the revision is new', async () => {
        ws = workspace({ ...TWO_MODELS, 'teams/b/risks.risk': CLEAN });
        const git = (...args: string[]) => execFileSync('git', args, { cwd: ws!.dir, env: { ...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.com' } });
        git('init', '-q', '-b', 'main');
        git('add', '-A');
        git('commit', '-q', '-m', 'a has an unowned R-003, b is clean');
        ws.write({ 'teams/b/risks.risk': `${CLEAN}\n${WARNING}` });
        const run1 = await run(['check', '.', '--baseline', 'main', '--as-of', FIXTURE_AS_OF, '--format', 'json'], ws.dir);
        const report = JSON.parse(run1.stdout) as { diagnostics: Array<{ code: string; file: string }>; baseline: { hidden: number } };
        // Before fingerprints held the model, a's unowned R-003 at main hid b's new one.
        expect(report.diagnostics.map(finding => `${finding.code} ${finding.file}`)).toEqual(['missing-owner teams/b/risks.risk']);
        expect(report.baseline.hidden).toBeGreaterThan(0);
    });
});
