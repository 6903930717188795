/** What the diff formats share: the summary rows, counts by effect, and notes about broken sides. */
import type { Effect } from '../../language/diff/change.js';
import type { DiffReport, DiffSideReport, DisplayChange } from '../diff-report.js';

export const EFFECTS: readonly Effect[] = ['worse', 'better', 'neutral'];

export const EFFECT_TITLES: Readonly<Record<Effect, string>> = { worse: 'Worse', better: 'Better', neutral: 'Neutral' };

export function changesBy(report: DiffReport, effect: Effect): DisplayChange[] {
    return report.changes.filter(change => change.effect === effect);
}

/** `3 worse, 1 better, 2 neutral changes` */
export function countsText(report: DiffReport): string {
    const counts = EFFECTS.map(effect => `${changesBy(report, effect).length} ${effect}`);
    return `${counts.join(', ')} change${report.changes.length === 1 ? '' : 's'}`;
}

export function subjectOf(change: DisplayChange): string {
    return typeof change.subject === 'string' ? change.subject : change.subject.join(' ');
}

/** The before/after rows: risks, risks per residual level, appetite and acceptance, the check. */
export function summaryRows(report: DiffReport): Array<[string, string, string]> {
    const { base, head } = report;
    const levels: string[] = [];
    for (const level of [...base.posture.residualLevels, ...head.posture.residualLevels].map(entry => entry.level)) {
        if (!levels.includes(level)) {
            levels.push(level);
        }
    }
    const residual = (side: DiffSideReport, level: string) => String(side.posture.residualLevels.find(entry => entry.level === level)?.risks ?? 0);
    return [
        ['Risks', String(base.posture.risks), String(head.posture.risks)],
        ...levels.map((level): [string, string, string] => [`Residual ${level}`, residual(base, level), residual(head, level)]),
        ['Appetite', base.posture.appetite ?? 'none', head.posture.appetite ?? 'none'],
        ['Above appetite', String(base.posture.aboveAppetite.length), String(head.posture.aboveAppetite.length)],
        ['Above appetite without valid acceptance', String(base.posture.unaccepted.length), String(head.posture.unaccepted.length)],
        ['Check: errors', String(base.check.errors), String(head.check.errors)],
        ['Check: warnings', String(base.check.warnings), String(head.check.warnings)],
        ['Check: infos and hints', String(base.check.infos + base.check.hints), String(head.check.infos + head.check.hints)]
    ];
}

/** One sentence per side that does not parse or has no model at all. */
export function sideNotes(report: DiffReport): string[] {
    const notes: string[] = [];
    for (const [name, side] of [['BASE', report.base], ['HEAD', report.head]] as const) {
        if (side.files === 0) {
            notes.push(`${name} (${side.label}) has no .risk files at this path: every risk of the other side counts as ${name === 'BASE' ? 'added' : 'removed'}.`);
        } else if (side.unparsable.length > 0) {
            notes.push(`${name} (${side.label}) does not parse in ${side.unparsable.join(', ')}: the diff covers what could be evaluated; run \`risk check\` there to see the syntax errors.`);
        }
    }
    return notes;
}

/** `before → after`, or undefined when there are none or the message already says both. */
export function valuesText(change: DisplayChange): string | undefined {
    const { before, after, message } = change;
    if (before === null && after === null) {
        return undefined;
    }
    if ((before === null || message.includes(before)) && (after === null || message.includes(after))) {
        return undefined;
    }
    return `${before ?? 'none'} → ${after ?? 'none'}`;
}
