/**
 * The CI workflows of docs/ci/ work as written. Every `run:` command of the GitHub
 * workflow and every `script:` line of the GitLab job runs, with the variables the
 * CI sets, in a clone of a throw-away team repository: examples/acme-saas in `risks/`
 * with this package installed from its tarball, and a pull request that deletes
 * R-003's acceptance. Steps that are actions (`uses:`) are checked for what they
 * consume. README.md and docs/ci.md show the files verbatim.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Log } from 'sarif';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cleanEnv, installTarball, packRepository, run } from '../helpers/packed-package.js';
import { REPO_ROOT } from '../cli/run-risk.js';
import { sarifSchemaErrors } from '../cli/sarif-schema.js';

const GITHUB_WORKFLOW = join(REPO_ROOT, 'docs', 'ci', 'github-workflow.yml');
const GITLAB_CI = join(REPO_ROOT, 'docs', 'ci', 'gitlab-ci.yml');
const GITHUB_COMMENT_LIMIT = 65_536;

interface GithubStep {
    name?: string;
    if?: string;
    uses?: string;
    run?: string;
    with?: Record<string, string | number>;
    env?: Record<string, string>;
}

interface GithubWorkflow {
    on: Record<string, unknown>;
    env?: Record<string, string>;
    jobs: Record<string, { permissions?: Record<string, string>; env?: Record<string, string>; steps: GithubStep[] }>;
}

interface GitlabJob {
    rules: Array<{ if: string }>;
    variables?: Record<string, string | number>;
    script: string[];
    artifacts: { when: string; paths: string[]; reports: { codequality: string } };
}

let temp: string;
let origin: string;
const git = (args: readonly string[], cwd: string) => run('git', args, { cwd });

/** What a shell command did: its exit code and output. */
function shell(script: string, cwd: string, env: Record<string, string>): { status: number | null; output: string } {
    // GitHub runs `run:` with `bash -e {0}`; GitLab runs each script line in a shell that stops on failure.
    const result = spawnSync('bash', ['-e', '-c', script], { cwd, env: cleanEnv(env), encoding: 'utf8', timeout: 300_000 });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/**
 * The team's repository: the model in `risks/`, risk-language as a dev dependency from
 * a tarball in `vendor/`, a `main` branch and two pull-request branches. `origin` is a
 * bare clone, as the CI's checkout sees the hosted repository.
 */
function makeTeamRepository(): void {
    const work = join(temp, 'team');
    const { tarball } = packRepository(join(temp, 'tarballs'));
    mkdirSync(join(work, 'vendor'), { recursive: true });
    cpSync(join(REPO_ROOT, 'examples', 'acme-saas'), join(work, 'risks'), { recursive: true });
    cpSync(tarball, join(work, 'vendor', basename(tarball)));
    installTarball(`./vendor/${basename(tarball)}`, work);
    writeFileSync(join(work, '.gitignore'), 'node_modules/\n');
    git(['init', '-q', '-b', 'main'], work);
    git(['-c', 'user.name=Team', '-c', 'user.email=team@example.com', 'commit', '-q', '--allow-empty', '-m', 'empty'], work);
    git(['add', '-A'], work);
    git(['-c', 'user.name=Team', '-c', 'user.email=team@example.com', 'commit', '-q', '-m', 'The risk model'], work);

    // A pull request that makes the posture worse: R-003 loses its acceptance.
    git(['checkout', '-q', '-b', 'drop-acceptance'], work);
    const resilience = join(work, 'risks', 'risks', 'resilience.risk');
    const text = readFileSync(resilience, 'utf8');
    const withoutAcceptance = text.replace(/ {2}acceptance \{\n {4}by CEO on 2025-12-15\n[\s\S]*?\n {2}\}\n/, '');
    expect(withoutAcceptance).not.toBe(text);
    writeFileSync(resilience, withoutAcceptance);
    git(['-c', 'user.name=Dev', '-c', 'user.email=dev@example.com', 'commit', '-q', '-am', 'Drop the acceptance of R-003'], work);

    // A pull request that only moves a risk to another file: no change to the posture.
    git(['checkout', '-q', 'main'], work);
    git(['checkout', '-q', '-b', 'move-risk'], work);
    const moved = /\nrisk R-008 [\s\S]*?\n\}\n/.exec(text)![0];
    writeFileSync(resilience, text.replace(moved, '\n'));
    writeFileSync(join(work, 'risks', 'risks', 'ddos.risk'), moved.trimStart());
    git(['add', '-A'], work);
    git(['-c', 'user.name=Dev', '-c', 'user.email=dev@example.com', 'commit', '-q', '-m', 'Move R-008 to a file of its own'], work);

    origin = join(temp, 'origin.git');
    git(['clone', '-q', '--bare', work, origin], temp);
}

beforeAll(() => {
    temp = mkdtempSync(join(tmpdir(), 'risk-ci-'));
    makeTeamRepository();
}, 300_000);

afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** The conditions the workflows use, evaluated as the CI would for a pull request; anything else fails the test. */
function githubCondition(condition: string | undefined, eventName: string): boolean {
    if (condition === undefined || condition === 'always()') {
        return true;
    }
    const match = /^github\.event_name == '([a-z_]+)'$/.exec(condition);
    if (!match) {
        throw new Error(`The test does not know the condition '${condition}': teach githubCondition what GitHub makes of it.`);
    }
    return match[1] === eventName;
}

describe('the GitHub Actions workflow (docs/ci/github-workflow.yml)', () => {
    const workflow = parse(readFileSync(GITHUB_WORKFLOW, 'utf8')) as GithubWorkflow;
    const [job] = Object.values(workflow.jobs);

    test('runs on pull requests and on pushes to main, with the permissions its actions need', () => {
        expect(Object.keys(workflow.on)).toEqual(['pull_request', 'push']);
        expect(Object.keys(workflow.jobs)).toHaveLength(1);
        expect(job.permissions).toEqual({ contents: 'read', 'security-events': 'write', 'pull-requests': 'write' });
    });

    test('every step works on a pull request that makes the posture worse, and the gate fails it', () => {
        const checkout = join(temp, 'github-checkout');
        // actions/checkout with fetch-depth 0: every branch as origin/*, the pull request checked out.
        git(['clone', '-q', origin, checkout], temp);
        git(['checkout', '-q', 'drop-acceptance'], checkout);
        const summaryFile = join(temp, 'github-step-summary.md');
        writeFileSync(summaryFile, '');
        const env = {
            CI: 'true',
            GITHUB_ACTIONS: 'true',
            GITHUB_EVENT_NAME: 'pull_request',
            GITHUB_BASE_REF: 'main',
            GITHUB_HEAD_REF: 'drop-acceptance',
            GITHUB_REF: 'refs/pull/7/merge',
            GITHUB_SHA: git(['rev-parse', 'HEAD'], checkout).trim(),
            GITHUB_REPOSITORY: 'acme/isms',
            GITHUB_SERVER_URL: 'https://github.com',
            GITHUB_WORKSPACE: checkout,
            GITHUB_STEP_SUMMARY: summaryFile,
            // setup-node's npm cache: the package is installed without the registry.
            npm_config_offline: 'true',
            ...workflow.env,
            ...job.env
        };
        const ran: string[] = [];
        for (const [index, step] of job.steps.entries()) {
            const label = step.name ?? step.uses ?? `step ${index + 1}`;
            expect(githubCondition(step.if, 'pull_request'), `${label} runs on pull requests`).toBe(true);
            if (step.uses) {
                checkAction(step, checkout, job.permissions ?? {});
                ran.push(`uses ${step.uses}`);
                continue;
            }
            const result = shell(step.run!, checkout, { ...env, ...step.env });
            const isGate = label.startsWith('Gate');
            expect(result.status, `${label}:\n${result.output}`).toBe(isGate ? 1 : 0);
            ran.push(`run ${label}`);
        }
        expect(ran.at(-1)).toBe('run Gate - the change must not make the risk posture worse');
        const summary = readFileSync(summaryFile, 'utf8');
        // The diff's comment, then the check's report of the findings the change brings: R-003's, not the base's.
        const check = summary.indexOf('## Risk check:');
        expect(check).toBeGreaterThan(0);
        expect(summary.slice(0, check)).toContain('R-003');
        expect(summary.slice(check)).toMatch(/\| Error \| unaccepted-residual \| R-003 High \|/);
        expect(summary.slice(check)).not.toContain('R-005');
        expect(summary.slice(check)).toMatch(/\d+ findings also present at origin\/main were hidden \(--baseline\)/);
    }, 300_000);

    test('the gate passes a pull request that only moves a risk to another file', () => {
        const checkout = join(temp, 'github-checkout-move');
        git(['clone', '-q', origin, checkout], temp);
        git(['checkout', '-q', 'move-risk'], checkout);
        const npmCi = shell('npm ci', checkout, { npm_config_offline: 'true' });
        expect(npmCi.status, npmCi.output).toBe(0);
        const gate = job.steps.find(step => step.name?.startsWith('Gate'))!;
        const result = shell(gate.run!, checkout, { GITHUB_BASE_REF: 'main', ...job.env });
        expect(result.status, result.output).toBe(0);
    }, 300_000);
});

/** An action's step: what it consumes is there and right. */
function checkAction(step: GithubStep, checkout: string, permissions: Record<string, string>): void {
    const action = step.uses!.replace(/@.*$/, '');
    switch (action) {
        case 'actions/checkout':
            // risk diff needs the base branch's commits, not a shallow clone of the head.
            expect(step.with?.['fetch-depth']).toBe(0);
            return;
        case 'actions/setup-node': {
            const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
            const minimum = Number(/^>=(\d+)/.exec(manifest.engines.node)![1]);
            expect(Number(step.with?.['node-version'])).toBeGreaterThanOrEqual(minimum);
            return;
        }
        case 'marocchino/sticky-pull-request-comment': {
            expect(permissions['pull-requests']).toBe('write');
            const comment = readFileSync(join(checkout, String(step.with!.path)), 'utf8');
            expect(comment.length).toBeGreaterThan(0);
            expect(comment.length).toBeLessThan(GITHUB_COMMENT_LIMIT);
            expect(comment).toContain('R-003');
            return;
        }
        case 'github/codeql-action/upload-sarif': {
            expect(step.if).toBe('always()');
            expect(permissions['security-events']).toBe('write');
            const log = JSON.parse(readFileSync(join(checkout, String(step.with!.sarif_file)), 'utf8')) as Log;
            expect(sarifSchemaErrors(log)).toEqual([]);
            const uris = log.runs[0].results!.map(result => result.locations![0].physicalLocation!.artifactLocation!.uri!);
            expect(uris.length).toBeGreaterThan(0);
            for (const uri of uris) {
                // Relative to the repository root, as code scanning resolves it.
                expect(existsSync(join(checkout, decodeURIComponent(uri))), uri).toBe(true);
            }
            expect(log.runs[0].results!.some(result => result.message.text!.startsWith('R-003'))).toBe(true);
            return;
        }
        default:
            throw new Error(`The test does not know the action ${step.uses}: say what it consumes in checkAction.`);
    }
}

/** A GitLab `rules: if:` of the forms the job uses: `$VAR == "text"` or `$VAR == $OTHER`. */
function gitlabRule(condition: string, variables: Record<string, string>): boolean {
    const match = /^\$(\w+) == (?:"([^"]*)"|\$(\w+))$/.exec(condition);
    if (!match) {
        throw new Error(`The test does not know the rule '${condition}': teach gitlabRule what GitLab makes of it.`);
    }
    const left = variables[match[1]] ?? '';
    return match[2] !== undefined ? left === match[2] : left === (variables[match[3]] ?? '');
}

describe('the GitLab CI jobs (docs/ci/gitlab-ci.yml)', () => {
    const config = parse(readFileSync(GITLAB_CI, 'utf8')) as { variables: Record<string, string> } & Record<string, GitlabJob>;
    const { variables: globalVariables, ...jobs } = config;
    const runs = (job: GitlabJob, variables: Record<string, string>) => job.rules.some(rule => gitlabRule(rule.if, variables));
    const mergeRequest = { CI_PIPELINE_SOURCE: 'merge_request_event', CI_DEFAULT_BRANCH: 'main', CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main' };
    const pushToMain = { CI_PIPELINE_SOURCE: 'push', CI_DEFAULT_BRANCH: 'main', CI_COMMIT_BRANCH: 'main' };

    test('check on merge requests and the default branch (Code Quality compares the two); diff on merge requests, with full history', () => {
        expect(Object.keys(jobs)).toEqual(['risk-check', 'risk-diff']);
        expect(runs(jobs['risk-check'], mergeRequest)).toBe(true);
        expect(runs(jobs['risk-check'], pushToMain)).toBe(true);
        expect(runs(jobs['risk-check'], { ...pushToMain, CI_COMMIT_BRANCH: 'feature' })).toBe(false);
        expect(runs(jobs['risk-diff'], mergeRequest)).toBe(true);
        expect(runs(jobs['risk-diff'], pushToMain)).toBe(false);
        expect(jobs['risk-diff'].variables?.GIT_DEPTH).toBe(0);
        expect(jobs['risk-check'].artifacts.reports.codequality).toBe('gl-code-quality-report.json');
        for (const job of Object.values(jobs)) {
            expect(job.artifacts.when).toBe('always');
        }
    });

    test('every script line works on a merge request that makes the posture worse, and the gate fails it', () => {
        const project = join(temp, 'gitlab-project');
        // The runner fetches the merge request's commit, not the target branch.
        mkdirSync(project);
        git(['init', '-q'], project);
        git(['remote', 'add', 'origin', origin], project);
        git(['fetch', '-q', 'origin', 'drop-acceptance'], project);
        git(['checkout', '-q', '--detach', 'FETCH_HEAD'], project);
        for (const [name, job] of Object.entries(jobs)) {
            const env: Record<string, string> = {
                CI: 'true',
                GITLAB_CI: 'true',
                CI_JOB_NAME: name,
                CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: 'drop-acceptance',
                CI_PROJECT_DIR: project,
                npm_config_offline: 'true',
                ...mergeRequest,
                ...globalVariables,
                ...Object.fromEntries(Object.entries(job.variables ?? {}).map(([key, value]) => [key, String(value)]))
            };
            job.script.forEach((line, index) => {
                const result = shell(line, project, env);
                const isGate = name === 'risk-diff' && index === job.script.length - 1;
                expect(result.status, `${name}: ${line}:\n${result.output}`).toBe(isGate ? 1 : 0);
            });
        }
        expect(jobs['risk-diff'].script.at(-1)).toMatch(/--fail-on worse$/);
        const report = JSON.parse(readFileSync(join(project, jobs['risk-check'].artifacts.reports.codequality), 'utf8')) as Array<{ check_name: string; description: string; location: { path: string } }>;
        expect(report.some(issue => issue.check_name === 'unaccepted-residual' && issue.description.startsWith('R-003'))).toBe(true);
        for (const issue of report) {
            expect(existsSync(join(project, issue.location.path)), issue.location.path).toBe(true);
        }
        for (const path of jobs['risk-diff'].artifacts.paths) {
            expect(readFileSync(join(project, path), 'utf8')).toContain('R-003');
        }
    }, 300_000);
});

describe('the documentation shows the workflow files verbatim', () => {
    for (const document of ['README.md', 'docs/ci.md']) {
        test(document, () => {
            const text = readFileSync(join(REPO_ROOT, document), 'utf8');
            for (const file of [GITHUB_WORKFLOW, GITLAB_CI]) {
                expect(text, `${document} must include ${file} in a yaml block`).toContain(`\`\`\`yaml\n${readFileSync(file, 'utf8')}\`\`\`\n`);
            }
        });
    }
});
