/**
 * CSV as RFC 4180 describes it: a header row, fields quoted when they hold a comma,
 * a quote or a line break (quotes doubled), CRLF after every record, UTF-8. Cells that
 * a spreadsheet would run as a formula are neutralised first (OWASP, CSV injection).
 */
import { stringify } from 'csv-stringify/sync';
import { textTable, type AnyExport } from './table.js';

export interface CsvOptions {
    /** Start with a UTF-8 byte order mark, so that Excel reads the file as UTF-8. */
    readonly bom?: boolean;
}

/**
 * A cell a spreadsheet may read as a formula or a command: one that begins with tab,
 * carriage return or NUL, or whose first non-blank character is `=`, `+`, `-`, `@` or
 * a full-width form of them. Blanks count because importers trim them (LibreOffice's
 * "Trim spaces" turns ` =1+1` into a formula); blank is any Unicode space (`\s`:
 * space, tab, line breaks, no-break and ideographic space, BOM) and NUL.
 */
const FORMULA_START = /^(?:[\t\r\0]|[\s\0]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;

/** Prefixes a single quote to a cell that begins with a formula character, blanks before it included. */
export function neutraliseFormula(cell: string): string {
    return startsPlainly(cell) || !FORMULA_START.test(cell) ? cell : `'${cell}`;
}

/** A cell that starts with a letter or digit (most do) needs no closer look. */
function startsPlainly(cell: string): boolean {
    const code = cell.charCodeAt(0);
    return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

export function toCsv(table: AnyExport, options: CsvOptions = {}): string {
    const text = textTable(table);
    const records = [text.headers, ...text.rows.map(cells => cells.map(neutraliseFormula))];
    return stringify(records, {
        bom: options.bom ?? false,
        record_delimiter: '\r\n',
        // With a record delimiter set, csv-stringify would only quote fields holding
        // CRLF; a lone LF or CR must be quoted too.
        quote_record_delimiter: true,
        escape_formulas: false
    });
}
