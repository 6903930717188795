/**
 * The formats of `risk diff` on reports built here: the JSON fields the docs promise,
 * GitHub's limits (10 annotations per severity, 65,536 characters per comment), links,
 * escaping, and SARIF's baselineState.
 */
import { describe, expect, test } from 'vitest';
import type { DiffReport, DisplayChange } from '../../cli/diff-report.js';
import type { Finding } from '../../cli/findings.js';
import { formatDiffGithub, GITHUB_ANNOTATIONS_PER_SEVERITY } from '../../cli/formatters/diff-github.js';
import { formatDiffJson } from '../../cli/formatters/diff-json.js';
import { formatDiffMarkdown, GITHUB_COMMENT_LIMIT } from '../../cli/formatters/diff-markdown.js';
import { formatDiffSarif } from '../../cli/formatters/diff-sarif.js';

function change(overrides: Partial<DisplayChange> = {}): DisplayChange {
    return {
        kind: 'residual-raised', subject: 'R-001', effect: 'worse', before: '2 Possible × 1 Minor = 2 Low', after: '3 Likely × 3 Severe = 9 High',
        file: 'risks/a.risk', line: 3, message: "R-001's residual risk rose", atBase: false, rootPath: 'model/risks/a.risk', ...overrides
    };
}

function finding(overrides: Partial<Finding> = {}): Finding {
    return {
        file: 'risks/a.risk', absolutePath: '/repo/model/risks/a.risk', line: 3, column: 6, endLine: 3, endColumn: 11,
        severity: 'error', code: 'unaccepted-residual', message: 'R-001 is above appetite', sourceLine: 'risk R-001 "x" {', subjects: ['R-001'], ...overrides
    };
}

function report(changes: readonly DisplayChange[], findings: Partial<DiffReport['findings']> = {}): DiffReport {
    const side = (label: string) => ({
        label, files: 3, unparsable: [],
        posture: { risks: 2, residualLevels: [{ level: 'High', risks: 1 }, { level: 'Low', risks: 1 }], appetite: 'Moderate', aboveAppetite: ['R-001'], unaccepted: ['R-001'] },
        check: { errors: 1, warnings: 0, infos: 0, hints: 0 }
    });
    return {
        asOf: '2026-11-23', verdict: 'worse', changes, base: side('main (1234567)'), head: side('working tree'),
        findings: { new: [], resolved: [], unchanged: [], ...findings }, headRoot: '/repo'
    };
}

describe('json', () => {
    test('changes have exactly the documented fields', () => {
        const json = JSON.parse(formatDiffJson(report([change(), change({ kind: 'action-postponed', subject: ['R-001', 'MFA'] })])));
        expect(Object.keys(json)).toEqual(['version', 'asOf', 'base', 'head', 'verdict', 'changes', 'findings']);
        expect(Object.keys(json.changes[0]).sort()).toEqual(['after', 'before', 'effect', 'file', 'kind', 'line', 'message', 'subject']);
        expect(json.changes[1].subject).toEqual(['R-001', 'MFA']);
        expect(Object.keys(json.findings)).toEqual(['new', 'resolved', 'unchanged']);
        expect(json.base.summary).toMatchObject({ risks: 2, aboveAppetite: ['R-001'], aboveAppetiteWithoutValidAcceptance: ['R-001'], check: { errors: 1 } });
    });
});

describe('github', () => {
    test(`at most ${GITHUB_ANNOTATIONS_PER_SEVERITY} annotations, then one line saying how many were left out`, () => {
        const changes = Array.from({ length: 15 }, (_, index) => change({ subject: `R-${100 + index}` }));
        const lines = formatDiffGithub(report([...changes, change({ effect: 'better', kind: 'control-added' })])).trimEnd().split('\n');
        expect(lines.filter(line => line.startsWith('::error '))).toHaveLength(GITHUB_ANNOTATIONS_PER_SEVERITY);
        expect(lines.filter(line => line.startsWith('::notice '))).toEqual([
            '::notice title=risk diff::5 more worse changes are not annotated (GitHub shows 10 per step): run risk diff --format md or pretty to see all 15.'
        ]);
        expect(lines[0]).toBe("::error file=risks/a.risk,line=3,title=residual-raised%3A R-100::R-001's residual risk rose (2 Possible × 1 Minor = 2 Low → 3 Likely × 3 Severe = 9 High)");
    });

    test('a removal is annotated on the run, not on a line HEAD no longer has', () => {
        const output = formatDiffGithub(report([change({ kind: 'risk-removed', atBase: true, before: 'x', after: null })]));
        expect(output.split('\n')[0]).toMatch(/^::error title=risk-removed%3A R-001::/);
    });
});

describe('md', () => {
    test('a verdict heading, the summary table, worse changes in a table and the rest collapsed, with links', () => {
        const md = formatDiffMarkdown(report([change(), change({ effect: 'neutral', kind: 'risk-moved', subject: 'R-002' })], { new: [finding()] }), { color: false, linkBase: 'https://github.com/o/r/blob/abc' });
        expect(md.split('\n')[0]).toBe('## 🔴 Risk posture: worse (1 worse, 0 better, 1 neutral changes)');
        expect(md).toContain('| Above appetite without valid acceptance | 1 | 1 |');
        expect(md).toContain('### Worse (1)');
        expect(md).toContain('[risks/a.risk:3](https://github.com/o/r/blob/abc/model/risks/a.risk#L3)');
        expect(md).toContain('<details><summary>Neutral (1)</summary>');
        expect(md).toContain('<details><summary>Findings: 1 new, 0 resolved, 0 unchanged</summary>');
    });

    test('text from the model cannot break the table or inject HTML', () => {
        const md = formatDiffMarkdown(report([change({ message: 'a | b <img src=x> `c`' })]), { color: false });
        expect(md).toContain('a \\| b &lt;img src=x&gt; \\`c\\`');
    });

    test(`stays under GitHub's ${GITHUB_COMMENT_LIMIT}-character comment limit by counting what does not fit`, () => {
        const changes = Array.from({ length: 3000 }, (_, index) => change({ subject: `R-${index}`, message: `Risk R-${index} changed in a way that takes a long sentence to explain properly` }));
        const neutral = Array.from({ length: 500 }, (_, index) => change({ subject: `N-${index}`, effect: 'neutral', kind: 'risk-moved' }));
        const md = formatDiffMarkdown(report([...changes, ...neutral], { new: Array.from({ length: 500 }, () => finding()) }), { color: false });
        expect(md.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
        expect(md).toMatch(/\n\d+ more worse changes do not fit in a pull-request comment; run `risk diff` \(or `--format json`\) to see them all\./);
        expect(md).toContain('500 more neutral changes do not fit');
        expect(md).toContain('500 more findings do not fit');
        expect(md.trimEnd().endsWith('</details>')).toBe(true);
    });
});

describe('sarif', () => {
    test('findings are new, unchanged or absent; worse changes are new or updated', () => {
        const sarif = JSON.parse(formatDiffSarif(report([change(), change({ kind: 'risk-added', subject: 'R-009' })], {
            new: [finding()],
            unchanged: [finding({ code: 'missing-owner', severity: 'warning', subjects: ['R-002'] })],
            resolved: [finding({ code: 'review-overdue', subjects: ['R-003'] })]
        })));
        const states = sarif.runs[0].results.map((result: { ruleId: string; baselineState: string }) => `${result.ruleId} ${result.baselineState}`);
        expect(states).toEqual(['unaccepted-residual new', 'missing-owner unchanged', 'review-overdue absent', 'diff/residual-raised updated', 'diff/risk-added new']);
        expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('model/risks/a.risk');
    });
});
