/**
 * `--format md`: the check as GitHub-flavoured Markdown, for a job summary
 * (`--summary`) or a pull-request comment: a heading with the counts, a summary table,
 * then the findings, most serious first. It stays under GitHub's 65,536-character
 * comment limit by listing as many findings as fit and counting the rest.
 */
import { escapeMarkdown, markdownTable } from '../../language/exports/markdown-text.js';
import { mostSeriousFirst, subjectLabel } from '../finding-label.js';
import type { Finding } from '../findings.js';
import { sourcePath, type CheckReport } from '../report.js';
import { baselineLine, summaryLine } from './pretty.js';

/** Below GitHub's comment limit (65,536), with room for the lines after the table. */
export const MARKDOWN_BUDGET = 60_000;

const COLUMNS = ['Severity', 'Code', 'About', 'Where', 'Message'];
const SEVERITY_LABELS = { error: 'Error', warning: 'Warning', info: 'Info', hint: 'Hint' } as const;

export function formatMarkdown(report: CheckReport): string {
    const { errors, warnings, infos, hints } = report.summary;
    const heading = `## Risk check: ${summaryLine(report.summary, report.fileCount, report.asOf)}`;
    const summary = markdownTable(['Severity', 'Findings'], [
        ['Error', String(errors)],
        ['Warning', String(warnings)],
        ['Info', String(infos)],
        ['Hint', String(hints)]
    ], ['left', 'right']);
    const parts = [heading, summary];
    if (report.baseline) {
        parts.push(escapeMarkdown(`${baselineLine(report.baseline)}.`));
    }
    if (report.findings.length > 0) {
        parts.push(`### Findings, most serious first\n\n${findingsTable(mostSeriousFirst(report.findings), report, MARKDOWN_BUDGET - heading.length - summary.length)}`);
    }
    return `${parts.join('\n\n')}\n`;
}

function findingsTable(findings: readonly Finding[], report: CheckReport, budget: number): string {
    const header = markdownTable(COLUMNS, []);
    const rows: string[] = [];
    let used = header.length;
    for (const finding of findings) {
        // The one row of a one-row table: its cells escaped as every table's are.
        const row = markdownTable(COLUMNS, [[
            SEVERITY_LABELS[finding.severity],
            finding.code,
            subjectLabel(finding),
            `${sourcePath(finding, report)}:${finding.line}`,
            finding.message
        ]]).split('\n')[2];
        if (used + row.length + 1 > budget) {
            break;
        }
        rows.push(row);
        used += row.length + 1;
    }
    const table = [header, ...rows].join('\n');
    const left = findings.length - rows.length;
    return left === 0 ? table : `${table}\n\n${left} more ${left === 1 ? 'finding does' : 'findings do'} not fit here; \`risk check\` lists them all.`;
}
