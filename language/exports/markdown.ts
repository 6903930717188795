/**
 * An export as a Markdown page: a title with the model's name and the as-of date,
 * the summary, the heat maps (register and plan) and the table (GitHub-flavoured).
 */
import { HEAT_MARKERS, levelStep } from './level-colours.js';
import { heatMapLegend, heatMapMarkdown, planSummaryMarkdown, registerSummaryMarkdown, soaSummaryMarkdown } from './markdown-summary.js';
import { escapeMarkdown, markdownTable } from './markdown-text.js';
import type { AnyExport, Column, ExportKind } from './table.js';

const TABLE_HEADINGS: Readonly<Record<AnyExport['kind'], string>> = {
    register: 'Risks',
    plan: 'Actions',
    soa: 'Annex A controls'
};


const HEAT_MAP_NOTE = 'Risks per cell: likelihood in rows (highest first), impact in columns; each cell shows the colour of the level the method gives it, the number of risks and the level in brackets.';

/**
 * The columns a page shows, by key, when not all of them: the register's 27 columns
 * make a table nobody can read on GitHub, so its page keeps what a reader scans for and
 * leaves the rest to the CSV, JSON and XLSX exports. Headers, as `header` says, or the
 * column's own.
 */
const PAGE_COLUMNS: Partial<Record<ExportKind, ReadonlyArray<{ readonly key: string; readonly header?: string }>>> = {
    register: [
        { key: 'id' }, { key: 'title' }, { key: 'owner' }, { key: 'level', header: 'Inherent' }, { key: 'residualLevel', header: 'Residual' },
        { key: 'treatment' }, { key: 'acceptance' }, { key: 'status' }
    ]
};

const WIDE_NOTE = 'The other columns of the register (scenario, assessment values, scores, controls, actions, acceptance details, review, source) are in the CSV, JSON and XLSX exports.';

export function toMarkdown(table: AnyExport): string {
    const title = table.model ? `${table.title}: ${table.model}` : table.title;
    const text = pageTable(table);
    const sections = [
        `# ${escapeMarkdown(title)}`,
        `As of ${table.asOf}. ${escapeMarkdown(extent(table))}`,
        '## Summary',
        summaryMarkdown(table),
        ...table.heatMaps.flatMap((map, index) => [
            `## Heat map: ${escapeMarkdown(map.title.toLowerCase())}`,
            ...(index === 0 ? [HEAT_MAP_NOTE] : []),
            heatMapMarkdown(map),
            ...(index === table.heatMaps.length - 1 ? [heatMapLegend(map)] : [])
        ]),
        `## ${TABLE_HEADINGS[table.kind]}`,
        markdownTable(text.headers, text.rows),
        ...(PAGE_COLUMNS[table.kind] ? [WIDE_NOTE] : [])
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

/** The page's table: its columns (all, or those PAGE_COLUMNS picks), level cells with their coloured marker. */
function pageTable(table: AnyExport): { headers: string[]; rows: string[][] } {
    const all = table.columns as unknown as ReadonlyArray<Column<unknown>>;
    const picked = PAGE_COLUMNS[table.kind];
    const columns = picked
        ? picked.flatMap(choice => all.filter(column => column.key === choice.key).map(column => ({ column, header: choice.header ?? column.header })))
        : all.map(column => ({ column, header: column.header }));
    const order = table.heatMaps[0]?.levelOrder ?? [];
    const cell = (column: Column<unknown>, row: unknown) => {
        const text = column.text(row);
        const step = column.cell === 'level' ? levelStep(text, order) : null;
        return step === null ? text : `${HEAT_MARKERS[step]} ${text}`;
    };
    return {
        headers: columns.map(entry => entry.header),
        rows: (table.rows as readonly unknown[]).map(row => columns.map(entry => cell(entry.column, row)))
    };
}
