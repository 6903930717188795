/**
 * `--format pretty`: for people. Each finding as `file:line:col - severity code:
 * message`, the source line with the range underlined, then a one-line summary. When
 * the paths hold several models, the findings come under a heading per model.
 */
import type { IssueSeverity } from '../../language/validation/issue-codes.js';
import type { Finding, Summary } from '../findings.js';
import type { CheckReport, FormatOptions } from '../report.js';
import { createStyler, type Style, type Styler } from './style.js';

const SEVERITY_STYLE: Readonly<Record<IssueSeverity, Style>> = { error: 'red', warning: 'yellow', info: 'cyan', hint: 'gray' };
const TAB_WIDTH = 4;

export function formatPretty(report: CheckReport, options: FormatOptions): string {
    const style = createStyler(options.color);
    const blocks = report.models.length > 1
        ? report.models.flatMap(model => [
            style(modelHeading(model, report.findings.filter(finding => finding.model === model.folder).length), 'bold') + '\n',
            ...report.findings.filter(finding => finding.model === model.folder).map(finding => formatFinding(finding, style))
        ])
        : report.findings.map(finding => formatFinding(finding, style));
    const baseline = report.baseline ? `${baselineLine(report.baseline)}\n` : '';
    blocks.push(`${style(summaryLine(report.summary, report.fileCount, report.asOf, report.models.length), 'bold')}\n${baseline}`);
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

/** `Model examples/acme-saas (7 files): 2 findings` */
function modelHeading(model: { folder: string; files: number }, findings: number): string {
    return `Model ${model.folder} (${plural(model.files, 'file', 'files')}): ${findings === 0 ? 'no findings' : plural(findings, 'finding', 'findings')}`;
}

/** `2 errors, 3 warnings, 1 info, 4 hints in 9 files (as of 2026-11-23)`; `… in 9 files of 2 models (…)` */
export function summaryLine(summary: Summary, fileCount: number, asOf: string, modelCount = 1): string {
    const counts = [
        plural(summary.errors, 'error', 'errors'),
        plural(summary.warnings, 'warning', 'warnings'),
        plural(summary.infos, 'info', 'infos'),
        plural(summary.hints, 'hint', 'hints')
    ].join(', ');
    const models = modelCount > 1 ? ` of ${modelCount} models` : '';
    return `${counts} in ${plural(fileCount, 'file', 'files')}${models} (as of ${asOf})`;
}

/** `3 findings also present at origin/main were hidden (--baseline)` */
export function baselineLine(baseline: { revision: string; hidden: number }): string {
    return `${plural(baseline.hidden, 'finding', 'findings')} also present at ${baseline.revision} ${baseline.hidden === 1 ? 'was' : 'were'} hidden (--baseline)`;
}

function plural(count: number, one: string, many: string): string {
    return `${count} ${count === 1 ? one : many}`;
}
