/** The risk register's rows: cells, acceptance statuses, sort order and source locations. */
import { describe, expect, test } from 'vitest';
import { buildPlan } from '../../../language/exports/plan.js';
import { buildRegister, REGISTER_COLUMNS, type RegisterRow } from '../../../language/exports/register.js';
import { textTable } from '../../../language/exports/table.js';
import { loadTexts } from './load-texts.js';

const METHOD = `
method "Register test method" {
  scale likelihood { 1 Rare "" 2 Possible "" 3 Likely "" }
  scale impact { 1 Minor "" 2 Noticeable "" 3 Severe "" }
  levels { Low 1..2 "" Moderate 3..4 "" High 6..9 "" }
  accept { appetite Low major High lasts 6 months }
}
role Boss "Boss" management
role Lead "Lead"
scope A "Scope A"
scope B "Scope B"
asset Data "Data" { primary information owner Lead }
asset Sys "System" { supporting system owner Lead supports Data }
threat T "Threat"
vulnerability V "Vulnerability" { on Sys }
control Own "Own control" { implements A.8.5 status partial }
`;

const RISKS = `risk R-10 "No acceptance" {
  owner Lead scope A threat T exploits V on Sys likelihood 3 impact 3
  controls A.5.1, Own
  treatment transfer with "Insurer, Ltd"
}
risk R-2 "Expired" { owner Lead scope B likelihood Likely impact Severe
  acceptance { by Boss on 2026-01-01 until 2026-06-30 "x" } }
risk R-3 "Not yet valid" { owner Lead likelihood 2 impact 3 acceptance { by Boss on 2027-01-01 "later" } }
risk R-4 "Owner accepts below major" { owner Lead likelihood 2 impact 2 acceptance { by Lead on 2026-11-01 "owner may" } }
risk R-5 "Owner may not accept major" { owner Lead likelihood 3 impact 2 acceptance { by Lead on 2026-11-01 "no" } }
risk R-6 "Outdated" { owner Lead likelihood 3 impact 2 acceptance { by Boss on 2026-11-01 level Moderate "pinned" } }
risk R-7 "Incomplete" { owner Lead likelihood 3 impact 2 acceptance { by Boss on 2026-11-01 } }
risk R-8 "Low" { owner Lead likelihood 1 impact 1 acceptance { by Lead on 2026-11-01 "kept as a record" } }
risk R-9 "Not assessed" { owner Lead }
risk R-11 "Renewed" { owner Lead likelihood 3 impact 3
  acceptance { by Boss on 2025-12-01 until 2026-06-01 "old" }
  acceptance { by Boss on 2026-06-01 until 2027-06-01 "renewed" } }
risk R-1 "Reduced" { owner Lead likelihood 3 impact 3 residual likelihood 2 impact 2
  treatment reduce { action MFA "Do it" { owner Lead due 2026-12-01 } action "Second" { owner Lead } }
  acceptance { by Boss on 2026-11-20 "fine" } status treating reviewed 2026-11-02 }
`;

async function register(baseDir?: string) {
    const model = await loadTexts({ 'method.risk': METHOD, 'risks.risk': RISKS });
    return buildRegister(model.evaluation(), { baseDir });
}

function rowOf(rows: readonly RegisterRow[], id: string): RegisterRow {
    return rows.find(row => row.id === id)!;
}

describe('buildRegister', () => {
    test('has the specification\'s 30 columns in order (27 of section 10, Consequence, Affects and Tags of section 11.4)', async () => {
        expect((await register()).columns.map(column => column.header)).toEqual([
            'ID', 'Title', 'Consequence', 'Scope', 'Owner', 'Threat', 'Vulnerabilities', 'Assets', 'Harms', 'Affects', 'Likelihood', 'Impact', 'Score',
            'Level', 'Existing controls', 'Treatment', 'Actions', 'Residual likelihood', 'Residual impact', 'Residual score',
            'Residual level', 'Above appetite', 'Acceptance', 'Accepted by', 'Accepted until', 'Status', 'Reviewed', 'Tags', 'File', 'Line'
        ]);
        expect(REGISTER_COLUMNS).toHaveLength(30);
    });

    test('sorts by residual level, then inherent level (highest first), then ID as people read it; unassessed last', async () => {
        expect((await register()).rows.map(row => row.id)).toEqual([
            'R-2', 'R-3', 'R-5', 'R-6', 'R-7', 'R-10', 'R-11', // residual High, inherent High
            'R-1', // residual Moderate, inherent High
            'R-4', // residual Moderate, inherent Moderate
            'R-8', // Low
            'R-9' // not assessed
        ]);
    });

    test('names the acceptance status, and shows the acceptance that holds or the last one, with a term only if it ever held', async () => {
        const { rows } = await register();
        const acceptance = (id: string) => {
            const row = rowOf(rows, id);
            return [row.acceptance, row.acceptedBy, row.acceptedUntil];
        };
        expect(acceptance('R-10')).toEqual(['none', null, null]);
        expect(acceptance('R-2')).toEqual(['expired', 'Boss', '2026-06-30']);
        expect(acceptance('R-3')).toEqual(['not yet valid', 'Boss', '2027-07-01']);
        expect(acceptance('R-4')).toEqual(['valid', 'Lead', '2027-05-01']);
        // An acceptance that holds on no day shows who gave it but no term: it was never accepted until then.
        expect(acceptance('R-5')).toEqual(['not authorised', 'Lead', null]);
        expect(acceptance('R-6')).toEqual(['outdated', 'Boss', null]);
        expect(acceptance('R-7')).toEqual(['incomplete', 'Boss', null]);
        expect(acceptance('R-8')).toEqual(['not needed', 'Lead', '2027-05-01']);
        expect(acceptance('R-9')).toEqual([null, null, null]);
        expect(acceptance('R-11')).toEqual(['valid', 'Boss', '2027-06-01']);
        expect(acceptance('R-1')).toEqual(['valid', 'Boss', '2027-05-20']);
    });

    test('fills the cells from the evaluated model', async () => {
        const { rows } = await register('/model');
        expect(rowOf(rows, 'R-10')).toMatchObject({
            title: 'No acceptance', scope: 'A', owner: 'Lead', threat: ['T'], vulnerabilities: ['V'], assets: ['Sys'], harms: ['Data'],
            likelihood: { value: 3, name: 'Likely' }, impact: { value: 3, name: 'Severe' }, score: 9, level: 'High',
            existingControls: ['A.5.1', 'Own'], treatment: [{ option: 'share', with: 'Insurer, Ltd', until: null, reason: null }], actions: [],
            residualLikelihood: { value: 3, name: 'Likely' }, residualScore: 9, residualLevel: 'High', aboveAppetite: true,
            status: null, reviewed: null, file: 'risks.risk', line: 1
        });
        expect(rowOf(rows, 'R-3').scope).toBeNull(); // two scopes and none named
        expect(rowOf(rows, 'R-1')).toMatchObject({
            actions: ['MFA', 'R-1/2'], residualLikelihood: { value: 2, name: 'Possible' }, residualScore: 4, residualLevel: 'Moderate',
            status: 'treating', reviewed: '2026-11-02', line: 18
        });
        expect(rowOf(rows, 'R-9')).toMatchObject({ likelihood: null, score: null, level: null, residualLevel: null, aboveAppetite: null });
        expect(rowOf(rows, 'R-8').aboveAppetite).toBe(false);
    });

    test('writes the cells as text: scale values as "3 Likely", lists with ", ", yes/no, empty for none', async () => {
        const table = await register('/model');
        const text = textTable(table);
        const cells = (id: string) => Object.fromEntries(text.headers.map((header, index) => [header, text.rows[table.rows.findIndex(row => row.id === id)][index]]));
        expect(cells('R-10')).toMatchObject({
            'Likelihood': '3 Likely', 'Impact': '3 Severe', 'Score': '9', 'Existing controls': 'A.5.1, Own',
            'Treatment': 'share with Insurer, Ltd', 'Above appetite': 'yes', 'Acceptance': 'none', 'Accepted by': '', 'File': 'risks.risk', 'Line': '1'
        });
        expect(cells('R-9')).toMatchObject({ 'Likelihood': '', 'Score': '', 'Above appetite': '', 'Acceptance': '' });
        expect(cells('R-8')['Above appetite']).toBe('no');
    });

    test('version 2: consequence, several threats and treatments, affects, tags', async () => {
        const model = await loadTexts({
            'm.risk': `role R "R" management
method "M" {
  scale likelihood { 1 Rare "" 2 Likely "" }
  scale impact { 1 Minor "" 2 Severe "" }
  levels { Low 1..2 "" High 3..4 "" }
  accept { appetite Low }
}
threat Phishing "Phishing"
threat Insider "Insider"
risk R-1 "Two threats" {
  owner R
  threat Phishing, Insider
  affects confidentiality, availability
  consequence "Breach, fines"
  likelihood Likely impact Severe
  treatment reduce { action "MFA" { owner R due 2027-01-31 } }
  treatment share with "Cyber insurer"
  treatment defer until 2027-03-31 "Budget"
  tags "gdpr", "supplier"
}`
        });
        const table = buildRegister(model.evaluation());
        expect(table.rows[0]).toMatchObject({
            consequence: 'Breach, fines', threat: ['Phishing', 'Insider'], affects: ['confidentiality', 'availability'], tags: ['gdpr', 'supplier'],
            treatment: [
                { option: 'reduce', with: null, until: null, reason: null },
                { option: 'share', with: 'Cyber insurer', until: null, reason: null },
                { option: 'defer', with: null, until: '2027-03-31', reason: 'Budget' }
            ]
        });
        const text = textTable(table);
        const cell = (header: string) => text.rows[0][text.headers.indexOf(header)];
        expect([cell('Consequence'), cell('Threat'), cell('Affects'), cell('Treatment'), cell('Tags')]).toEqual([
            'Breach, fines', 'Phishing, Insider', 'confidentiality, availability', 'reduce; share with Cyber insurer; defer until 2027-03-31', 'gdpr, supplier'
        ]);
    });

    test('gives absolute paths without a base folder', async () => {
        expect((await register()).rows[0].file).toBe('/model/risks.risk');
    });

    test('leaves the score columns empty with a matrix method', async () => {
        const model = await loadTexts({
            'm.risk': `method "Matrix" {
  scale likelihood { 1 Low "" 2 High "" }
  scale impact { 1 Low "" 2 High "" }
  levels { Low "" High "" }
  matrix { High: Low High  Low: Low Low }
  accept { appetite Low }
}
role R "R" management
risk M-1 "Matrix risk" { owner R likelihood High impact High residual likelihood Low impact High }`
        });
        const [row] = buildRegister(model.evaluation()).rows;
        expect(row).toMatchObject({ score: null, level: 'High', residualScore: null, residualLevel: 'Low', likelihood: { value: 2, name: 'High' } });
        expect(textTable(buildRegister(model.evaluation())).rows[0].slice(10, 14)).toEqual(['2 High', '2 High', '', 'High']);
    });

    test('summarises levels, appetite, acceptances and actions', async () => {
        const { summary } = await register();
        expect(summary).toMatchObject({
            risks: 11,
            appetite: 'Low',
            levels: [{ level: 'High', inherent: 8, residual: 7 }, { level: 'Moderate', inherent: 1, residual: 2 }, { level: 'Low', inherent: 1, residual: 1 }],
            notAssessed: { inherent: 1, residual: 1 },
            aboveAppetite: ['R-1', 'R-2', 'R-3', 'R-4', 'R-5', 'R-6', 'R-7', 'R-10', 'R-11'],
            unaccepted: ['R-2', 'R-3', 'R-5', 'R-6', 'R-7', 'R-10'],
            expiringAcceptances: [],
            actions: { total: 2, planned: 2, inProgress: 0, done: 0, cancelled: 0, overdue: [], scheduled: 1, onTime: 1, completionUnknown: 0 }
        });
    });
});

describe('treatments in the register', () => {
    test('a treatment just typed, without its option, is left out as in the plan; the others stay in the order written', async () => {
        const model = await loadTexts({ 'risks.risk': `${METHOD}\nrisk R-1 "Typing" { owner Lead likelihood 1 impact 1\n  treatment share with "Insurer"\n  treatment\n}\n` }, undefined, { syntaxErrors: true });
        const register = buildRegister(model.evaluation());
        expect(register.rows.map(row => row.treatment)).toEqual([[{ option: 'share', with: 'Insurer', until: null, reason: null }]]);
        const treatmentColumn = REGISTER_COLUMNS.findIndex(column => column.key === 'treatment');
        expect(textTable(register).rows[0][treatmentColumn]).toBe('share with Insurer');
        // The plan lists the same treatments.
        expect(buildPlan(model.evaluation()).rows.map(row => [row.risk, row.option])).toEqual([['R-1', 'share']]);
    });
});
