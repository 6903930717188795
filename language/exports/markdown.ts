/**
 * An export as a Markdown page: a title with the model's name and the as-of date,
 * the summary, the heat maps (register and plan) and the table (GitHub-flavoured).
 */
import { heatMapMarkdown, planSummaryMarkdown, registerSummaryMarkdown, soaSummaryMarkdown } from './markdown-summary.js';
import { escapeMarkdown, markdownTable } from './markdown-text.js';
import { textTable, type AnyExport } from './table.js';

const TABLE_HEADINGS: Readonly<Record<AnyExport['kind'], string>> = {
    register: 'Risks',
    plan: 'Actions',
    soa: 'Annex A controls'
};


const HEAT_MAP_NOTE = 'Risks per cell: likelihood in rows (highest first), impact in columns; the level the method gives the cell in brackets.';

export function toMarkdown(table: AnyExport): string {
    const title = table.model ? `${table.title}: ${table.model}` : table.title;
    const text = textTable(table);
    const sections = [
        `# ${escapeMarkdown(title)}`,
        `As of ${table.asOf}. ${escapeMarkdown(extent(table))}`,
        '## Summary',
        summaryMarkdown(table),
        ...table.heatMaps.flatMap(map => [`## Heat map: ${escapeMarkdown(map.title.toLowerCase())}`, HEAT_MAP_NOTE, heatMapMarkdown(map)]),
        `## ${TABLE_HEADINGS[table.kind]}`,
        markdownTable(text.headers, text.rows)
    ];
    return sections.join('\n\n') + '\n';
}

/** What the table holds, in one sentence. */
function extent(table: AnyExport): string {
    switch (table.kind) {
        case 'register':
            return `${count(table.summary.risks, 'risk')}.`;
        case 'plan':
            return `${count(table.summary.actions.total, 'action')} for ${count(table.summary.risksTreated, 'risk')} with a treatment.`;
        case 'soa': {
            const total = table.summary.themes.at(-1);
            return `${count(table.rows.length, 'Annex A control')} of ISO/IEC 27001:2022, ${total?.applicable ?? 0} applicable.`;
        }
    }
}

function count(n: number, noun: string): string {
    return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function summaryMarkdown(table: AnyExport): string {
    switch (table.kind) {
        case 'register':
            return registerSummaryMarkdown(table.summary);
        case 'plan':
            return planSummaryMarkdown(table.summary);
        case 'soa':
            return soaSummaryMarkdown(table.summary);
    }
}
