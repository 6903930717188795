/** `risk export register|plan|soa`: the built CLI as a process, its output, files and exit codes. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLEAN, ERROR, FIXTURE_AS_OF, METHOD, SYNTAX, workspace, type Workspace } from './fixtures.js';
import { REPO_ROOT, runRisk, type RiskRun } from './run-risk.js';

const ACME = join(REPO_ROOT, 'examples', 'acme-saas');
const GOLDEN = join(REPO_ROOT, 'test', 'resources', 'exports', 'golden', 'acme-saas');
const AS_OF = '2026-11-23';

const REGISTER_COLUMNS = [
    'ID', 'Title', 'Consequence', 'Scope', 'Owner', 'Threat', 'Vulnerabilities', 'Assets', 'Harms', 'Affects', 'Likelihood', 'Impact', 'Score', 'Level',
    'Existing controls', 'Treatment', 'Actions', 'Residual likelihood', 'Residual impact', 'Residual score', 'Residual level',
    'Above appetite', 'Acceptance', 'Accepted by', 'Accepted until', 'Status', 'Reviewed', 'Tags', 'File', 'Line'
];

const golden = (file: string) => readFileSync(join(GOLDEN, file), 'utf8');
const records = (csv: string) => parse(csv, { bom: true }) as string[][];

/** Exports examples/acme-saas as of 2026-11-23 from the repository root. */
const exportAcme = (...args: string[]) => runRisk(['export', ...args.slice(0, 1), 'examples/acme-saas', ...args.slice(1), '--as-of', AS_OF], { cwd: REPO_ROOT });

let ws: Workspace;

beforeAll(() => {
    ws = workspace({
        'model/method.risk': METHOD,
        'model/clean.risk': CLEAN,
        'broken/method.risk': METHOD,
        'broken/clean.risk': CLEAN,
        'broken/broken.risk': SYNTAX,
        'unaccepted/method.risk': METHOD,
        'unaccepted/clean.risk': CLEAN,
        'unaccepted/error.risk': ERROR
    });
});

afterAll(() => ws.remove());

const inWs = (...args: string[]) => runRisk(args, { cwd: ws.dir });

function expectUsage(run: RiskRun, message: RegExp): void {
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
}

describe('the register as CSV on stdout', () => {
    let run: RiskRun;

    beforeAll(() => {
        run = exportAcme('register');
    });

    test('exits 0 with nothing on stderr', () => {
        expect(run.status).toBe(0);
        expect(run.stderr).toBe('');
    });

    test('has the specification columns as its header row', () => {
        expect(run.stdout.slice(0, run.stdout.indexOf('\r\n'))).toBe(REGISTER_COLUMNS.join(','));
        expect(records(run.stdout)[0]).toEqual(REGISTER_COLUMNS);
    });

    test('ends every record, the last one included, with CRLF and has no bare LF', () => {
        expect(run.stdout.endsWith('\r\n')).toBe(true);
        expect(run.stdout.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
        expect(run.stdout.charCodeAt(0)).not.toBe(0xfeff);
    });

    test('has one row per risk, 15, with real values', () => {
        const [header, ...rows] = records(run.stdout);
        expect(rows).toHaveLength(15);
        expect(new Set(rows.map(row => row[0])).size).toBe(15);
        for (const row of rows) {
            expect(row).toHaveLength(header.length);
        }
        const r001 = Object.fromEntries(header.map((column, i) => [column, rows.find(row => row[0] === 'R-001')![i]]));
        expect(r001).toMatchObject({
            Title: 'Admin takeover through phished credentials', Owner: 'ITManager', Threat: 'Phishing',
            Likelihood: '3 Likely', Impact: '3 Severe', Score: '9', Level: 'Critical', 'Existing controls': 'A.5.17, A.6.3, MailFilter',
            Treatment: 'reduce', Actions: 'MFA, Drills', 'Residual score': '6', 'Residual level': 'High', 'Above appetite': 'yes',
            Acceptance: 'valid', 'Accepted by': 'SecurityCommittee', 'Accepted until': '2027-11-15', File: 'risks/cyber.risk', Line: '3',
            Affects: 'confidentiality, integrity', Tags: 'gdpr'
        });
        // Highest residual level first.
        const levels = rows.map(row => row[header.indexOf('Residual level')]);
        const order = ['Critical', 'High', 'Moderate', 'Low'];
        expect(levels).toEqual([...levels].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    });

    test('equals the golden file byte for byte', () => {
        expect(run.stdout).toBe(golden('register.csv'));
    });

    test('is the same for the model folder given as an absolute path, or as its .risk files', () => {
        const absolute = runRisk(['export', 'register', ACME, '--as-of', AS_OF], { cwd: ws.dir });
        expect(absolute.status).toBe(0);
        expect(absolute.stdout).toBe(run.stdout);
        const files = ['applicability.risk', 'assets.risk', 'method.risk', 'roles.risk', 'scope.risk', 'threats.risk', 'risks/cyber.risk', 'risks/people-and-suppliers.risk', 'risks/resilience.risk'];
        const listed = runRisk(['export', 'register', ...files, '--as-of', AS_OF], { cwd: ACME });
        expect(listed.status).toBe(0);
        expect(records(listed.stdout).slice(1).map(row => row[0]).sort()).toEqual(records(run.stdout).slice(1).map(row => row[0]).sort());
    });
});

describe('formats and kinds', () => {
    test('--format md: the register as Markdown, equal to the golden file', () => {
        const run = exportAcme('register', '--format', 'md');
        expect(run.status).toBe(0);
        expect(run.stdout).toMatch(/^# Risk register: Acme ISMS risk method\n\nAs of 2026-11-23\. 15 risks\./);
        expect(run.stdout).toContain('| Total | 15 | 15 |');
        expect(run.stdout).toBe(golden('register.md'));
    });

    test('--format json: parses, version 2, the as-of date, 15 rows', () => {
        const run = exportAcme('register', '--format', 'json');
        expect(run.status).toBe(0);
        const json = JSON.parse(run.stdout) as { version: number; kind: string; asOf: string; model: string; summary: { risks: number; aboveAppetite: string[]; unaccepted: string[] }; rows: Array<Record<string, unknown>> };
        expect(json).toMatchObject({ version: 2, kind: 'register', asOf: AS_OF, model: 'Acme ISMS risk method', title: 'Risk register' });
        expect(json.rows).toHaveLength(15);
        expect(json.summary.risks).toBe(15);
        expect(json.summary.aboveAppetite).toEqual(['R-001', 'R-003', 'R-005', 'R-011', 'R-014', 'R-015']);
        expect(json.summary.unaccepted).toEqual(['R-005', 'R-011']);
        expect(json.rows.find(row => row.id === 'R-001')).toMatchObject({ likelihood: { value: 3, name: 'Likely' }, score: 9, aboveAppetite: true, line: 3 });
        expect(run.stdout).toBe(golden('register.json'));
    });

    test('--as-of changes what depends on the date', () => {
        const later = JSON.parse(runRisk(['export', 'register', 'examples/acme-saas', '--format', 'json', '--as-of', '2028-01-01'], { cwd: REPO_ROOT }).stdout) as { asOf: string; rows: Array<{ id: string; acceptance: string }> };
        expect(later.asOf).toBe('2028-01-01');
        // R-001's acceptance runs until 2027-11-15.
        expect(later.rows.find(row => row.id === 'R-001')?.acceptance).toBe('expired');
    });

    test('plan: one row per action, equal to the golden files in every format', () => {
        const csv = exportAcme('plan');
        expect(csv.status).toBe(0);
        const [header, ...rows] = records(csv.stdout);
        expect(header).toEqual(['Action', 'Risk', 'Risk title', 'Level', 'Option', 'Action title', 'Owner', 'Due', 'Status', 'Completed', 'Overdue', 'Controls', 'Target residual level']);
        expect(rows).toHaveLength(20);
        expect(rows.filter(row => row[header.indexOf('Overdue')] === 'yes').map(row => row[0])).toEqual(['AutoUpdates']);
        expect(csv.stdout).toBe(golden('plan.csv'));
        for (const format of ['md', 'json']) {
            const run = exportAcme('plan', '--format', format);
            expect(run.status).toBe(0);
            expect(run.stdout).toBe(golden(`plan.${format}`));
        }
        const json = JSON.parse(exportAcme('plan', '--format', 'json').stdout) as { version: number; kind: string; asOf: string; rows: unknown[] };
        expect(json).toMatchObject({ version: 2, kind: 'plan', asOf: AS_OF });
        expect(json.rows).toHaveLength(20);
    });

    test('soa: the 93 Annex A controls in the standard order, equal to the golden files in every format', () => {
        const csv = exportAcme('soa');
        expect(csv.status).toBe(0);
        const [header, ...rows] = records(csv.stdout);
        expect(header).toEqual(['ID', 'Title', 'Theme', 'Applicable', 'Decision', 'Implementation', 'Own controls', 'Risks', 'Actions', 'Justification']);
        expect(rows).toHaveLength(93);
        expect(rows[0][0]).toBe('A.5.1');
        expect(rows[92][0]).toBe('A.8.34');
        expect(rows.filter(row => row[3] === 'yes')).toHaveLength(90);
        // Every control decided (specification 11.1): 90 included, 3 excluded, none undecided.
        expect(rows.filter(row => row[4] === 'undecided')).toEqual([]);
        expect(rows.filter(row => row[4] === 'excluded').map(row => row[0])).toEqual(['A.7.6', 'A.7.12', 'A.8.30']);
        expect(csv.stdout).toBe(golden('soa.csv'));
        for (const format of ['md', 'json']) {
            const run = exportAcme('soa', '--format', format);
            expect(run.status).toBe(0);
            expect(run.stdout).toBe(golden(`soa.${format}`));
        }
        const json = JSON.parse(exportAcme('soa', '--format', 'json').stdout) as { version: number; asOf: string; rows: unknown[] };
        expect(json.version).toBe(2);
        expect(json.asOf).toBe(AS_OF);
        expect(json.rows).toHaveLength(93);
    });
});

describe('--output', () => {
    test('creates the folders, writes the file, confirms on stderr and prints nothing on stdout', () => {
        const run = inWs('export', 'plan', ACME, '--output', 'out/sub/plan.csv', '--as-of', AS_OF);
        expect(run.status).toBe(0);
        expect(run.stdout).toBe('');
        const written = join(ws.dir, 'out', 'sub', 'plan.csv');
        expect(run.stderr).toBe(`risk: wrote the treatment plan (20 rows, as of ${AS_OF}) to ${written}\n`);
        expect(readFileSync(written, 'utf8')).toBe(golden('plan.csv'));
        // No temporary file is left behind.
        expect(readdirSync(join(ws.dir, 'out', 'sub'))).toEqual(['plan.csv']);
    });

    test('replaces an existing file', () => {
        ws.write({ 'out/replace.json': 'old content' });
        const run = inWs('export', 'soa', ACME, '--format', 'json', '-o', 'out/replace.json', '--as-of', AS_OF);
        expect(run.status).toBe(0);
        expect(readFileSync(join(ws.dir, 'out', 'replace.json'), 'utf8')).toBe(golden('soa.json'));
    });

    test('--bom starts the file with EF BB BF, followed by the CSV', () => {
        const run = inWs('export', 'register', ACME, '--output', 'out/bom/register.csv', '--bom', '--as-of', AS_OF);
        expect(run.status).toBe(0);
        expect(run.stdout).toBe('');
        const bytes = readFileSync(join(ws.dir, 'out', 'bom', 'register.csv'));
        expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        expect(bytes.subarray(3).toString('utf8')).toBe(golden('register.csv'));
    });

    test('--bom on stdout too', () => {
        const run = exportAcme('register', '--bom');
        expect(run.status).toBe(0);
        expect(run.stdout).toBe(`\uFEFF${golden('register.csv')}`);
    });

    test('--bom with --format md or json is a usage error', () => {
        expectUsage(inWs('export', 'register', ACME, '--bom', '--format', 'md', '--as-of', AS_OF), /--bom applies to CSV only/);
        expectUsage(inWs('export', 'register', ACME, '--bom', '--format', 'json', '--as-of', AS_OF), /--bom applies to CSV only/);
        expectUsage(inWs('export', 'register', ACME, '--bom', '--format', 'md', '-o', 'out/bom.md', '--as-of', AS_OF), /--bom applies to CSV only/);
        expect(existsSync(join(ws.dir, 'out', 'bom.md'))).toBe(false);
    });

    test('never writes over a .risk file: exit 2 and the file unchanged byte for byte', () => {
        const target = join(ws.dir, 'model', 'clean.risk');
        const before = readFileSync(target);
        const mtime = statSync(target).mtimeMs;
        const run = inWs('export', 'register', 'model', '--output', 'model/clean.risk', '--as-of', FIXTURE_AS_OF);
        expectUsage(run, /Refusing to write the export to 'model\/clean\.risk': \.risk files are model files/);
        expect(readFileSync(target).equals(before)).toBe(true);
        expect(statSync(target).mtimeMs).toBe(mtime);
        expect(readdirSync(join(ws.dir, 'model')).sort()).toEqual(['clean.risk', 'method.risk']);
    });

    test('never creates a .risk file either, whatever its case', () => {
        expectUsage(inWs('export', 'register', 'model', '-o', 'out/new.risk', '--as-of', FIXTURE_AS_OF), /\.risk files are model files/);
        expectUsage(inWs('export', 'register', 'model', '-o', 'out/NEW.RISK', '--as-of', FIXTURE_AS_OF), /\.risk files are model files/);
        expect(existsSync(join(ws.dir, 'out', 'new.risk'))).toBe(false);
        expect(existsSync(join(ws.dir, 'out', 'NEW.RISK'))).toBe(false);
    });

    test('never writes onto a folder', () => {
        ws.write({ 'folder/keep.txt': 'keep' });
        expectUsage(inWs('export', 'register', 'model', '--output', 'folder', '--as-of', FIXTURE_AS_OF), /Cannot write the export to 'folder': it is a folder/);
        expect(readdirSync(join(ws.dir, 'folder'))).toEqual(['keep.txt']);
        expect(statSync(join(ws.dir, 'folder')).isDirectory()).toBe(true);
    });
});

describe('--format xlsx', () => {
    test('all: one workbook with a Summary sheet and a sheet per export, confirmed on stderr', async () => {
        const run = inWs('export', 'all', ACME, '--format', 'xlsx', '--output', 'out/acme.xlsx', '--as-of', AS_OF);
        expect(run.status).toBe(0);
        expect(run.stdout).toBe('');
        const written = join(ws.dir, 'out', 'acme.xlsx');
        expect(run.stderr).toBe(`risk: wrote a workbook with the risk register (15 rows), the treatment plan (20 rows), the Statement of Applicability (93 rows), as of ${AS_OF}, to ${written}\n`);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(written);
        expect(workbook.worksheets.map(sheet => sheet.name)).toEqual(['Summary', 'Register', 'Treatment plan', 'SoA']);
        expect(workbook.getWorksheet('Register')!.rowCount).toBe(16);
    });

    test('one export: its sheet and the Summary', async () => {
        const run = inWs('export', 'plan', ACME, '-f', 'xlsx', '-o', 'out/plan.xlsx', '--as-of', AS_OF);
        expect(run.status).toBe(0);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(join(ws.dir, 'out', 'plan.xlsx'));
        expect(workbook.worksheets.map(sheet => sheet.name)).toEqual(['Summary', 'Treatment plan']);
    });

    test('without --output: exit 2, nothing binary on the terminal', () => {
        expectUsage(inWs('export', 'register', ACME, '--format', 'xlsx'), /--format xlsx writes a binary workbook.*add --output FILE\.xlsx/);
    });

    test('all in a text format: exit 2, saying to use xlsx', () => {
        expectUsage(inWs('export', 'all', ACME, '--format', 'csv'), /"all" exports one workbook with every sheet: add --format xlsx/);
        expectUsage(inWs('export', 'all', ACME), /add --format xlsx/);
    });

    test('never writes a workbook over a .risk file', () => {
        ws.write({ 'keep/model.risk': 'role A "A"\n' });
        expectUsage(inWs('export', 'all', ACME, '-f', 'xlsx', '-o', 'keep/model.risk'), /Refusing to write the export to 'keep\/model\.risk'/);
        expect(readFileSync(join(ws.dir, 'keep', 'model.risk'), 'utf8')).toBe('role A "A"\n');
    });
});

describe('usage errors exit 2 with a message on stderr and nothing on stdout', () => {
    test('two folders are two models, and an export is of one model', () => {
        ws.write({ 'second/method.risk': METHOD, 'second/clean.risk': CLEAN });
        expectUsage(inWs('export', 'register', 'model', 'second', '--as-of', FIXTURE_AS_OF), /An export is of one model, and these paths make 2/);
    });

    test('an unknown kind of export', () => {
        expectUsage(inWs('export', 'budget', 'model'), /"budget" is not an export; use one of register, plan, soa, all/);
    });

    test('a missing kind', () => {
        expectUsage(inWs('export'), /missing required argument 'what'/);
    });

    test('an unknown format', () => {
        expectUsage(inWs('export', 'register', 'model', '--format', 'pdf'), /--format "pdf" is not an export format; use one of csv, md, json, xlsx/);
    });

    test('a bad --as-of', () => {
        expectUsage(inWs('export', 'register', 'model', '--as-of', 'tomorrow'), /--as-of "tomorrow" is not a date; write it as YYYY-MM-DD/);
        expectUsage(inWs('export', 'register', 'model', '--as-of', '2026-02-30'), /--as-of "2026-02-30" is not a real calendar date/);
    });

    test('a path that does not exist', () => {
        expectUsage(inWs('export', 'register', 'nope', '--as-of', FIXTURE_AS_OF), /'nope' does not exist/);
        expectUsage(inWs('export', 'register', 'nope', '-o', 'out/nope.csv', '--as-of', FIXTURE_AS_OF), /'nope' does not exist/);
        expect(existsSync(join(ws.dir, 'out', 'nope.csv'))).toBe(false);
    });
});

describe('a model with errors', () => {
    test('a syntax error: the export still succeeds, and stderr warns that parts are unevaluated', () => {
        const run = inWs('export', 'register', 'broken', '--as-of', FIXTURE_AS_OF);
        expect(run.status).toBe(0);
        expect(run.stderr).toMatch(/^risk: warning: the model has \d+ errors? that leaves? parts of it unevaluated; the risk register shows what could be evaluated\. Run `risk check` to see them\.\n$/);
        const [header, ...rows] = records(run.stdout);
        expect(header).toEqual(REGISTER_COLUMNS);
        expect(rows.map(row => row[0])).toEqual(['R-001', 'R-009']);
        // The broken risk is there, with what could be read: its title and place.
        const r009 = rows[1];
        expect(r009[header.indexOf('Title')]).toBe('Broken');
        expect(r009[header.indexOf('Level')]).toBe('');
        expect(r009[header.indexOf('File')]).toBe('broken.risk');
    });

    test('the warning names the export and is given with --output too', () => {
        const run = inWs('export', 'soa', 'broken', '-o', 'out/broken-soa.csv', '--as-of', FIXTURE_AS_OF);
        expect(run.status).toBe(0);
        expect(run.stdout).toBe('');
        const lines = run.stderr.trimEnd().split('\n');
        expect(lines).toHaveLength(2);
        expect(lines[0]).toMatch(/^risk: warning: .* the Statement of Applicability shows what could be evaluated/);
        expect(lines[1]).toMatch(/^risk: wrote the Statement of Applicability \(93 rows, as of 2026-11-23\) to /);
    });

    test('only unaccepted-residual errors: no warning, the export is complete', () => {
        const check = inWs('check', 'unaccepted', '--as-of', FIXTURE_AS_OF, '--format', 'json');
        expect((JSON.parse(check.stdout) as { diagnostics: Array<{ code: string }> }).diagnostics.map(diagnostic => diagnostic.code)).toEqual(['unaccepted-residual']);
        const run = inWs('export', 'register', 'unaccepted', '--as-of', FIXTURE_AS_OF);
        expect(run.status).toBe(0);
        expect(run.stderr).toBe('');
        const [header, ...rows] = records(run.stdout);
        expect(rows.map(row => [row[0], row[header.indexOf('Residual level')], row[header.indexOf('Above appetite')], row[header.indexOf('Acceptance')]])).toEqual([
            ['R-002', 'High', 'yes', 'none'],
            ['R-001', 'Low', 'no', 'not needed']
        ]);
    });
});

test('risk export --help lists the kinds, the formats and the exit codes', () => {
    const run = runRisk(['export', '--help'], { cwd: REPO_ROOT });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const help = run.stdout.replace(/\s+/g, ' ');
    expect(help).toContain('Usage: risk export [options] <what> [paths...]');
    expect(help).toMatch(/--format <format> csv, md \(.*\), json, or xlsx \(an Excel workbook; needs --output\) \(default: "csv"\)/);
    expect(help).toMatch(/--output <file>/);
    expect(help).toMatch(/--as-of <date> .*YYYY-MM-DD \(default: today\)/);
    expect(help).toContain('--bom');
    expect(help).toMatch(/register .* plan .* soa .*93 Annex A controls.* all .*the three in one workbook/);
    expect(help).toMatch(/Exit codes: 0 the export was written 2 usage error/);
});
