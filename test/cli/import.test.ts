/**
 * `risk import`: registers in, models out. The round trip of the Acme example (version 1)
 * through CSV and XLSX keeps the risks, their levels, owners and actions; the register
 * guide's own rows give a model whose only findings are those the data deserves; bad
 * sheets fail with the row and column.
 */
import ExcelJS from 'exceljs';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../../cli/program.js';
import { buildExport, EXPORT_KINDS, toCsv } from '../../language/exports/index.js';
import type { PlanRow, RegisterRow } from '../../language/exports/index.js';
import { toXlsx } from '../../language/exports/xlsx.js';
import { diagnosticsOf, loadModelFiles, type LoadedModel } from '../../language/model/load-model.js';
import { EXAMPLES_AS_OF, riskFiles } from '../language/exports/example-models.js';
import { workspace, type Workspace } from './fixtures.js';

let ws: Workspace;

beforeAll(() => {
    ws = workspace();
});

afterAll(() => ws.remove());

async function risk(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const status = await runCli(args, {
        cwd: ws.dir,
        env: {},
        stdout: { write: (text: string) => (stdout += text) },
        stderr: { write: (text: string) => (stderr += text) }
    });
    return { status, stdout, stderr };
}

async function loadFolder(folder: string): Promise<LoadedModel> {
    const dir = join(ws.dir, folder);
    return loadModelFiles(readdirSync(dir).filter(name => name.endsWith('.risk')).sort().map(name => join(dir, name)), { asOf: EXAMPLES_AS_OF });
}

function findings(model: LoadedModel): string[] {
    return diagnosticsOf(model).map(({ diagnostic }) => String(diagnostic.code)).sort();
}

/** What a round trip must keep of each risk. */
function essentials(rows: readonly RegisterRow[]) {
    return rows.map(row => ({ id: row.id, title: row.title, owner: row.owner, level: row.level, residualLevel: row.residualLevel, actions: row.actions, treatment: row.treatment, status: row.status, acceptance: row.acceptance }))
        .sort((a, b) => (a.id < b.id ? -1 : 1));
}

/**
 * The Acme example as of version 1 (test/resources/version-1): the importer reads one
 * treatment option per risk and no `defer`, and gives roles no `accepts` tier, so the
 * version-2 example's combined reduce + share, deferral and the security
 * committee's acceptance do not survive a round trip yet.
 */
const VERSION_1_ACME = join(import.meta.dirname, '..', 'resources', 'version-1', 'acme-saas', 'model');

describe('round trip of the Acme example (version 1)', () => {
    let original: LoadedModel;

    beforeAll(async () => {
        original = await loadModelFiles(riskFiles(VERSION_1_ACME), { asOf: EXAMPLES_AS_OF, validate: false });
        const evaluation = original.evaluation();
        writeFileSync(join(ws.dir, 'acme-register.csv'), toCsv(buildExport('register', evaluation), { bom: true }));
        writeFileSync(join(ws.dir, 'acme.xlsx'), await toXlsx(EXPORT_KINDS.map(kind => buildExport(kind, evaluation))));
    });

    test.each([['CSV', 'acme-register.csv', 'from-csv'], ['XLSX', 'acme.xlsx', 'from-xlsx']])('through %s: the same risks, levels, owners, treatments, actions and acceptances', async (_, file, out) => {
        const run = await risk('import', file, '--out', out);
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        expect(run.stdout).toMatch(/^Imported 14 risks into /);
        expect(run.stdout).toContain('appetite Moderate, from the Above appetite column');
        expect(run.stdout).not.toContain('disagree');
        const imported = await loadFolder(out);
        expect(essentials(buildExport('register', imported.evaluation()).rows)).toEqual(essentials(buildExport('register', original.evaluation()).rows));
        // The errors are the model's own: the two unaccepted residuals.
        expect(findings(imported).filter(code => code.startsWith('unaccepted'))).toEqual(['unaccepted-residual', 'unaccepted-residual']);
    });

    test('through XLSX (risk export all): the actions keep their titles, owners, due dates and statuses', async () => {
        const plan = (model: LoadedModel) => buildExport('plan', model.evaluation()).rows
            .map((row: PlanRow) => ({ action: row.action, risk: row.risk, title: row.actionTitle, owner: row.owner, due: row.due, status: row.status, overdue: row.overdue }));
        expect(plan(await loadFolder('from-xlsx'))).toEqual(plan(original));
    });

    test('a second import of the same sheet writes the same files; without --force it refuses and names them', async () => {
        const before = readdirSync(join(ws.dir, 'from-csv')).map(name => [name, readFileSync(join(ws.dir, 'from-csv', name), 'utf8')]);
        const refused = await risk('import', 'acme-register.csv', '--out', 'from-csv');
        expect(refused.status).toBe(2);
        expect(refused.stderr).toMatch(/not overwriting 'from-csv\/method\.risk', 'from-csv\/roles\.risk', .*'from-csv\/risks\.risk': they exist already.*--force/);
        const forced = await risk('import', 'acme-register.csv', '--out', 'from-csv', '--force');
        expect(forced.status).toBe(0);
        expect(readdirSync(join(ws.dir, 'from-csv')).map(name => [name, readFileSync(join(ws.dir, 'from-csv', name), 'utf8')])).toEqual(before);
    });
});

/** The register guide's two example rows, as it shows them, and five more written the same way. */
const GUIDE_REGISTER = `Risk ID,Risk Description,Asset Owner,Likelihood,Impact,Risk Level,Existing Controls,Recommended Treatment,Action Owner,Due Date,Status
R001,Unauthorized access due to weak passwords,IT Manager,High,High,Critical,Password policy,Implement multi-factor authentication,Security Lead,2025-04-30,In Progress
R002,Phishing attacks leading to credential theft,Security Team,Medium,High,High,Awareness training,Deploy advanced email filtering,IT Director,2025-05-15,Open
R003,Customer data lost when the backup job fails silently,IT Manager,Medium,Medium,Moderate,A.12.3.1 Information backup,Alert on failed backup jobs and test restores quarterly,IT Manager,2027-06-30,Open
R004,Laptop with customer exports lost or stolen,IT Manager,Low,High,Moderate,A.8.1; Full-disk encryption,,,,Closed
R005,Supplier breach exposes personal data,Procurement Lead,Low,Medium,Low,Supplier contracts,,,,Accepted
R006,Ransomware encrypts the file server,IT Manager,High,Medium,High,"A.8.7, A.12.3.1",Immutable off-site backups,IT Manager,2027-03-31,In Progress
R007,Website defaced through an unpatched CMS,Marketing Manager,Medium,Low,Low,,Patch the CMS monthly,Marketing Manager,2026-01-31,Done
`;

describe('a register as the register guide writes it', () => {
    let stdout: string;
    let model: LoadedModel;

    beforeAll(async () => {
        ws.write({ 'guide.csv': GUIDE_REGISTER });
        const run = await risk('import', 'guide.csv', '--out', 'guide');
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        stdout = run.stdout;
        model = await loadFolder('guide');
    });

    test('writes the method, roles, controls and risks, formatted', () => {
        expect(readdirSync(join(ws.dir, 'guide')).sort()).toEqual(['method.risk', 'risks.risk', 'roles.risk', 'threats.risk']);
        const risks = readFileSync(join(ws.dir, 'guide', 'risks.risk'), 'utf8');
        expect(risks).toContain(`risk R001 "Unauthorized access due to weak passwords" {
  owner ITManager
  controls PasswordPolicy
  likelihood High
  impact High
  treatment reduce {
    action "Implement multi-factor authentication" {
      owner SecurityLead
      due 2025-04-30
      status in-progress
    }
  }
  status treating
}`);
        expect(readFileSync(join(ws.dir, 'guide', 'roles.risk'), 'utf8')).toContain('role ITDirector       "IT Director" management');
    });

    test('infers the scales and the levels of the guide\'s table, and guesses the appetite, saying so', () => {
        expect(stdout).toContain('likelihood scale ordered by the usual meaning of its names: 1 Low, 2 Medium, 3 High');
        expect(stdout).toContain('levels as bands of likelihood x impact, from the Risk Level column: Low 1..2, Moderate 3..5, High 6..8, Critical 9..9');
        expect(stdout).toMatch(/appetite Moderate guessed/);
        expect(stdout).not.toContain('disagree');
    });

    test('maps the 2013 control A.12.3.1 to A.8.13, with a note on the row', () => {
        expect(stdout).toContain('row 4 (R003): inferred: treatment reduce, as the row plans an action; risk status treating, from the action\'s status \'Open\'; control A.12.3.1 (ISO/IEC 27001:2013) mapped to A.8.13 Information backup (2022)');
        expect(readFileSync(join(ws.dir, 'guide', 'risks.risk'), 'utf8')).toContain('controls A.8.7, A.8.13');
    });

    test('checks clean apart from what the data deserves: overdue actions and residuals above appetite', () => {
        expect(findings(model)).toEqual(['action-overdue', 'action-overdue', 'unaccepted-residual', 'unaccepted-residual', 'unaccepted-residual']);
        const register = buildExport('register', model.evaluation());
        expect(Object.fromEntries(register.rows.map(row => [row.id, row.level]))).toEqual({
            R001: 'Critical', R002: 'High', R003: 'Moderate', R004: 'Moderate', R005: 'Low', R006: 'High', R007: 'Low'
        });
    });
});

describe('levels the sheet states differently from its own other rows', () => {
    test('are reported with row and column, and never changed in the sheet\'s favour', async () => {
        ws.write({
            'disagree.csv': 'ID,Title,Likelihood,Impact,Score,Level\nA1,One,1,1,1,Low\nA2,Two,3,3,9,High\nA3,Three,2,2,4,Medium\nA4,Four,1,2,2,Low\nA5,Five,2,1,2,Medium\nA6,Six,1,2,2,Medium\n'
        });
        const run = await risk('import', 'disagree.csv', '--out', 'disagree');
        expect(run.status).toBe(0);
        expect(run.stdout).toContain('levels as a matrix');
        // Cell 1 x 2 is Low in row 5 and Medium in row 7: the tie goes to the higher level, and row 5 is reported.
        expect(run.stdout).toContain('row 5 (A4), column F: the sheet says Low, the method gives Medium for inherent likelihood 1 Low x impact 2 Medium');
        expect(readFileSync(join(ws.dir, 'disagree', 'method.risk'), 'utf8')).toMatch(/Low: +Low +Medium +Medium/);
    });
});

describe('bad sheets: exit 2 with the row and column', () => {
    test.each([
        ['no header', 'notes.csv', 'Quarterly review\nsome,text\n', /no header row found in the first 20 rows.*--map/],
        ['an empty ID', 'empty-id.csv', 'Risk ID,Risk Description,Likelihood,Impact\nR1,One,1,1\n,Two,2,2\n', /row 3, column A \('Risk ID'\): the risk ID is empty while column B is not/],
        ['a duplicate ID', 'dup.csv', 'Risk ID,Risk Description,Likelihood,Impact\nR1,One,1,1\nR1,Two,2,2\n', /row 3, column A \('Risk ID'\): risk ID R1 is used by an earlier row too/],
        ['text in a number column', 'text-score.csv', 'Risk ID,Title,Likelihood,Impact,Score\nR1,One,1,1,high\n', /row 2, column E \('Score'\): 'high' is text in a number column/],
        ['a date in no clear order', 'date.csv', 'Risk ID,Title,Likelihood,Impact,Due Date,Action\nR1,One,1,1,03/04/2026,Fix\n', /row 2, column E \('Due Date'\): '03\/04\/2026' is not a date the import can read without guessing/],
        ['an unknown scale word', 'word.csv', 'Risk ID,Title,Likelihood,Impact\nR1,One,Sometimes,Low\n', /row 2, column C \('Likelihood'\): cannot tell where likelihood 'Sometimes' ranks/],
        ['an unsupported file', 'register.ods', 'x', /give a \.csv or \.xlsx file/]
    ])('%s', async (_, file, content, message) => {
        ws.write({ [file]: content });
        const run = await risk('import', file, '--out', `bad-${file}`);
        expect(run.status).toBe(2);
        expect(run.stderr).toMatch(message);
        expect(run.stdout).toBe('');
    });

    test('--map must be COLUMN=FIELD with a known field, and its column must exist', async () => {
        ws.write({ 'mapped.csv': 'Ref,Headline,Chance,Severity,Rating\nR1,One,1,3,Medium\n' });
        expect((await risk('import', 'mapped.csv', '--map', 'Rating')).stderr).toMatch(/--map "Rating": write COLUMN=FIELD/);
        expect((await risk('import', 'mapped.csv', '--map', 'Rating=grade')).stderr).toMatch(/'grade' is not a field; use one of id, title/);
        expect((await risk('import', 'mapped.csv', '--map', 'Nope=level')).stderr).toMatch(/--map names 'nope', but the header row \(row 1\) has no such column/);
        const run = await risk('import', 'mapped.csv', '--map', 'Chance=likelihood', '--map', 'Headline=title', '--map', 'Rating=level', '--out', 'mapped');
        expect(run.stderr).toBe('');
        expect(readFileSync(join(ws.dir, 'mapped', 'risks.risk'), 'utf8')).toContain('risk R1 "One" {');
    });
});

describe('XLSX cells', () => {
    async function workbook(fill: (sheet: ExcelJS.Worksheet) => void, name: string): Promise<void> {
        const book = new ExcelJS.Workbook();
        const sheet = book.addWorksheet('Risks');
        book.addWorksheet('Other').addRow(['nothing']);
        fill(sheet);
        await book.xlsx.writeFile(join(ws.dir, name));
    }

    test('Excel dates and serial numbers are read as dates, formulas as their cached value, --sheet picks the sheet', async () => {
        await workbook(sheet => {
            sheet.addRow(['Risk register of Example Ltd']);
            sheet.addRow(['Risk ID', 'Risk Description', 'Likelihood', 'Impact', 'Risk Level', 'Recommended Treatment', 'Due Date', 'Reviewed']);
            sheet.addRow(['R1', 'One', 2, 3, { formula: 'IF(C3*D3>4,"High","Low")', result: 'High' }, 'Fix it', new Date(Date.UTC(2026, 11, 31)), 46000]);
            sheet.addRow(['R2', 'Two', 1, 1, 'Low', null, null, null]);
        }, 'typed.xlsx');
        const run = await risk('import', 'typed.xlsx', '--sheet', 'Risks', '--out', 'typed');
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        expect(run.stdout).toContain('Reviewed 46000 is an Excel serial date: read as 2025-12-09');
        const risks = readFileSync(join(ws.dir, 'typed', 'risks.risk'), 'utf8');
        expect(risks).toContain('due 2026-12-31');
        expect(risks).toContain('reviewed 2025-12-09');
        expect(readFileSync(join(ws.dir, 'typed', 'method.risk'), 'utf8')).toMatch(/Low +1\.\.5 ""\n *High +6\.\.9 ""/);
        expect((await risk('import', 'typed.xlsx', '--sheet', 'Nope', '--out', 'x')).stderr).toMatch(/has no sheet 'Nope'; its sheets are 'Risks', 'Other'/);
    });

    test('merged cells in the register are an error naming the cell', async () => {
        await workbook(sheet => {
            sheet.addRow(['Risk ID', 'Risk Description', 'Likelihood', 'Impact']);
            sheet.addRow(['R1', 'One', 2, 3]);
            sheet.addRow(['R2', 'Two', 2, 1]);
            sheet.mergeCells('C2:C3');
        }, 'merged.xlsx');
        const run = await risk('import', 'merged.xlsx', '--out', 'merged');
        expect(run.status).toBe(2);
        expect(run.stderr).toMatch(/sheet 'Risks' cell C3 is merged with C2: a register needs one value per cell/);
    });
});
