/**
 * `risk diff --format md`: a pull-request comment. A one-line verdict heading, the
 * before/after summary, a table of worse changes, and the rest collapsed in
 * `<details>`. GitHub rejects comments over 65,536 characters, so rows are added in
 * order of importance while they fit, and what does not fit is counted instead.
 */
import { relative, sep } from 'node:path';
import { escapeMarkdown } from '../../language/exports/markdown-text.js';
import type { DiffFormatOptions, DiffReport, DisplayChange } from '../diff-report.js';
import type { Finding } from '../findings.js';
import { changesBy, countsText, EFFECT_TITLES, sideNotes, subjectOf, summaryRows, valuesText } from './diff-common.js';

/** GitHub's limit on a comment's body, in characters. */
export const GITHUB_COMMENT_LIMIT = 65_536;
/** Kept free for the closing tags and the lines that count what was left out. */
const RESERVE = 2_000;

const VERDICT_HEADINGS = {
    worse: '🔴 Risk posture: worse',
    mixed: '🟠 Risk posture: mixed',
    better: '🟢 Risk posture: better',
    unchanged: '⚪ Risk posture: unchanged'
} as const;

export function formatDiffMarkdown(report: DiffReport, options: DiffFormatOptions, limit = GITHUB_COMMENT_LIMIT): string {
    const head: string[] = [
        `## ${VERDICT_HEADINGS[report.verdict]} (${countsText(report)})`,
        '',
        `${escapeMarkdown(report.base.label)} → ${escapeMarkdown(report.head.label)}, as of ${report.asOf}`,
        ''
    ];
    for (const note of sideNotes(report)) {
        head.push(`> [!WARNING]`, `> ${escapeMarkdown(note)}`, '');
    }
    head.push('| | base | head |', '| --- | ---: | ---: |');
    for (const [label, before, after] of summaryRows(report)) {
        head.push(`| ${escapeMarkdown(label)} | ${escapeMarkdown(before)} | ${before === after ? escapeMarkdown(after) : `**${escapeMarkdown(after)}**`} |`);
    }

    const budget = new Budget(limit - RESERVE, head.join('\n'));
    const worse = changesBy(report, 'worse');
    const sections = [
        budget.section(worse.length > 0 ? `### Worse (${worse.length})\n` : undefined, changeTableHeader(), worse.map(change => changeRow(change, options)), 'worse changes'),
        ...(['better', 'neutral'] as const).map(effect => {
            const changes = changesBy(report, effect);
            return budget.section(changes.length > 0 ? `<details><summary>${EFFECT_TITLES[effect]} (${changes.length})</summary>\n` : undefined,
                changeTableHeader(), changes.map(change => changeRow(change, options)), `${effect} changes`, changes.length > 0 ? '\n</details>' : undefined);
        }),
        budget.section(`<details><summary>Findings: ${report.findings.new.length} new, ${report.findings.resolved.length} resolved, ${report.findings.unchanged.length} unchanged</summary>\n`,
            ['| | Finding | Where | Message |', '| --- | --- | --- | --- |'],
            [...report.findings.new.map(finding => findingRow('new', finding, report.headRoot, options)), ...report.findings.resolved.map(finding => findingRow('resolved', finding, report.headRoot, options))],
            'findings', '\n</details>')
    ];
    return `${[head.join('\n'), ...sections.filter(section => section !== '')].join('\n\n')}\n`;
}

/** Counts characters as sections are added, and stops adding rows before the limit. */
class Budget {
    private used: number;

    constructor(private readonly limit: number, start: string) {
        this.used = start.length;
    }

    section(title: string | undefined, header: readonly string[], rows: readonly string[], what: string, closing?: string): string {
        if (title === undefined || (rows.length === 0 && !title.startsWith('<details>'))) {
            return '';
        }
        const lines = [title, ...(rows.length > 0 ? header : ['Nothing to list.'])];
        let size = lines.join('\n').length + (closing?.length ?? 0) + 4;
        let kept = 0;
        for (const row of rows) {
            if (this.used + size + row.length + 1 > this.limit) {
                break;
            }
            lines.push(row);
            size += row.length + 1;
            kept++;
        }
        if (kept < rows.length) {
            lines.push('', `${rows.length - kept} more ${what} do not fit in a pull-request comment; run \`risk diff\` (or \`--format json\`) to see them all.`);
        }
        if (closing) {
            lines.push(closing);
        }
        const text = lines.join('\n');
        this.used += text.length + 2;
        return text;
    }
}

function changeTableHeader(): string[] {
    return ['| Change | Subject | What | Where |', '| --- | --- | --- | --- |'];
}

function changeRow(change: DisplayChange, options: DiffFormatOptions): string {
    const values = valuesText(change);
    const valuesCell = values ? `<br><sub>${escapeMarkdown(values)}</sub>` : '';
    const where = change.file ? place(change.file, change.line ?? 1, change.rootPath, options, change.atBase ? ' (base)' : '') : '';
    return `| \`${change.kind}\` | ${escapeMarkdown(subjectOf(change))} | ${escapeMarkdown(change.message)}${valuesCell} | ${where} |`;
}

function findingRow(state: 'new' | 'resolved', finding: Finding, headRoot: string, options: DiffFormatOptions): string {
    // Resolved findings are in BASE: the link base (HEAD's files) would point at the wrong lines.
    const rootPath = state === 'new' ? relative(headRoot, finding.absolutePath).split(sep).join('/') : null;
    return `| ${state} | ${finding.severity} \`${finding.code}\` | ${place(finding.file, finding.line, rootPath, options, '')} | ${escapeMarkdown(finding.message)} |`;
}

function place(file: string, line: number, rootPath: string | null, options: DiffFormatOptions, suffix: string): string {
    const text = `${escapeMarkdown(file)}:${line}${suffix}`;
    if (!options.linkBase || !rootPath || suffix !== '') {
        return text;
    }
    const url = `${options.linkBase}/${rootPath.split('/').map(encodeURIComponent).join('/')}#L${line}`;
    return `[${text}](${url.replace(/[()]/g, character => encodeURIComponent(character))})`;
}
