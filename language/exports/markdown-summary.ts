/**
 * The Markdown sections above each export's table: the summary figures and the
 * heat maps. Every piece of model text goes through escapeMarkdown.
 */
import { listText, scaleText } from './cells.js';
import type { HeatMap } from './heat-map.js';
import { escapeMarkdown, markdownTable } from './markdown-text.js';
import type { SoaSummary } from './soa-summary.js';
import { SOON_DAYS, type ActionSummary, type PlanSummary, type RegisterSummary } from './summary.js';

function bullets(lines: readonly string[]): string {
    return lines.map(line => `- ${escapeMarkdown(line)}`).join('\n');
}

/** `2 (R-005, R-011)`, or `none`. */
function countWithIds(ids: readonly string[]): string {
    return ids.length === 0 ? 'none' : `${ids.length} (${listText(ids)})`;
}

export function registerSummaryMarkdown(summary: RegisterSummary): string {
    const rows = summary.levels.map(level => [level.level, String(level.inherent), String(level.residual)]);
    if (summary.notAssessed.inherent > 0 || summary.notAssessed.residual > 0) {
        rows.push(['Not assessed', String(summary.notAssessed.inherent), String(summary.notAssessed.residual)]);
    }
    rows.push(['Total', String(summary.risks), String(summary.risks)]);
    const appetite = summary.appetite ? ` (${summary.appetite})` : '';
    const expiring = summary.expiringAcceptances.length === 0
        ? 'none'
        : `${summary.expiringAcceptances.length} (${listText(summary.expiringAcceptances.map(entry => `${entry.risk} until ${entry.until}, ${days(entry.daysLeft)} left`))})`;
    return [
        markdownTable(['Level', 'Inherent risks', 'Residual risks'], rows, ['left', 'right', 'right']),
        bullets([
            `Residual risks above appetite${appetite}: ${countWithIds(summary.aboveAppetite)}`,
            `Above appetite without a valid acceptance: ${countWithIds(summary.unaccepted)}`,
            `Acceptances expiring within ${SOON_DAYS} days: ${expiring}`,
            ...actionLines(summary.actions)
        ])
    ].join('\n\n');
}

export function planSummaryMarkdown(summary: PlanSummary): string {
    const options = summary.options.filter(option => option.risks > 0).map(option => `${option.option} ${option.risks}`);
    const dueSoon = summary.dueSoon.length === 0
        ? 'none'
        : `${summary.dueSoon.length} (${listText(summary.dueSoon.map(entry => `${entry.action} on ${entry.due}`))})`;
    return bullets([
        `Risks with a treatment: ${summary.risksTreated}${options.length > 0 ? ` (${listText(options)})` : ''}`,
        `Risks with a treatment but no action: ${countWithIds(summary.risksWithoutActions)}`,
        ...actionLines(summary.actions),
        `Open actions due within ${SOON_DAYS} days: ${dueSoon}`
    ]);
}

function actionLines(actions: ActionSummary): string[] {
    const onTime = actions.scheduled === 0
        ? 'no action has a due date'
        : `${Math.round((100 * actions.onTime) / actions.scheduled)}% (${actions.onTime} of ${actions.scheduled} actions with a due date; cancelled ones not counted`
            + `${actions.completionUnknown > 0 ? `; ${actions.completionUnknown} done without a completion date, not counted as on time` : ''})`;
    return [
        `Actions: ${actions.total} (${actions.planned} planned, ${actions.inProgress} in progress, ${actions.done} done, ${actions.cancelled} cancelled)`,
        `Overdue actions: ${countWithIds(actions.overdue)}`,
        `Actions on time: ${onTime}`
    ];
}

function days(count: number): string {
    return `${count} day${count === 1 ? '' : 's'}`;
}

export function soaSummaryMarkdown(summary: SoaSummary): string {
    const showUnknown = summary.themes.some(theme => theme.unknown > 0);
    const headers = ['Theme', 'Controls', 'Applicable', 'Not applicable', 'Excluded', 'Undecided', 'Implemented', 'Partial', 'Planned', ...(showUnknown ? ['Unknown'] : [])];
    const rows = summary.themes.map(theme => [
        theme.theme, theme.controls, theme.applicable, theme.notApplicable, theme.excluded, theme.undecided, theme.implemented, theme.partial, theme.planned,
        ...(showUnknown ? [theme.unknown] : [])
    ].map(String));
    const own = summary.ownControls;
    const states = [
        own.implemented > 0 ? `${own.implemented} implemented` : '',
        own.partial > 0 ? `${own.partial} partial` : '',
        own.planned > 0 ? `${own.planned} planned` : '',
        own.noStatus > 0 ? `${own.noStatus} without status` : ''
    ].filter(Boolean);
    return [
        markdownTable(headers, rows, ['left', ...headers.slice(1).map(() => 'right' as const)]),
        bullets([`Own controls: ${own.total}${states.length > 0 ? ` (${listText(states)})` : ''}`]),
        'A control is applicable when a risk, an action that is not cancelled, or an own control of the model refers to it, '
        + 'directly or through an own control that implements it, or an `include` line of the `applicability` block names it; '
        + 'it is excluded when an `exclude` line names it, and undecided otherwise. Its implementation is the furthest any of them got: '
        + 'an existing control of a risk, a done action or an implemented own control makes it *implemented*; '
        + 'an action in progress or a partial own control *partial*; a planned action or own control *planned*.'
    ].join('\n\n');
}

export function heatMapMarkdown(map: HeatMap): string {
    const rows = map.likelihood.map((likelihood, row) => [
        scaleText(likelihood),
        ...map.impact.map((_, column) => {
            const level = map.levels[row][column];
            return level ? `${map.counts[row][column]} (${level})` : String(map.counts[row][column]);
        })
    ]);
    const note = map.notAssessed > 0 ? `\n\n${escapeMarkdown(`Not assessed, in no cell: ${map.notAssessed}`)}` : '';
    return markdownTable(['Likelihood \\ Impact', ...map.impact.map(scaleText)], rows, ['left', ...map.impact.map(() => 'center' as const)]) + note;
}
