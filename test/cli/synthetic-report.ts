/** CheckReports built in memory, for formatter tests that need many findings or exact severities. */
import type { IssueSeverity } from '../../language/validation/issue-codes.js';
import type { Finding } from '../../cli/findings.js';
import { summarize } from '../../cli/findings.js';
import type { CheckReport } from '../../cli/report.js';

const CODES: Readonly<Record<IssueSeverity, string>> = {
    error: 'unaccepted-residual',
    warning: 'missing-owner',
    info: 'acceptance-expiring',
    hint: 'unused'
};

/** `count` findings of one severity, each on a risk of its own (R-<severity>-<n>) in risks.risk. */
export function findingsOf(severity: IssueSeverity, count: number, firstLine = 1): Finding[] {
    return Array.from({ length: count }, (_, index) => {
        const id = `R-${severity}-${index + 1}`;
        return {
            file: 'risks.risk',
            absolutePath: '/repo/risks.risk',
            line: firstLine + index,
            column: 6,
            endLine: firstLine + index,
            endColumn: 6 + id.length,
            severity,
            code: CODES[severity],
            message: `${id}: a ${severity}`,
            sourceLine: `risk ${id} "t" {`,
            subjects: [id],
            riskLevel: 'High'
        };
    });
}

/** A report of the given findings, sorted by line as the CLI sorts them. */
export function reportOf(findings: readonly Finding[]): CheckReport {
    const sorted = [...findings].sort((a, b) => a.line - b.line);
    return { asOf: '2026-11-23', cwd: '/repo', sourceRoot: '/repo', fileCount: 1, models: [{ folder: '.', files: 1 }], findings: sorted, summary: summarize(sorted) };
}
