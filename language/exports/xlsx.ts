/**
 * Exports as an Excel workbook (exceljs): a `Summary` sheet with each export's
 * figures and coloured heat maps, then one sheet per export with a frozen header,
 * an auto-filter and fitting column widths. Cells are typed: numbers stay numbers,
 * dates are dates, level cells are filled with their level's colour. Every text is a
 * string cell, never a formula, so a hostile title cannot run in a spreadsheet.
 *
 * It renders what the exports computed; nothing is evaluated again here.
 */
import ExcelJS from 'exceljs';
import { isRealDate } from '../evaluation/dates.js';
import { scaleText } from './cells.js';
import type { HeatMap } from './heat-map.js';
import { HEAT_FILLS, levelStep, NO_LEVEL_FILL } from './level-colours.js';
import { SOA_APPLICABILITY_NOTE } from './markdown-summary.js';
import { levelCountRows, planSummaryLines, registerSummaryLines, soaSummaryLines, soaThemeTable } from './summary-text.js';
import type { AnyExport, Column } from './table.js';

/** The sheet of each export; Excel allows at most 31 characters. */
export const SHEET_NAMES: Readonly<Record<AnyExport['kind'], string>> = {
    register: 'Register',
    plan: 'Treatment plan',
    soa: 'SoA'
};

export const SUMMARY_SHEET = 'Summary';

const DATE_FORMAT = 'yyyy-mm-dd';
const MIN_WIDTH = 6;
const MAX_WIDTH = 60;

/** The workbook of one or more exports (of one model, on one as-of date), as the bytes of an .xlsx file. */
export async function toXlsx(tables: readonly AnyExport[]): Promise<Uint8Array> {
    if (tables.length === 0) {
        throw new Error('A workbook needs at least one export.');
    }
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'Risk Language';
    // The as-of date, not the clock: the workbook describes the model on that day.
    workbook.created = workbook.modified = isoDateCell(tables[0].asOf) ?? new Date(0);
    const summary = workbook.addWorksheet(SUMMARY_SHEET);
    writeSummarySheet(summary, tables);
    for (const table of tables) {
        writeTableSheet(workbook.addWorksheet(SHEET_NAMES[table.kind], { views: [{ state: 'frozen', ySplit: 1 }] }), table);
    }
    const buffer = await workbook.xlsx.writeBuffer();
    return new Uint8Array(buffer as ArrayBuffer);
}

type CellValue = string | number | Date | null;

/** Characters XML 1.0 cannot hold (a workbook holding one does not open) and lone surrogates. */
const NOT_IN_XML = /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Excel's limit on the characters of one cell. */
const MAX_CELL_TEXT = 32_767;

/**
 * Text as a cell can hold it: line breaks as Excel writes them (LF), impossible
 * characters as U+FFFD, and cut (ending in `…`) at Excel's limit.
 */
export function cellText(text: string): string {
    const clean = text.replace(/\r\n?/g, '\n').replace(NOT_IN_XML, '\uFFFD');
    return clean.length > MAX_CELL_TEXT ? `${clean.slice(0, MAX_CELL_TEXT - 1)}…` : clean;
}

/** Every row goes through here, so that no text reaches the file unsanitised. */
function addRow(sheet: ExcelJS.Worksheet, values: readonly CellValue[]): ExcelJS.Row {
    return sheet.addRow(values.map(value => (typeof value === 'string' ? cellText(value) : value)));
}

function writeTableSheet(sheet: ExcelJS.Worksheet, table: AnyExport): void {
    const { columns, rows } = table as unknown as { columns: ReadonlyArray<Column<Record<string, unknown>>>; rows: ReadonlyArray<Record<string, unknown>> };
    const levelOrder = table.heatMaps[0]?.levelOrder ?? [];
    const header = addRow(sheet, columns.map(column => column.header));
    header.font = { bold: true };
    header.alignment = { vertical: 'top', wrapText: true };
    for (const row of rows) {
        const added = addRow(sheet, columns.map(column => typedCell(column, row)));
        added.alignment = { vertical: 'top', wrapText: true };
        columns.forEach((column, index) => {
            const cell = added.getCell(index + 1);
            if (cell.value instanceof Date) {
                cell.numFmt = DATE_FORMAT;
            }
            if (column.cell === 'level') {
                fillLevel(cell, column.text(row), levelOrder);
            }
        });
    }
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: columns.length } };
    columns.forEach((column, index) => {
        sheet.getColumn(index + 1).width = fittingWidth([column.header, ...rows.map(row => column.text(row))]);
    });
}

/** The row's value as a typed cell: numbers as numbers, dates as dates, everything else as its text. */
function typedCell(column: Column<Record<string, unknown>>, row: Record<string, unknown>): CellValue {
    const value = row[column.key];
    if (typeof value === 'number' && Number.isFinite(value)) {
        return value;
    }
    const text = column.text(row);
    if (column.cell === 'date') {
        return isoDateCell(text) ?? (text === '' ? null : text);
    }
    return text === '' ? null : text;
}

/** A `YYYY-MM-DD` date as a UTC midnight Date, which exceljs stores as that day's serial number. */
function isoDateCell(text: string): Date | null {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || !isRealDate(text)) {
        return null;
    }
    const [year, month, day] = text.split('-').map(Number);
    return new Date(Date.UTC(year, month - 1, day));
}

function fillLevel(cell: ExcelJS.Cell, level: string | null, levelOrder: readonly string[]): void {
    if (!level) {
        return;
    }
    const step = levelStep(level, levelOrder);
    cell.fill = solidFill(step === null ? NO_LEVEL_FILL : HEAT_FILLS[step]);
}

function solidFill(hex: string): ExcelJS.Fill {
    return { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${hex.slice(1).toUpperCase()}` } };
}

/** Wide enough for the longest line of any cell, within limits; longer cells wrap. */
function fittingWidth(texts: readonly string[]): number {
    const longest = Math.max(0, ...texts.flatMap(text => text.split(/\r\n|\r|\n/).map(line => [...line].length)));
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
}

const TITLES: Readonly<Record<AnyExport['kind'], string>> = {
    register: 'Risk register',
    plan: 'Risk treatment plan',
    soa: 'Statement of Applicability'
};

function writeSummarySheet(sheet: ExcelJS.Worksheet, tables: readonly AnyExport[]): void {
    const first = tables[0];
    const title = addRow(sheet, [first.model ?? 'Risk model']);
    title.font = { bold: true, size: 16 };
    const asOf = addRow(sheet, ['As of', isoDateCell(first.asOf) ?? first.asOf]);
    asOf.getCell(2).numFmt = DATE_FORMAT;
    asOf.getCell(2).alignment = { horizontal: 'left' };
    for (const table of tables) {
        addRow(sheet, []);
        const heading = addRow(sheet, [`${TITLES[table.kind]} (sheet '${SHEET_NAMES[table.kind]}')`]);
        heading.font = { bold: true, size: 13 };
        const levelOrder = table.heatMaps[0]?.levelOrder ?? [];
        switch (table.kind) {
            case 'register':
                writeTable(sheet, ['Level', 'Inherent risks', 'Residual risks'], levelCountRows(table.summary), levelOrder);
                writeLines(sheet, registerSummaryLines(table.summary));
                break;
            case 'plan':
                writeLines(sheet, planSummaryLines(table.summary));
                break;
            case 'soa': {
                const themes = soaThemeTable(table.summary);
                writeTable(sheet, themes.headers, themes.rows, []);
                writeLines(sheet, [...soaSummaryLines(table.summary), SOA_APPLICABILITY_NOTE]);
                break;
            }
        }
        for (const map of table.heatMaps) {
            writeHeatMap(sheet, map);
        }
    }
    sheet.getColumn(1).width = 34;
    for (let column = 2; column <= 9; column++) {
        sheet.getColumn(column).width = 16;
    }
}

/** A small table: text in the first column, numbers in the others; the first column coloured when it names a level. */
function writeTable(sheet: ExcelJS.Worksheet, headers: readonly string[], rows: ReadonlyArray<readonly string[]>, levelOrder: readonly string[]): void {
    addRow(sheet, []);
    addRow(sheet, [...headers]).font = { bold: true };
    for (const cells of rows) {
        const row = addRow(sheet, cells.map((cell, index) => (index > 0 && /^\d+$/.test(cell) ? Number(cell) : cell)));
        if (levelStep(cells[0], levelOrder) !== null) {
            fillLevel(row.getCell(1), cells[0], levelOrder);
        }
    }
}

function writeLines(sheet: ExcelJS.Worksheet, lines: readonly string[]): void {
    addRow(sheet, []);
    for (const line of lines) {
        addRow(sheet, [line]);
    }
}

/**
 * A heat map: likelihood rows (highest first), impact columns; each cell holds the
 * number of risks, is filled with its level's colour and carries a note naming the
 * level and the risks. A legend of the levels follows.
 */
function writeHeatMap(sheet: ExcelJS.Worksheet, map: HeatMap): void {
    addRow(sheet, []);
    addRow(sheet, [`Heat map: ${map.title}`]).font = { bold: true };
    addRow(sheet, ['Likelihood \\ Impact', ...map.impact.map(scaleText)]).font = { bold: true };
    map.likelihood.forEach((likelihood, rowIndex) => {
        const row = addRow(sheet, [scaleText(likelihood), ...map.counts[rowIndex]]);
        map.impact.forEach((_, columnIndex) => {
            const cell = row.getCell(columnIndex + 2);
            const level = map.levels[rowIndex][columnIndex];
            const step = levelStep(level, map.levelOrder);
            cell.fill = solidFill(step === null ? NO_LEVEL_FILL : HEAT_FILLS[step]);
            cell.alignment = { horizontal: 'center' };
            const risks = map.risks[rowIndex][columnIndex];
            cell.note = cellText(`${level ?? 'No level'}${risks.length > 0 ? `: ${risks.join(', ')}` : ''}`);
            if (map.counts[rowIndex][columnIndex] > 0) {
                cell.font = { bold: true };
            }
        });
    });
    const legend = addRow(sheet, ['Levels, lowest first', ...map.levelOrder.map(level => (level === map.appetite ? `${level} (appetite)` : level))]);
    map.levelOrder.forEach((level, index) => fillLevel(legend.getCell(index + 2), level, map.levelOrder));
    if (map.notAssessed > 0) {
        addRow(sheet, [`Not assessed, in no cell: ${map.notAssessed}`]);
    }
}
