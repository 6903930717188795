/** CSV: RFC 4180 quoting and CRLF, formula neutralisation, BOM, and a round trip through csv-parse. */
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { neutraliseFormula, toCsv } from '../../../language/exports/csv.js';
import { buildRegister, REGISTER_COLUMNS } from '../../../language/exports/register.js';
import { buildPlan } from '../../../language/exports/plan.js';
import { textTable } from '../../../language/exports/table.js';
import { HOSTILE_ACTION_TITLE, HOSTILE_PARTY, HOSTILE_TITLES, loadHostileModel } from './hostile-model.js';

describe('neutraliseFormula', () => {
    test.each([
        '=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '\0x', '\uFF1D1', '\uFF0B1', '\uFF0D1', '\uFF201',
        ' =1+1', '   +1', ' -1', '  @SUM(A1)', '\u00A0=1', '\u3000=1', '\uFEFF=1', '\n=1', ' \t=1', '\0 =1', ' \uFF1D1'
    ])('prefixes a quote to %j', cell => {
        expect(neutraliseFormula(cell)).toBe(`'${cell}`);
    });

    test.each(['', ' ', 'R-001', '2026-11-23', '3 Likely', 'a=b', "'quoted", ' a =1', ' 9', '9'])('leaves %j alone', cell => {
        expect(neutraliseFormula(cell)).toBe(cell);
    });
});

describe('toCsv', () => {
    test('writes a header row, CRLF after every record and quotes only where needed', async () => {
        const table = buildRegister((await loadHostileModel()).evaluation(), { baseDir: '/model' });
        const csv = toCsv(table);
        expect(csv.startsWith(`${REGISTER_COLUMNS.map(column => column.header).join(',')}\r\n`)).toBe(true);
        expect(csv.endsWith('\r\n')).toBe(true);
        expect(csv).toContain('"Comma, separated, title"');
        expect(csv).toContain('"She said ""hello"" and left"');
        expect(csv).toContain('"First line\nsecond line\r\nthird line"');
        expect(csv).toContain(',Pipe | in | the | title,');
        expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    });

    test('starts with a UTF-8 byte order mark when asked', async () => {
        const table = buildRegister((await loadHostileModel()).evaluation());
        const csv = toCsv(table, { bom: true });
        expect(csv.charCodeAt(0)).toBe(0xfeff);
        expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
        expect(csv.slice(1)).toBe(toCsv(table));
    });

    test('parses back to the register data; neutralised cells come back with the leading quote', async () => {
        const table = buildRegister((await loadHostileModel()).evaluation(), { baseDir: '/model' });
        const records: string[][] = parse(toCsv(table, { bom: true }), { bom: true, relax_column_count: false });
        const text = textTable(table);
        expect(records[0]).toEqual(text.headers);
        expect(records).toHaveLength(table.rows.length + 1);
        const byId = new Map(records.slice(1).map(record => [record[0], record]));
        expect([...byId.keys()].sort()).toEqual(Object.keys(HOSTILE_TITLES).sort());
        for (const [index, row] of table.rows.entries()) {
            const record = records[index + 1];
            // Every cell but the neutralised ones comes back exactly as the register has it.
            expect(record).toEqual(text.rows[index].map(cell => (/^[\s\0]*[=+\-@]|^[\t\r\0]/.test(cell) ? `'${cell}` : cell)));
            expect(record[0]).toBe(row.id);
        }
        const title = (id: string) => byId.get(id)![1];
        expect(title('H-01')).toBe('Comma, separated, title');
        expect(title('H-02')).toBe('She said "hello" and left');
        expect(title('H-03')).toBe('First line\nsecond line\r\nthird line');
        expect(title('H-04')).toBe('Pipe | in | the | title');
        expect(title('H-05')).toBe(`'${HOSTILE_TITLES['H-05']}`);
        expect(title('H-06')).toBe("'+SUM(1,2)");
        expect(title('H-07')).toBe(`'${HOSTILE_TITLES['H-07']}`);
        expect(title('H-08')).toBe("'@SUM(A1:A9)");
        expect(title('H-09')).toBe("'\tTabbed title");
        expect(title('H-10')).toBe("'\rCarriage return title");
        expect(title('H-11')).toBe('Утечка данных — 顧客データ漏洩 — Διαρροή δεδομένων — 🔐');
        expect(title('H-12')).toBe('<script>alert(1)</script> & <b>bold</b>');
        expect(title('H-13')).toBe('Backslash \\| escape attempt \\');
        expect(title('H-15')).toBe("'\0NUL first");
        for (const id of ['H-16', 'H-17', 'H-18', 'H-19', 'H-20']) {
            expect(title(id)).toBe(`'${HOSTILE_TITLES[id]}`);
        }
        expect(byId.get('H-01')![REGISTER_COLUMNS.findIndex(column => column.key === 'treatment')]).toBe(`share with ${HOSTILE_PARTY}`);
    });

    test('the treatment plan round-trips too, with a hostile action title neutralised', async () => {
        const table = buildPlan((await loadHostileModel()).evaluation());
        const records: string[][] = parse(toCsv(table));
        expect(records).toHaveLength(2);
        expect(records[1][0]).toBe('H-01/1');
        expect(records[1][5]).toBe(`'${HOSTILE_ACTION_TITLE}`);
    });
});
