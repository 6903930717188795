/** `risk diff --format pretty`: for a terminal, grouped Worse / Better / Neutral, most serious first. */
import type { DiffFormatOptions, DiffReport, DisplayChange } from '../diff-report.js';
import type { Finding } from '../findings.js';
import { changesBy, countsText, EFFECTS, EFFECT_TITLES, sideNotes, subjectOf, summaryRows, valuesText } from './diff-common.js';
import { createStyler, type Style, type Styler } from './style.js';

const EFFECT_STYLES = { worse: ['red', 'bold'], better: ['cyan', 'bold'], neutral: ['gray', 'bold'] } as const satisfies Record<string, Style[]>;

export function formatDiffPretty(report: DiffReport, options: DiffFormatOptions): string {
    const style = createStyler(options.color);
    const lines: string[] = [
        `${style('risk diff', 'bold')} ${report.base.label} → ${report.head.label}, as of ${report.asOf}`,
        `${style(`Verdict: ${report.verdict}`, ...(report.verdict === 'worse' || report.verdict === 'mixed' ? EFFECT_STYLES.worse : EFFECT_STYLES.better))} (${countsText(report)})`
    ];
    for (const note of sideNotes(report)) {
        lines.push(style(`! ${note}`, 'yellow'));
    }
    for (const effect of EFFECTS) {
        const changes = changesBy(report, effect);
        if (changes.length > 0) {
            lines.push('', style(`${EFFECT_TITLES[effect]} (${changes.length})`, ...EFFECT_STYLES[effect]));
            lines.push(...changes.flatMap(change => changeLines(change, style)));
        }
    }
    lines.push('', style('Summary', 'bold'));
    const rows = [['', 'base', 'head'], ...summaryRows(report)];
    const widths = [0, 1, 2].map(column => Math.max(...rows.map(row => row[column].length)));
    for (const [label, before, after] of rows) {
        const changed = before !== after && label !== '';
        lines.push(`  ${label.padEnd(widths[0])}  ${before.padStart(widths[1])}  ${after.padStart(widths[2])}${changed ? style('  *', 'yellow') : ''}`);
    }
    const { findings } = report;
    lines.push('', `${style('Findings', 'bold')}: ${findings.new.length} new, ${findings.resolved.length} resolved, ${findings.unchanged.length} unchanged`);
    lines.push(...findings.new.map(finding => findingLine('new', finding, style)));
    lines.push(...findings.resolved.map(finding => findingLine('resolved', finding, style)));
    return `${lines.join('\n')}\n`;
}

function changeLines(change: DisplayChange, style: Styler): string[] {
    const where = change.file ? style(` ${change.file}:${change.line}${change.atBase ? ' (base)' : ''}`, 'gray') : '';
    const text = valuesText(change);
    const values = text ? [`      ${style(text, 'dim')}`] : [];
    return [`  ${style(change.kind, 'bold')} ${subjectOf(change)}${where}`, `      ${change.message}`, ...values];
}

function findingLine(state: 'new' | 'resolved', finding: Finding, style: Styler): string {
    const color: Style = finding.severity === 'error' ? 'red' : finding.severity === 'warning' ? 'yellow' : 'cyan';
    return `  ${state.padEnd(8)} ${style(finding.severity, color)} ${finding.code} ${style(`${finding.file}:${finding.line}`, 'gray')}  ${finding.message}`;
}
