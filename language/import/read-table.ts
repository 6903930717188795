/**
 * Reads a spreadsheet register into a grid of cells that know where they came from:
 * CSV (csv-parse; a UTF-8 byte order mark is skipped) or XLSX (exceljs; the first
 * sheet or the one named). Formulas give their cached value; merged cells in the
 * register are an error, since a value shared by several rows would be guessed.
 */
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { extname } from 'node:path';

export type RawValue = string | number | Date | null;

export interface Grid {
    /** The sheet read (XLSX), or null for CSV. */
    readonly sheet: string | null;
    /** rows[r][c]: 0-based; the sheet's row r + 1, column letter columnName(c). */
    readonly rows: ReadonlyArray<readonly RawValue[]>;
    /**
     * The rows of the `Treatment plan` sheet when the workbook is one of `risk export
     * all`: the register names actions by ID only, the plan has their details.
     */
    readonly plan?: ReadonlyArray<readonly RawValue[]>;
}

export class ImportError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'ImportError';
    }
}

/** `A`, `B`, …, `Z`, `AA`, … for a 0-based column index. */
export function columnName(index: number): string {
    let name = '';
    for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
        name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
    }
    return name;
}

export async function readGrid(path: string, content: Uint8Array, sheet?: string): Promise<Grid> {
    switch (extname(path).toLowerCase()) {
        case '.csv':
            if (sheet !== undefined) {
                throw new ImportError(`--sheet applies to XLSX files only; '${path}' is CSV`);
            }
            return readCsv(content);
        case '.xlsx':
            return readXlsx(path, content, sheet);
        default:
            throw new ImportError(`cannot import '${path}': give a .csv or .xlsx file (an .xls or .ods file: save it as .xlsx first)`);
    }
}

function readCsv(content: Uint8Array): Grid {
    try {
        const rows = parse(Buffer.from(content), { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
        return { sheet: null, rows: rows.map(row => row.map(cell => (cell.trim() === '' ? null : cell))) };
    } catch (error) {
        throw new ImportError(`the file is not valid CSV: ${(error as Error).message}`);
    }
}

async function readXlsx(path: string, content: Uint8Array, wanted: string | undefined): Promise<Grid> {
    const workbook = new ExcelJS.Workbook();
    try {
        await workbook.xlsx.load(Buffer.from(content) as unknown as ArrayBuffer);
    } catch (error) {
        throw new ImportError(`'${path}' is not a readable XLSX workbook: ${(error as Error).message}`);
    }
    const sheets = workbook.worksheets;
    const names = sheets.map(candidate => `'${candidate.name}'`).join(', ');
    const worksheet = wanted === undefined
        ? pickRegisterSheet(sheets)
        : sheets.find(candidate => candidate.name === wanted) ?? sheets.find(candidate => candidate.name.toLowerCase() === wanted.toLowerCase());
    if (!worksheet) {
        throw new ImportError(wanted === undefined ? `'${path}' has no sheet` : `'${path}' has no sheet '${wanted}'; its sheets are ${names}`);
    }
    const planSheet = wanted === undefined && worksheet.name === 'Register' ? sheets.find(candidate => candidate.name === 'Treatment plan') : undefined;
    return { sheet: worksheet.name, rows: sheetRows(worksheet), plan: planSheet ? sheetRows(planSheet) : undefined };
}

function sheetRows(worksheet: ExcelJS.Worksheet): RawValue[][] {
    const rows: RawValue[][] = [];
    worksheet.eachRow({ includeEmpty: true }, (row, number) => {
        const cells: RawValue[] = [];
        row.eachCell({ includeEmpty: true }, (cell, column) => {
            if (cell.isMerged && cell.master !== cell) {
                throw new ImportError(`${cellName(worksheet.name, number, column)} is merged with ${cell.master.address}: a register needs one value per cell; unmerge the cells and fill in each row`);
            }
            cells[column - 1] = cellValue(cell.value);
        });
        rows[number - 1] = cells;
    });
    return Array.from(rows, row => row ?? []);
}

/** The first sheet, unless the workbook is one of our own exports: then its register. */
function pickRegisterSheet(sheets: readonly ExcelJS.Worksheet[]): ExcelJS.Worksheet | undefined {
    return sheets.find(sheet => sheet.name === 'Register' && sheets.some(other => other.name === 'Summary')) ?? sheets[0];
}

function cellName(sheet: string, row: number, column: number): string {
    return `sheet '${sheet}' cell ${columnName(column - 1)}${row}`;
}

/** A cell's value as text, number or date; a formula gives the value Excel last computed. */
function cellValue(value: ExcelJS.CellValue): RawValue {
    if (value === null || value === undefined) {
        return null;
    }
    if (typeof value === 'string') {
        return value.trim() === '' ? null : value;
    }
    if (typeof value === 'number' || value instanceof Date) {
        return value;
    }
    if (typeof value === 'boolean') {
        return value ? 'yes' : 'no';
    }
    if ('richText' in value) {
        return value.richText.map(run => run.text).join('') || null;
    }
    if ('formula' in value || 'sharedFormula' in value) {
        const result = (value as ExcelJS.CellFormulaValue).result;
        return result === undefined || (typeof result === 'object' && !(result instanceof Date)) ? null : cellValue(result as ExcelJS.CellValue);
    }
    if ('text' in value) {
        return cellValue((value as ExcelJS.CellHyperlinkValue).text);
    }
    if ('error' in value) {
        return null;
    }
    return null;
}
