/**
 * `risk diff --format github`: one GitHub Actions annotation per worse change, on its
 * line at HEAD. GitHub shows at most 10 annotations of each severity per step, so at
 * most 10 are printed, then one line says how many were left out and where to see them.
 */
import type { DiffReport, DisplayChange } from '../diff-report.js';
import { changesBy, countsText, subjectOf, valuesText } from './diff-common.js';
import { escapeData, escapeProperty } from './github.js';

/** GitHub's documented limit of annotations of one severity in a step. */
export const GITHUB_ANNOTATIONS_PER_SEVERITY = 10;

export function formatDiffGithub(report: DiffReport): string {
    const worse = changesBy(report, 'worse');
    const shown = worse.slice(0, GITHUB_ANNOTATIONS_PER_SEVERITY);
    const lines = shown.map(annotation);
    const left = worse.length - shown.length;
    if (left > 0) {
        lines.push(`::notice title=${escapeProperty('risk diff')}::${escapeData(`${left} more worse change${left === 1 ? ' is' : 's are'} not annotated (GitHub shows ${GITHUB_ANNOTATIONS_PER_SEVERITY} per step): run risk diff --format md or pretty to see all ${worse.length}.`)}`);
    }
    lines.push(`risk diff: ${report.verdict} (${countsText(report)}), ${report.base.label} → ${report.head.label}, as of ${report.asOf}`);
    return `${lines.join('\n')}\n`;
}

function annotation(change: DisplayChange): string {
    const title = `${change.kind}: ${subjectOf(change)}`;
    // A removal's line is in BASE, which the pull request's files no longer show: annotate the run instead.
    const place = change.file && !change.atBase ? [['file', change.file], ['line', String(change.line)]] : [];
    const properties = [...place, ['title', title]].map(([key, value]) => `${key}=${escapeProperty(value)}`).join(',');
    const values = valuesText(change) ? ` (${valuesText(change)})` : '';
    return `::error ${properties}::${escapeData(`${change.message}${values}`)}`;
}
