/**
 * A throw-away git repository holding a copy of the Acme example as it was in version 1
 * (test/resources/version-1/acme-saas/model), for the tests of `risk diff` and `risk
 * check --baseline`: edit its files, commit, branch, and run the CLI in-process inside
 * it. The frozen copy keeps the cases (which edit its exact text) independent of how
 * examples/acme-saas grows.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runCli } from '../../cli/program.js';
import { REPO_ROOT } from './run-risk.js';

export const DIFF_AS_OF = '2026-11-23';

export interface CliRun {
    readonly code: number;
    readonly stdout: string;
    readonly stderr: string;
}

export class GitModel {
    readonly dir: string;

    /** The example, committed on `main`, in `folder` of the repository (the root by default). */
    constructor(readonly folder = '.') {
        this.dir = mkdtempSync(join(tmpdir(), 'risk-diff-'));
        cpSync(join(REPO_ROOT, 'test', 'resources', 'version-1', 'acme-saas', 'model'), join(this.dir, folder), { recursive: true });
        this.git('init', '-q', '-b', 'main');
        this.commit('the example');
    }

    git(...args: string[]): string {
        return execFileSync('git', args, {
            cwd: this.dir,
            encoding: 'utf8',
            env: { ...process.env, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.com' }
        });
    }

    commit(message: string): void {
        this.git('add', '-A');
        this.git('commit', '-q', '--allow-empty', '-m', message);
    }

    read(file: string): string {
        return readFileSync(join(this.dir, this.folder, file), 'utf8');
    }

    write(file: string, text: string): void {
        const path = join(this.dir, this.folder, file);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, text);
    }

    /** Replaces one exact piece of text; fails when it is not there, so a fixture cannot silently stop applying. */
    replace(file: string, from: string, to: string): void {
        const text = this.read(file);
        if (!text.includes(from)) {
            throw new Error(`${file} does not contain ${JSON.stringify(from)}`);
        }
        this.write(file, text.split(from).join(to));
    }

    remove(file: string): void {
        rmSync(join(this.dir, this.folder, file), { force: true });
    }

    /** Back to the last commit, untracked files removed. */
    reset(): void {
        this.git('checkout', '-q', '--', '.');
        this.git('clean', '-q', '-fd');
    }

    async run(args: readonly string[], cwd = this.dir): Promise<CliRun> {
        const out: string[] = [];
        const err: string[] = [];
        const code = await runCli(args, { cwd, env: {}, stdout: { write: text => out.push(text) }, stderr: { write: text => err.push(text) } });
        return { code, stdout: out.join(''), stderr: err.join('') };
    }

    /** `risk diff … --format json --as-of DIFF_AS_OF`, parsed. */
    async diffJson(args: readonly string[]): Promise<DiffJson> {
        const run = await this.run(['diff', '--format', 'json', '--as-of', DIFF_AS_OF, ...args]);
        if (run.code !== 0) {
            throw new Error(`risk diff exited with ${run.code}: ${run.stderr}`);
        }
        return JSON.parse(run.stdout) as DiffJson;
    }

    dispose(): void {
        rmSync(this.dir, { recursive: true, force: true });
    }
}

export interface DiffJsonChange {
    kind: string;
    subject: string | string[];
    effect: 'worse' | 'better' | 'neutral';
    before: string | null;
    after: string | null;
    file: string | null;
    line: number | null;
    message: string;
}

export interface DiffJson {
    version: number;
    asOf: string;
    base: { label: string; files: number; unparsable: string[]; summary: { risks: number; aboveAppetite: string[]; aboveAppetiteWithoutValidAcceptance: string[]; check: { errors: number } } };
    head: DiffJson['base'];
    verdict: string;
    changes: DiffJsonChange[];
    findings: { new: Array<{ code: string; subjects: string[] }>; resolved: Array<{ code: string; subjects: string[] }>; unchanged: number };
}

/**
 * The pull request of issue 7's first paragraph: appetite raised from Moderate to
 * High, R-014's acceptance deleted, R-009's residual raised, a new High risk accepted
 * by its own (non-management) owner, R-011 moved to another file, an asset renamed.
 */
export function applyPullRequestScenario(repo: GitModel): void {
    repo.replace('method.risk', 'appetite Moderate   // residual at or below Moderate is acceptable as it is', 'appetite High       // residual at or below High is acceptable as it is');
    repo.replace('risks/cyber.risk', `  acceptance {
    by CFO on 2026-07-01 until 2027-06-30
    level High
    "Replacement by the cloud ERP is scheduled for June 2027; isolated network segment meanwhile"
  }
`, '');
    repo.replace('risks/people-and-suppliers.risk', `  residual likelihood Possible impact Minor
  status closed`, `  residual likelihood Likely impact Severe
  status closed`);
    repo.write('risks/people-and-suppliers.risk', `${repo.read('risks/people-and-suppliers.risk')}
risk R-015 "Source code leaked through a public fork of a private repository" {
  owner CTO
  scope Platform
  threat Insider
  exploits BroadSupportAccess
  on PlatformTeam
  harms SourceCode
  consequence "Source code and embedded secrets published"
  likelihood Likely
  impact Severe
  treatment accept
  acceptance {
    by CTO on 2026-11-20
    "Forks are monitored by the platform team"
  }
  status accepted
  reviewed 2026-11-20
}
`);
    const resilience = repo.read('risks/resilience.risk');
    const start = resilience.indexOf('risk R-011');
    const end = resilience.indexOf('risk R-013');
    repo.write('risks/resilience.risk', resilience.slice(0, start) + resilience.slice(end));
    repo.write('risks/people.risk', `// Key-person risks.\n\n${resilience.slice(start, end)}`);
    for (const file of ['assets.risk', 'threats.risk', 'risks/cyber.risk']) {
        repo.replace(file, 'AccountingServer', 'FinanceServer');
    }
}
