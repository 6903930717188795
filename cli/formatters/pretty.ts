/**
 * `--format pretty`: for people. Each finding as `file:line:col - severity code:
 * message`, the source line with the range underlined, then a one-line summary.
 */
import type { IssueSeverity } from '../../language/validation/issue-codes.js';
import type { Finding, Summary } from '../findings.js';
import type { CheckReport, FormatOptions } from '../report.js';
import { createStyler, type Style, type Styler } from './style.js';

const SEVERITY_STYLE: Readonly<Record<IssueSeverity, Style>> = { error: 'red', warning: 'yellow', info: 'cyan', hint: 'gray' };
const TAB_WIDTH = 4;

export function formatPretty(report: CheckReport, options: FormatOptions): string {
    const style = createStyler(options.color);
    const blocks = report.findings.map(finding => formatFinding(finding, style));
    const baseline = report.baseline ? `${baselineLine(report.baseline)}\n` : '';
    blocks.push(`${style(summaryLine(report.summary, report.fileCount, report.asOf), 'bold')}\n${baseline}`);
    return blocks.join('\n');
}

function formatFinding(finding: Finding, style: Styler): string {
    const color = SEVERITY_STYLE[finding.severity];
    const [first, ...rest] = finding.message.split(/\r?\n/);
    const header = `${style(`${finding.file}:${finding.line}:${finding.column}`, 'bold')} - ${style(finding.severity, color, 'bold')} ${style(finding.code, 'gray')}: ${first}`;
    const continuation = rest.map(line => `  ${line}`);
    return [header, ...continuation, ...excerpt(finding, style, color)].map(line => `${line}\n`).join('');
}

/** The source line and a caret line underlining the finding's range on that line. */
function excerpt(finding: Finding, style: Styler, color: Style): string[] {
    const source = finding.sourceLine;
    const startIndex = Math.min(finding.column - 1, source.length);
    const endIndex = finding.endLine === finding.line ? Math.min(finding.endColumn - 1, source.length) : source.length;
    const startColumn = displayWidth(source.slice(0, startIndex));
    const width = Math.max(1, displayWidth(source.slice(0, Math.max(endIndex, startIndex))) - startColumn);
    const number = String(finding.line);
    const gutter = ' '.repeat(number.length);
    return [
        `  ${style(number, 'gray')} ${style('|', 'gray')} ${expandTabs(source)}`,
        `  ${gutter} ${style('|', 'gray')} ${' '.repeat(startColumn)}${style('^'.repeat(width), color, 'bold')}`
    ];
}

function expandTabs(text: string): string {
    let out = '';
    for (const char of text) {
        out += char === '\t' ? ' '.repeat(TAB_WIDTH - (out.length % TAB_WIDTH)) : char;
    }
    return out;
}

function displayWidth(text: string): number {
    return expandTabs(text).length;
}

/** `2 errors, 3 warnings, 1 info, 4 hints in 9 files (as of 2026-11-23)` */
export function summaryLine(summary: Summary, fileCount: number, asOf: string): string {
    const counts = [
        plural(summary.errors, 'error', 'errors'),
        plural(summary.warnings, 'warning', 'warnings'),
        plural(summary.infos, 'info', 'infos'),
        plural(summary.hints, 'hint', 'hints')
    ].join(', ');
    return `${counts} in ${plural(fileCount, 'file', 'files')} (as of ${asOf})`;
}

/** `3 findings also present at origin/main were hidden (--baseline)` */
export function baselineLine(baseline: { revision: string; hidden: number }): string {
    return `${plural(baseline.hidden, 'finding', 'findings')} also present at ${baseline.revision} ${baseline.hidden === 1 ? 'was' : 'were'} hidden (--baseline)`;
}

function plural(count: number, one: string, many: string): string {
    return `${count} ${count === 1 ? one : many}`;
}
