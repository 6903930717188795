/** `--format github` within GitHub's limit of 10 error, 10 warning and 10 notice annotations per step. */
import { describe, expect, test } from 'vitest';
import { ANNOTATIONS_PER_KIND, formatGithub } from '../../cli/formatters/github.js';
import { findingsOf, reportOf } from './synthetic-report.js';

const kindOf = (line: string) => /^::(\w+) /.exec(line)?.[1];

describe('GitHub annotations', () => {
    test('print at most 10 of each kind, errors first, then one line counting what was left out', () => {
        // Interleaved lines, so that ranking, not input order, puts the errors first.
        const report = reportOf([
            ...findingsOf('hint', 9, 1),
            ...findingsOf('warning', 12, 100),
            ...findingsOf('error', 15, 200),
            ...findingsOf('info', 3, 300)
        ]);
        const lines = formatGithub(report).trimEnd().split('\n');
        const annotations = lines.filter(line => line.startsWith('::'));
        expect(annotations.map(kindOf)).toEqual([
            ...Array(ANNOTATIONS_PER_KIND).fill('error'),
            ...Array(ANNOTATIONS_PER_KIND).fill('warning'),
            ...Array(ANNOTATIONS_PER_KIND).fill('notice')
        ]);
        expect(ANNOTATIONS_PER_KIND).toBe(10);
        // The first errors by position are kept.
        expect(annotations[0]).toContain('title=unaccepted-residual%3A R-error-1 High::R-error-1: a error');
        expect(lines).toHaveLength(31);
        expect(lines[30]).toBe('risk: 5 errors, 2 warnings, 2 notices not shown as annotations: GitHub shows at most 10 of each kind per step. ' +
            'The SARIF upload (--format sarif), the step summary (--summary) or `risk check` list every finding.');
        expect(lines[30].startsWith('::')).toBe(false);
    });

    test('print no count line when everything fits', () => {
        const output = formatGithub(reportOf([...findingsOf('error', 10), ...findingsOf('warning', 1, 50)]));
        expect(output.split('\n').filter(Boolean).every(line => line.startsWith('::'))).toBe(true);
        expect(output.match(/^::error /gm)).toHaveLength(10);
    });

    test('title a finding without a risk level by its subject alone, and one about nothing by its code', () => {
        const [owner] = findingsOf('warning', 1);
        const [syntax] = findingsOf('error', 1);
        const output = formatGithub(reportOf([
            { ...owner, subjects: ['Servers'], riskLevel: undefined },
            { ...syntax, code: 'syntax-error', subjects: [], riskLevel: undefined, line: 9, endLine: 9 }
        ]));
        expect(output).toContain(',title=missing-owner%3A Servers::');
        expect(output).toContain(',title=syntax-error::');
    });
});
