/** The treatment plan's rows: one per action, a row for a treatment without action, sort order. */
import { describe, expect, test } from 'vitest';
import { buildPlan, PLAN_COLUMNS } from '../../../language/exports/plan.js';
import { textTable } from '../../../language/exports/table.js';
import { loadTexts } from './load-texts.js';

const MODEL = `
method "Plan test method" {
  scale likelihood { 1 Rare "" 2 Possible "" 3 Likely "" }
  scale impact { 1 Minor "" 2 Noticeable "" 3 Severe "" }
  score likelihood + impact
  levels { Low 2..3 "" Moderate 4..4 "" High 5..6 "" }
  accept { appetite Moderate }
}
role Boss "Boss" management
risk R-10 "Ten" { owner Boss likelihood 3 impact 3 residual likelihood 1 impact 3
  treatment reduce {
    action "Late one" { owner Boss due 2027-03-01 status in-progress controls A.8.5, A.5.1 }
    action Named "Overdue" { owner Boss due 2026-10-01 }
    action "No date" { owner Boss }
    action "Cancelled" { due 2026-09-01 status cancelled }
  }
}
risk R-2 "Two" { owner Boss likelihood 2 impact 2
  treatment avoid { action "Same day as Named" { owner Boss due 2026-10-01 status done } }
}
risk R-3 "Accepted" { owner Boss likelihood 3 impact 3 treatment accept }
risk R-4 "Untreated" { owner Boss likelihood 1 impact 1 }
`;

async function plan() {
    const model = await loadTexts({ 'model.risk': MODEL });
    return buildPlan(model.evaluation());
}

describe('buildPlan', () => {
    test('has the specification\'s 13 columns in order (Completed of section 11.5 after Status)', () => {
        expect(PLAN_COLUMNS.map(column => column.header)).toEqual([
            'Action', 'Risk', 'Risk title', 'Level', 'Option', 'Action title', 'Owner', 'Due', 'Status', 'Completed', 'Overdue', 'Controls', 'Target residual level'
        ]);
    });

    test('has one row per action, sorted by due date (none last), then risk ID', async () => {
        const { rows } = await plan();
        expect(rows.map(row => [row.action, row.risk, row.due])).toEqual([
            ['R-10/4', 'R-10', '2026-09-01'],
            ['R-2/1', 'R-2', '2026-10-01'],
            ['Named', 'R-10', '2026-10-01'],
            ['R-10/1', 'R-10', '2027-03-01'],
            [null, 'R-3', null],
            ['R-10/3', 'R-10', null]
        ]);
    });

    test('fills the action cells, and leaves them empty on the row of a treatment without action', async () => {
        const table = await plan();
        const byAction = (id: string | null) => table.rows.find(row => row.action === id)!;
        expect(byAction('Named')).toEqual({
            action: 'Named', risk: 'R-10', riskTitle: 'Ten', level: 'High', option: 'reduce', actionTitle: 'Overdue', owner: 'Boss',
            due: '2026-10-01', status: 'planned', completed: null, overdue: true, controls: [], targetResidualLevel: 'Moderate'
        });
        expect(byAction('R-10/1')).toMatchObject({ status: 'in-progress', overdue: false, controls: ['A.8.5', 'A.5.1'] });
        expect(byAction('R-10/4')).toMatchObject({ status: 'cancelled', overdue: false, owner: null });
        expect(byAction(null)).toEqual({
            action: null, risk: 'R-3', riskTitle: 'Accepted', level: 'High', option: 'accept', actionTitle: null, owner: null,
            due: null, status: null, completed: null, overdue: null, controls: [], targetResidualLevel: 'High'
        });
        const text = textTable(table);
        expect(text.rows[4]).toEqual(['', 'R-3', 'Accepted', 'High', 'accept', '', '', '', '', '', '', '', 'High']);
        expect(text.rows[2]).toEqual(['Named', 'R-10', 'Ten', 'High', 'reduce', 'Overdue', 'Boss', '2026-10-01', 'planned', '', 'yes', '', 'Moderate']);
    });

    test('summarises the actions', async () => {
        expect((await plan()).summary).toEqual({
            risksTreated: 3,
            options: [{ option: 'reduce', risks: 1 }, { option: 'accept', risks: 1 }, { option: 'share', risks: 0 }, { option: 'avoid', risks: 1 }, { option: 'defer', risks: 0 }],
            risksWithoutActions: ['R-3'],
            // R-2/1 is done without a completion date: never counted as on time (section 11.5).
            actions: { total: 5, planned: 2, inProgress: 1, done: 1, cancelled: 1, overdue: ['Named'], scheduled: 3, onTime: 1, completionUnknown: 1 },
            dueSoon: []
        });
    });

    test('version 2: one row per action under its own treatment, a row per treatment without action, and the completion date', async () => {
        const model = await loadTexts({ 'model.risk': `
method "M" {
  scale likelihood { 1 Rare "" 2 Likely "" }
  scale impact { 1 Minor "" 2 Severe "" }
  levels { Low 1..2 "" High 3..4 "" }
  accept { appetite Low }
}
role Boss "Boss" management
risk R-1 "Combined" { owner Boss likelihood 2 impact 2
  treatment reduce { action MFA "MFA" { owner Boss due 2026-10-01 status done completed 2026-09-20 } action Late "Late" { owner Boss due 2026-10-01 status done completed 2026-10-02 } }
  treatment share with "Insurer"
}` });
        const table = buildPlan(model.evaluation(), {});
        expect(table.rows.map(row => [row.action, row.option, row.completed])).toEqual([
            ['MFA', 'reduce', '2026-09-20'], ['Late', 'reduce', '2026-10-02'], [null, 'share', null]
        ]);
        expect(table.summary.actions).toMatchObject({ scheduled: 2, onTime: 1, completionUnknown: 0 });
        expect(table.summary.options).toContainEqual({ option: 'share', risks: 1 });
    });
});
