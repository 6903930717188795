/** The Statement of Applicability: all 93 controls in order, usage directly and through own controls. */
import { describe, expect, test } from 'vitest';
import { ANNEX_A } from '../../../language/builtins/annex-a.js';
import { buildSoa } from '../../../language/exports/soa.js';
import { loadTexts } from './load-texts.js';

const MODEL = `
method "SoA test method" {
  scale likelihood { 1 Rare "" 2 Likely "" }
  scale impact { 1 Minor "" 2 Severe "" }
  levels { Low 1..2 "" High 3..4 "" }
  accept { appetite Low }
}
role Boss "Boss" management
control Mfa "MFA everywhere" { implements A.8.5, A.5.17 status planned }
control Unused "Clean desk rounds" { implements A.7.7 status implemented }
control NoStatus "Something" { implements A.6.8 }
risk R-2 "Two" { owner Boss likelihood 2 impact 2 controls A.5.1
  treatment reduce {
    action Roll "Roll out MFA" { owner Boss due 2027-01-01 status in-progress controls Mfa }
    action "Abandoned" { owner Boss due 2026-01-01 status cancelled controls A.8.34 }
  }
}
risk R-1 "One" { owner Boss likelihood 2 impact 2 controls Mfa }
`;

async function soa() {
    const model = await loadTexts({ 'model.risk': MODEL });
    return buildSoa(model.evaluation());
}

describe('buildSoa', () => {
    test('lists the 93 Annex A controls in the standard\'s order with title and theme', async () => {
        const { rows } = await soa();
        expect(rows).toHaveLength(93);
        expect(rows.map(row => row.id)).toEqual(ANNEX_A.map(entry => entry.id));
        expect(rows[0]).toMatchObject({ id: 'A.5.1', title: 'Policies for information security', theme: 'Organizational' });
        expect(rows.at(-1)).toMatchObject({ id: 'A.8.34', theme: 'Technological' });
        expect(new Set(rows.map(row => row.theme))).toEqual(new Set(['Organizational', 'People', 'Physical', 'Technological']));
    });

    test('finds usage directly and through own controls; cancelled actions do not count', async () => {
        const { rows } = await soa();
        const row = (id: string) => rows.find(candidate => candidate.id === id)!;
        expect(row('A.5.1')).toEqual({
            id: 'A.5.1', title: 'Policies for information security', theme: 'Organizational', applicable: true, decision: 'included', implementation: 'implemented',
            ownControls: [], risks: ['R-2'], actions: [], justification: 'Needed for risk R-2'
        });
        expect(row('A.8.5')).toMatchObject({
            applicable: true, implementation: 'partial', ownControls: [{ id: 'Mfa', status: 'planned' }], risks: ['R-1', 'R-2'], actions: ['Roll'],
            justification: 'Needed for risks R-1, R-2'
        });
        expect(row('A.7.7')).toMatchObject({
            applicable: true, implementation: 'implemented', ownControls: [{ id: 'Unused', status: 'implemented' }], risks: [], actions: [],
            justification: 'Implemented by own control Unused; no risk refers to it'
        });
        expect(row('A.6.8')).toMatchObject({ applicable: true, implementation: 'unknown', ownControls: [{ id: 'NoStatus', status: null }] });
        expect(row('A.8.34')).toMatchObject({ applicable: false, decision: 'undecided', implementation: null, risks: [], actions: [] });
        expect(row('A.8.34').justification).toMatch(/^Not selected/);
    });

    test('summarises per theme', async () => {
        const { summary } = await soa();
        expect(summary.themes.at(-1)).toEqual({
            theme: 'Total', controls: 93, applicable: 5, notApplicable: 88, excluded: 0, undecided: 88, implemented: 2, partial: 2, planned: 0, unknown: 1
        });
        expect(summary.themes.map(theme => theme.controls)).toEqual([37, 8, 14, 34, 93]);
        expect(summary.ownControls).toEqual({ total: 3, implemented: 1, partial: 0, planned: 1, noStatus: 1 });
    });

    test('version 2: decisions and their justifications from the applicability block (section 11.1)', async () => {
        const model = await loadTexts({ 'model.risk': MODEL + `
applicability {
  exclude A.7.1, A.7.2 "Fully remote company: no premises in scope"
  exclude A.5.1 "Wrongly excluded"
  include A.5.31 "GDPR and customer contracts require it"
}` });
        const { rows, summary } = buildSoa(model.evaluation());
        const row = (id: string) => rows.find(candidate => candidate.id === id)!;
        expect(row('A.7.1')).toMatchObject({ applicable: false, decision: 'excluded', implementation: null, justification: 'Fully remote company: no premises in scope' });
        expect(row('A.5.31')).toMatchObject({ applicable: true, decision: 'included', implementation: 'unknown', risks: [], justification: 'GDPR and customer contracts require it' });
        // An exclusion wins in the SoA (soa-conflict reports it); the referring risk stays visible.
        expect(row('A.5.1')).toMatchObject({ applicable: false, decision: 'excluded', risks: ['R-2'], justification: 'Wrongly excluded' });
        expect(row('A.8.5')).toMatchObject({ decision: 'included', justification: 'Needed for risks R-1, R-2' });
        expect(summary.themes.at(-1)).toMatchObject({ applicable: 5, notApplicable: 88, excluded: 3, undecided: 85 });
    });
});
