/**
 * The summary figures of each export as plain sentences, one per line: Markdown
 * escapes and bullets them, XLSX writes one per row, the HTML report escapes them.
 */
import { listText } from './cells.js';
import type { SoaSummary } from './soa-summary.js';
import { SOON_DAYS, type ActionSummary, type PlanSummary, type RegisterSummary } from './summary.js';

/** `2 (R-005, R-011)`, or `none`. */
function countWithIds(ids: readonly string[]): string {
    return ids.length === 0 ? 'none' : `${ids.length} (${listText(ids)})`;
}

/** Risks per level: level, inherent count, residual count; then not assessed (when any) and the total. */
export function levelCountRows(summary: RegisterSummary): string[][] {
    const rows = summary.levels.map(level => [level.level, String(level.inherent), String(level.residual)]);
    if (summary.notAssessed.inherent > 0 || summary.notAssessed.residual > 0) {
        rows.push(['Not assessed', String(summary.notAssessed.inherent), String(summary.notAssessed.residual)]);
    }
    rows.push(['Total', String(summary.risks), String(summary.risks)]);
    return rows;
}

export function registerSummaryLines(summary: RegisterSummary): string[] {
    const appetite = summary.appetite ? ` (${summary.appetite})` : '';
    const expiring = summary.expiringAcceptances.length === 0
        ? 'none'
        : `${summary.expiringAcceptances.length} (${listText(summary.expiringAcceptances.map(entry => `${entry.risk} until ${entry.until}, ${days(entry.daysLeft)} left`))})`;
    return [
        `Residual risks above appetite${appetite}: ${countWithIds(summary.aboveAppetite)}`,
        `Above appetite without a valid acceptance: ${countWithIds(summary.unaccepted)}`,
        `Acceptances expiring within ${SOON_DAYS} days: ${expiring}`,
        ...actionLines(summary.actions)
    ];
}

export function planSummaryLines(summary: PlanSummary): string[] {
    const options = summary.options.filter(option => option.risks > 0).map(option => `${option.option} ${option.risks}`);
    const dueSoon = summary.dueSoon.length === 0
        ? 'none'
        : `${summary.dueSoon.length} (${listText(summary.dueSoon.map(entry => `${entry.action} on ${entry.due}`))})`;
    return [
        `Risks with a treatment: ${summary.risksTreated}${options.length > 0 ? ` (${listText(options)})` : ''}`,
        `Risks with a treatment but no action: ${countWithIds(summary.risksWithoutActions)}`,
        ...actionLines(summary.actions),
        `Open actions due within ${SOON_DAYS} days: ${dueSoon}`
    ];
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

/** The SoA's table per theme: headers and rows (the Unknown column only when a control's state is unknown). */
export function soaThemeTable(summary: SoaSummary): { headers: string[]; rows: string[][] } {
    const showUnknown = summary.themes.some(theme => theme.unknown > 0);
    const headers = ['Theme', 'Controls', 'Applicable', 'Not applicable', 'Excluded', 'Undecided', 'Implemented', 'Partial', 'Planned', ...(showUnknown ? ['Unknown'] : [])];
    const rows = summary.themes.map(theme => [
        theme.theme, theme.controls, theme.applicable, theme.notApplicable, theme.excluded, theme.undecided, theme.implemented, theme.partial, theme.planned,
        ...(showUnknown ? [theme.unknown] : [])
    ].map(String));
    return { headers, rows };
}

export function soaSummaryLines(summary: SoaSummary): string[] {
    const own = summary.ownControls;
    const states = [
        own.implemented > 0 ? `${own.implemented} implemented` : '',
        own.partial > 0 ? `${own.partial} partial` : '',
        own.planned > 0 ? `${own.planned} planned` : '',
        own.noStatus > 0 ? `${own.noStatus} without status` : ''
    ].filter(Boolean);
    return [`Own controls: ${own.total}${states.length > 0 ? ` (${listText(states)})` : ''}`];
}
