/**
 * XLSX: the workbook read back with exceljs, the library that wrote it: sheets,
 * typed cells, level fills, frozen header and filter, and no formula anywhere, even
 * for titles written to look like formulas.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildExport, EXPORT_KINDS } from '../../../language/exports/index.js';
import { HEAT_FILLS, levelStep } from '../../../language/exports/level-colours.js';
import type { AnyExport, Column } from '../../../language/exports/table.js';
import { SHEET_NAMES, SUMMARY_SHEET, toXlsx } from '../../../language/exports/xlsx.js';
import { loadExample } from './example-models.js';
import { HOSTILE_TITLES, loadHostileModel } from './hostile-model.js';

async function readWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    return workbook;
}

function everyCell(workbook: ExcelJS.Workbook): ExcelJS.Cell[] {
    const cells: ExcelJS.Cell[] = [];
    workbook.eachSheet(sheet => sheet.eachRow(row => row.eachCell(cell => cells.push(cell))));
    return cells;
}

const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;
const fillOf = (cell: ExcelJS.Cell) => (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
const columnsOf = (table: AnyExport) => table.columns as unknown as ReadonlyArray<Column<Record<string, unknown>>>;

describe('the workbook of examples/acme-saas (all three exports)', () => {
    let tables: AnyExport[];
    let workbook: ExcelJS.Workbook;

    beforeAll(async () => {
        const evaluation = (await loadExample('acme-saas')).evaluation();
        tables = EXPORT_KINDS.map(kind => buildExport(kind, evaluation, { baseDir: '/model' }));
        workbook = await readWorkbook(await toXlsx(tables));
    });

    test('has a Summary sheet, then one sheet per export', () => {
        expect(workbook.worksheets.map(sheet => sheet.name)).toEqual([SUMMARY_SHEET, 'Register', 'Treatment plan', 'SoA']);
    });

    test.each(EXPORT_KINDS)('%s: the header is the export\'s columns, frozen and filtered; one row per export row', kind => {
        const table = tables.find(candidate => candidate.kind === kind)!;
        const sheet = workbook.getWorksheet(SHEET_NAMES[kind])!;
        expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(columnsOf(table).map(column => column.header));
        expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
        expect(sheet.autoFilter).toBeTruthy();
        expect(sheet.rowCount).toBe(table.rows.length + 1);
        for (let column = 1; column <= table.columns.length; column++) {
            // exceljs leaves Excel's default width (9) unwritten.
            const width = sheet.getColumn(column).width ?? 9;
            expect(width).toBeGreaterThanOrEqual(6);
            expect(width).toBeLessThanOrEqual(60);
        }
    });

    test('scores are numbers, dates are dates, texts are strings', () => {
        const sheet = workbook.getWorksheet('Register')!;
        const header = (sheet.getRow(1).values as string[]);
        const at = (name: string) => header.indexOf(name);
        const first = tables[0].rows[0] as unknown as Record<string, unknown>;
        const row = sheet.getRow(2);
        expect(row.getCell(at('Score')).type).toBe(ExcelJS.ValueType.Number);
        expect(row.getCell(at('Score')).value).toBe(first.score);
        expect(row.getCell(at('Line')).type).toBe(ExcelJS.ValueType.Number);
        expect(row.getCell(at('Reviewed')).type).toBe(ExcelJS.ValueType.Date);
        expect((row.getCell(at('Reviewed')).value as Date).toISOString().slice(0, 10)).toBe(first.reviewed);
        expect(row.getCell(at('Reviewed')).numFmt).toBe('yyyy-mm-dd');
        expect(row.getCell(at('Title')).value).toBe(first.title);
        expect(row.getCell(at('Likelihood')).value).toBe('3 Likely');
        const plan = workbook.getWorksheet('Treatment plan')!;
        const due = (plan.getRow(1).values as string[]).indexOf('Due');
        expect(plan.getRow(2).getCell(due).type).toBe(ExcelJS.ValueType.Date);
    });

    test('every level cell is filled with its level\'s colour', () => {
        const register = tables[0];
        const order = register.heatMaps[0].levelOrder;
        const sheet = workbook.getWorksheet('Register')!;
        const header = (sheet.getRow(1).values as string[]);
        const levelColumns = columnsOf(register).filter(column => column.cell === 'level');
        expect(levelColumns.map(column => column.header)).toEqual(['Level', 'Residual level']);
        let filled = 0;
        sheet.eachRow((row, number) => {
            if (number === 1) return;
            for (const column of levelColumns) {
                const cell = row.getCell(header.indexOf(column.header));
                expect(fillOf(cell)).toBe(argb(HEAT_FILLS[levelStep(String(cell.value), order)!]));
                filled++;
            }
        });
        expect(filled).toBe(2 * register.rows.length);
        expect(fillOf(sheet.getRow(2).getCell(header.indexOf('Level')))).toBe(argb(HEAT_FILLS[4]));
    });

    test('the Summary sheet holds the figures and coloured heat maps with the risks in notes', () => {
        const sheet = workbook.getWorksheet(SUMMARY_SHEET)!;
        const texts: string[] = [];
        let heatCells = 0;
        sheet.eachRow(row => row.eachCell(cell => {
            texts.push(String(cell.value));
            if (typeof cell.value === 'number' && cell.note) {
                heatCells++;
                expect(fillOf(cell)).toMatch(/^FF[0-9A-F]{6}$/);
            }
        }));
        expect(texts).toContain('Heat map: Inherent risk');
        expect(texts).toContain('Heat map: Treated risks after treatment (target residual risk)');
        expect(texts.some(text => text.startsWith('Residual risks above appetite (Moderate): 6'))).toBe(true);
        // Two heat maps each for the register and the plan, 3 x 3 cells.
        expect(heatCells).toBe(4 * 9);
    });

    test('no cell is a formula', () => {
        expect(everyCell(workbook).filter(cell => cell.type === ExcelJS.ValueType.Formula)).toEqual([]);
    });
});

describe('a model whose titles look like formulas', () => {
    test('every title is a string cell, exactly as written, and no cell is a formula', async () => {
        const evaluation = (await loadHostileModel()).evaluation();
        const workbook = await readWorkbook(await toXlsx([buildExport('register', evaluation)]));
        const sheet = workbook.getWorksheet('Register')!;
        const titles = new Map<string, unknown>();
        sheet.eachRow((row, number) => {
            if (number > 1) titles.set(String(row.getCell(1).value), row.getCell(2).value);
        });
        for (const [id, title] of Object.entries(HOSTILE_TITLES)) {
            // Line breaks as Excel writes them; XML 1.0 cannot hold NUL, so that character alone is replaced.
            expect(titles.get(id), id).toBe(title.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD'));
        }
        expect(everyCell(workbook).filter(cell => cell.type === ExcelJS.ValueType.Formula)).toEqual([]);
    });
});
