/**
 * The Markdown sections above each export's table: the summary figures and the
 * heat maps. Every piece of model text goes through escapeMarkdown.
 */
import { scaleText } from './cells.js';
import type { HeatMap } from './heat-map.js';
import { escapeMarkdown, markdownTable } from './markdown-text.js';
import type { SoaSummary } from './soa-summary.js';
import type { PlanSummary, RegisterSummary } from './summary.js';
import { levelCountRows, planSummaryLines, registerSummaryLines, soaSummaryLines, soaThemeTable } from './summary-text.js';

function bullets(lines: readonly string[]): string {
    return lines.map(line => `- ${escapeMarkdown(line)}`).join('\n');
}

export function registerSummaryMarkdown(summary: RegisterSummary): string {
    return [
        markdownTable(['Level', 'Inherent risks', 'Residual risks'], levelCountRows(summary), ['left', 'right', 'right']),
        bullets(registerSummaryLines(summary))
    ].join('\n\n');
}

export function planSummaryMarkdown(summary: PlanSummary): string {
    return bullets(planSummaryLines(summary));
}

/** How the SoA decides applicability and implementation. */
export const SOA_APPLICABILITY_NOTE = 'A control is applicable when a risk, an action that is not cancelled, or an own control of the model refers to it, '
    + 'directly or through an own control that implements it, or an include line of the applicability block names it; '
    + 'it is excluded when an exclude line names it, and undecided otherwise. Its implementation is the furthest any of them got: '
    + 'an existing control of a risk, a done action or an implemented own control makes it implemented; '
    + 'an action in progress or a partial own control partial; a planned action or own control planned.';

export function soaSummaryMarkdown(summary: SoaSummary): string {
    const { headers, rows } = soaThemeTable(summary);
    return [
        markdownTable(headers, rows, ['left', ...headers.slice(1).map(() => 'right' as const)]),
        bullets(soaSummaryLines(summary)),
        SOA_APPLICABILITY_NOTE.replace(/ (implemented|partial|planned)([;.])/g, ' *$1*$2')
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
