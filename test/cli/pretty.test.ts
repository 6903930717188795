/** The pretty formatter on its own: excerpts of ranges that span lines or follow tabs. */
import { expect, test } from 'vitest';
import type { Finding } from '../../cli/findings.js';
import { formatPretty, summaryLine } from '../../cli/formatters/pretty.js';
import type { CheckReport } from '../../cli/report.js';

function finding(overrides: Partial<Finding>): Finding {
    return {
        file: 'a.risk', absolutePath: '/w/a.risk', line: 3, column: 1, endLine: 3, endColumn: 2,
        severity: 'warning', code: 'missing-owner', message: 'm', sourceLine: 'x', subjects: [], ...overrides
    };
}

function pretty(...findings: Finding[]): string[] {
    const report: CheckReport = { asOf: '2026-11-23', cwd: '/w', sourceRoot: '/w', fileCount: 1, models: [{ folder: '.', files: 1 }], findings, summary: { errors: 0, warnings: findings.length, infos: 0, hints: 0 } };
    return formatPretty(report, { color: false }).split('\n');
}

test('a range that spans lines is underlined to the end of its first line', () => {
    const lines = pretty(finding({ line: 12, column: 6, endLine: 14, endColumn: 2, sourceLine: 'risk R-001 "t" {' }));
    expect(lines.slice(0, 3)).toEqual([
        'a.risk:12:6 - warning missing-owner: m',
        '  12 | risk R-001 "t" {',
        '     |      ^^^^^^^^^^^'
    ]);
});

test('tabs are expanded alike in the line and under it', () => {
    const lines = pretty(finding({ column: 3, endColumn: 8, sourceLine: '\t\towner Bob' }));
    expect(lines[1]).toBe('  3 |         owner Bob');
    expect(lines[2]).toBe('    |         ^^^^^');
});

test('an empty range at the end of a line still gets one caret', () => {
    const lines = pretty(finding({ column: 13, endColumn: 13, sourceLine: '  likelihood' }));
    expect(lines[2]).toBe('    |             ^');
});

test('a message over several lines is indented under its header', () => {
    const lines = pretty(finding({ message: 'Expecting one of:\n  1. [INT]\nbut found: \'\'' }));
    expect(lines.slice(0, 4)).toEqual(['a.risk:3:1 - warning missing-owner: Expecting one of:', '    1. [INT]', '  but found: \'\'', '  3 | x']);
});

test('the summary counts in singular and plural', () => {
    expect(summaryLine({ errors: 2, warnings: 3, infos: 1, hints: 4 }, 9, '2026-11-23')).toBe('2 errors, 3 warnings, 1 info, 4 hints in 9 files (as of 2026-11-23)');
    expect(summaryLine({ errors: 1, warnings: 1, infos: 2, hints: 1 }, 1, '2026-11-23')).toBe('1 error, 1 warning, 2 infos, 1 hint in 1 file (as of 2026-11-23)');
});
