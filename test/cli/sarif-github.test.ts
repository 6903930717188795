/**
 * The SARIF of examples/acme-saas as GitHub code scanning ingests it: valid against
 * the SARIF 2.1.0 schema, every rule documented and linked, fingerprints, paths
 * relative to the repository root, and GitHub's documented limits.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log } from 'sarif';
import { beforeAll, describe, expect, test } from 'vitest';
import { MAX_RESULTS_PER_RUN, formatSarif } from '../../cli/formatters/sarif.js';
import { ALL_ISSUE_CODES, ISSUES } from '../../language/validation/issue-codes.js';
import { REPO_ROOT, runRisk } from './run-risk.js';
import { sarifSchemaErrors } from './sarif-schema.js';
import { findingsOf, reportOf } from './synthetic-report.js';

const EXAMPLE = join(REPO_ROOT, 'examples', 'acme-saas');
const AS_OF = '2026-11-23';
const PACKAGE = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { repository: { url: string } };
const REPOSITORY_URL = PACKAGE.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
const LANGUAGE_REFERENCE = readFileSync(join(REPO_ROOT, 'docs', 'language.md'), 'utf8');

/** GitHub's documented limits for a SARIF upload (docs: "SARIF support for code scanning"). */
const GITHUB_LIMITS = { runsPerFile: 20, resultsPerRun: 25_000, rulesPerRun: 25_000, tagsPerRule: 20, locationsPerResult: 1000, gzipBytes: 10 * 1024 * 1024 };

let log: Log;
let status: number | null;

beforeAll(() => {
    // Run from the example's own folder: paths must still be relative to the repository root.
    const run = runRisk(['check', '--as-of', AS_OF, '--format', 'sarif'], { cwd: EXAMPLE });
    status = run.status;
    log = JSON.parse(run.stdout) as Log;
}, 120_000);

describe('SARIF of examples/acme-saas', () => {
    test('validates against the SARIF 2.1.0 JSON schema', () => {
        expect(status).toBe(1);
        expect(log.runs[0].results!.length).toBeGreaterThan(0);
        expect(sarifSchemaErrors(log)).toEqual([]);
    });

    test('the schema check can fail: a result without a message is rejected', () => {
        const broken = structuredClone(log);
        delete (broken.runs[0].results![0] as { message?: unknown }).message;
        expect(sarifSchemaErrors(broken).join('\n')).toContain('message');
    });

    test('gives every rule a name other than its id, help as text and Markdown, a helpUri, precision, problem.severity and the security tag', () => {
        const rules = log.runs[0].tool.driver.rules!;
        expect(rules.map(rule => rule.id)).toEqual(ALL_ISSUE_CODES);
        for (const rule of rules) {
            const issue = ISSUES[rule.id as keyof typeof ISSUES];
            expect(rule.name).toBeTruthy();
            expect(rule.name).not.toBe(rule.id);
            expect(rule.help?.text).toBe(issue.help);
            expect(rule.help?.markdown).toContain(issue.summary);
            expect(rule.help?.markdown).toContain(issue.help);
            expect(rule.helpUri).toBe(`${REPOSITORY_URL}/blob/main/docs/language.md#${rule.id}`);
            expect(rule.properties?.tags).toContain('security');
            expect(rule.properties?.precision).toBe('very-high');
            expect(rule.properties?.['problem.severity']).toBe({ error: 'error', warning: 'warning', info: 'recommendation', hint: 'recommendation' }[issue.severity]);
        }
    });

    test('links each rule to a heading of docs/language.md whose GitHub anchor is the code', () => {
        for (const code of ALL_ISSUE_CODES) {
            // GitHub's anchor for "### `unaccepted-residual`" is "unaccepted-residual".
            expect(LANGUAGE_REFERENCE).toMatch(new RegExp(`^#{2,4} \`${code}\`\\s*$`, 'm'));
        }
    });

    test('locates results relative to the repository root and records the working directory', () => {
        const run = log.runs[0];
        expect(run.originalUriBaseIds?.['%SRCROOT%']?.uri).toBe(`${pathToFileURL(REPO_ROOT).href}/`);
        expect(run.invocations?.[0].workingDirectory?.uri).toBe(`${pathToFileURL(EXAMPLE).href}/`);
        expect(run.invocations?.[0].executionSuccessful).toBe(true);
        expect(run.invocations?.[0].toolExecutionNotifications).toBeUndefined();
        for (const result of run.results!) {
            const location = result.locations![0].physicalLocation!.artifactLocation!;
            expect(location.uriBaseId).toBe('%SRCROOT%');
            expect(location.uri).toMatch(/^examples\/acme-saas\/.+\.risk$/);
        }
    });

    test('gives every result a code + subject fingerprint and a primaryLocationLineHash', () => {
        for (const result of log.runs[0].results!) {
            expect(result.partialFingerprints?.['riskFinding/v2']).toMatch(/^[0-9a-f]{32}:\d+$/);
            expect(result.partialFingerprints?.primaryLocationLineHash).toMatch(/^[0-9a-f]{16}:\d+$/);
        }
    });

    test('stays within GitHub’s documented limits', () => {
        expect(log.runs.length).toBeLessThanOrEqual(GITHUB_LIMITS.runsPerFile);
        const run = log.runs[0];
        expect(run.results!.length).toBeLessThanOrEqual(MAX_RESULTS_PER_RUN);
        expect(run.tool.driver.rules!.length).toBeLessThanOrEqual(GITHUB_LIMITS.rulesPerRun);
        for (const rule of run.tool.driver.rules!) {
            expect((rule.properties?.tags ?? []).length).toBeLessThanOrEqual(GITHUB_LIMITS.tagsPerRule);
        }
        for (const result of run.results!) {
            expect(result.locations!.length).toBeLessThanOrEqual(GITHUB_LIMITS.locationsPerResult);
        }
    });
});

describe('SARIF results beyond GitHub’s 5,000 per run', () => {
    test('keep the 5,000 most serious, errors first, and say in a notification how many were dropped', () => {
        const report = reportOf([...findingsOf('hint', 3000, 1), ...findingsOf('warning', 2500, 5000), ...findingsOf('error', 600, 9000)]);
        const truncated = JSON.parse(formatSarif(report)) as Log;
        const run = truncated.runs[0];
        expect(MAX_RESULTS_PER_RUN).toBe(5000);
        expect(run.results).toHaveLength(5000);
        const levels = run.results!.map(result => result.level);
        expect(levels.slice(0, 600).every(level => level === 'error')).toBe(true);
        expect(levels.slice(600, 3100).every(level => level === 'warning')).toBe(true);
        expect(levels.slice(3100).every(level => level === 'note')).toBe(true);
        const notifications = run.invocations?.[0].toolExecutionNotifications ?? [];
        expect(notifications).toHaveLength(1);
        expect(notifications[0].level).toBe('warning');
        expect(notifications[0].descriptor?.id).toBe('results-truncated');
        expect(notifications[0].message.text).toMatch(/^1100 of 6100 results were left out: GitHub code scanning keeps at most 5000 results per run/);
        expect(sarifSchemaErrors(truncated)).toEqual([]);
    });

    test('a run of exactly 5,000 loses nothing and has no notification', () => {
        const run = (JSON.parse(formatSarif(reportOf(findingsOf('warning', 5000)))) as Log).runs[0];
        expect(run.results).toHaveLength(5000);
        expect(run.invocations?.[0].toolExecutionNotifications).toBeUndefined();
    });
});
