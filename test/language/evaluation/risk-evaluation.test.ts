/**
 * What a risk amounts to on the as-of date (specification sections 7 and 8), read from
 * the evaluated model the validators, the editor and the exports share.
 */
import { describe, expect, test } from 'vitest';
import { evaluateRisk, mayAccept, type RiskEvaluation } from '../../../language/evaluation/risk-evaluation.js';
import type { ModelEvaluation } from '../../../language/evaluation/model-evaluator.js';
import type { Role } from '../../../language/generated/ast.js';
import { checkTexts } from '../../helpers/check-model.js';

const ROLES = `
role CEO "Chief Executive Officer" management
role CTO "Chief Technology Officer"
role ITManager "IT Manager"
`;

/** The banded 3x3 method of specification section 3, with a cadence per level. */
const BANDED = `
method "Acme 3x3" {
  scale likelihood { 1 Rare "" 2 Possible "" 3 Likely "" }
  scale impact { 1 Minor "" 2 Noticeable "" 3 Severe "" }
  score likelihood * impact
  levels { Low 1..2 "" Moderate 3..4 "" High 6..9 "" }
  accept { appetite Moderate major High lasts 12 months }
  review every 12 months
  review High every 1 month
}
`;

/** Section 3.3: a matrix, four levels, major Critical, `lasts` left to its default. */
const MATRIX = `
method "Qualitative 3x3" {
  scale likelihood { 1 Low "" 2 Medium "" 3 High "" }
  scale impact     { 1 Low "" 2 Medium "" 3 High "" }
  levels { Low "" Moderate "" High "" Critical "" }
  matrix {
    High:    Moderate  High      Critical
    Medium:  Low       Moderate  High
    Low:     Low       Low       Moderate
  }
  accept { appetite Moderate  major Critical }
}
`;

async function evaluate(text: string, asOf = '2026-11-23'): Promise<ModelEvaluation> {
    const { model } = await checkTexts(text, asOf);
    return model.evaluation();
}

function riskOf(evaluation: ModelEvaluation, id: string): RiskEvaluation {
    const risk = evaluation.risks.find(candidate => candidate.risk.name === id);
    expect(risk, `risk ${id}`).toBeDefined();
    return risk!;
}

/** `3 Likely x 3 Severe -> 9 High` */
function summary(assessment: RiskEvaluation['inherent']): string | undefined {
    return assessment && `${assessment.likelihood.value} ${assessment.likelihood.name} x ${assessment.impact.value} ${assessment.impact.name} -> ${assessment.score ?? '-'} ${assessment.level?.name ?? '?'}`;
}

describe('inherent and residual risk', () => {
    const model = ROLES + BANDED + `
risk R-001 "Admin takeover" {
  owner ITManager
  likelihood Likely impact Severe
  treatment reduce { action "MFA" { owner ITManager due 2027-01-31 } }
  residual likelihood Possible impact Severe
  acceptance { by CEO on 2026-11-15 until 2027-11-15 level High "MFA funded" }
}
risk R-002 "Laptop loss" { owner ITManager likelihood 2 impact 2 }
risk R-003 "Office flood" { owner ITManager likelihood Rare impact Noticeable }
risk R-004 "Supplier insolvency" { owner ITManager likelihood Possible }
`;

    test('score and level come from likelihood and impact, by number or name', async () => {
        const evaluation = await evaluate(model);
        expect(summary(riskOf(evaluation, 'R-001').inherent)).toBe('3 Likely x 3 Severe -> 9 High');
        expect(summary(riskOf(evaluation, 'R-001').residual)).toBe('2 Possible x 3 Severe -> 6 High');
        expect(summary(riskOf(evaluation, 'R-002').inherent)).toBe('2 Possible x 2 Noticeable -> 4 Moderate');
        expect(summary(riskOf(evaluation, 'R-003').inherent)).toBe('1 Rare x 2 Noticeable -> 2 Low');
    });

    test('without `residual` the residual is the inherent risk', async () => {
        const r2 = riskOf(await evaluate(model), 'R-002');
        expect(r2.hasExplicitResidual).toBe(false);
        expect(r2.residual).toBe(r2.inherent);
        const r1 = riskOf(await evaluate(model), 'R-001');
        expect(r1.hasExplicitResidual).toBe(true);
        expect(r1.residual).not.toBe(r1.inherent);
    });

    test('a risk without likelihood or impact has no inherent or residual risk and is nowhere above appetite', async () => {
        const r4 = riskOf(await evaluate(model), 'R-004');
        expect(r4.inherent).toBeUndefined();
        expect(r4.residual).toBeUndefined();
        expect(r4.aboveAppetite).toBe(false);
        expect(r4.major).toBe(false);
    });

    test('the sum form adds likelihood and impact', async () => {
        const evaluation = await evaluate(ROLES + BANDED.replace('score likelihood * impact', 'score likelihood + impact')
            .replace('levels { Low 1..2 "" Moderate 3..4 "" High 6..9 "" }', 'levels { Low 2..3 "" Moderate 4..4 "" High 5..6 "" }') + `
risk R-001 "Admin takeover" { owner ITManager likelihood Likely impact Noticeable }
`);
        expect(summary(riskOf(evaluation, 'R-001').inherent)).toBe('3 Likely x 2 Noticeable -> 5 High');
    });

    test('with a matrix there is no score, only the level of the cell', async () => {
        const evaluation = await evaluate(ROLES + MATRIX + `
risk C-01 "Phished login" {
  owner CTO
  likelihood High impact High
  treatment reduce { action "MFA" { owner CTO due 2027-01-31 } }
  residual likelihood Medium impact High
}
risk C-02 "Misdirected letter" { owner CTO likelihood Low impact Medium }
`);
        const c1 = riskOf(evaluation, 'C-01');
        expect(summary(c1.inherent)).toBe('3 High x 3 High -> - Critical');
        expect(summary(c1.residual)).toBe('2 Medium x 3 High -> - High');
        expect(c1.inherent?.score).toBeUndefined();
        expect(summary(riskOf(evaluation, 'C-02').inherent)).toBe('1 Low x 2 Medium -> - Low');
    });
});

describe('appetite and major', () => {
    test('above appetite means the residual ranks higher than appetite; at appetite is within it', async () => {
        const evaluation = await evaluate(ROLES + BANDED + `
risk R-001 "High, reduced to Moderate" {
  owner ITManager
  likelihood Likely impact Severe
  treatment reduce { action "Backups" { owner ITManager due 2027-01-31 } }
  residual likelihood Rare impact Severe
}
risk R-002 "At appetite" { owner ITManager likelihood Possible impact Noticeable }
risk R-003 "Above appetite" { owner ITManager likelihood Possible impact Severe }
risk R-004 "Low" { owner ITManager likelihood Rare impact Minor }
`);
        const flags = (id: string) => {
            const risk = riskOf(evaluation, id);
            return { inherent: risk.inherentAboveAppetite, residual: risk.aboveAppetite, major: risk.major };
        };
        expect(flags('R-001')).toEqual({ inherent: true, residual: false, major: false });
        expect(flags('R-002')).toEqual({ inherent: false, residual: false, major: false });
        expect(flags('R-003')).toEqual({ inherent: true, residual: true, major: true });
        expect(flags('R-004')).toEqual({ inherent: false, residual: false, major: false });
    });

    test('`major` defaults to the highest level', async () => {
        const evaluation = await evaluate(ROLES + MATRIX.replace('major Critical', '') + `
risk C-01 "High" { owner CTO likelihood Medium impact High }
risk C-02 "Critical" { owner CTO likelihood High impact High }
`);
        expect(evaluation.method?.major?.name).toBe('Critical');
        expect(riskOf(evaluation, 'C-01')).toMatchObject({ aboveAppetite: true, major: false });
        expect(riskOf(evaluation, 'C-02')).toMatchObject({ aboveAppetite: true, major: true });
    });

    test('an explicit `major` below the highest level makes every level from it upwards major', async () => {
        const evaluation = await evaluate(ROLES + MATRIX.replace('major Critical', 'major High') + `
risk C-01 "High" { owner CTO likelihood Medium impact High }
risk C-02 "Critical" { owner CTO likelihood High impact High }
risk C-03 "Moderate" { owner CTO likelihood Medium impact Medium }
`);
        expect(riskOf(evaluation, 'C-01').major).toBe(true);
        expect(riskOf(evaluation, 'C-02').major).toBe(true);
        expect(riskOf(evaluation, 'C-03').major).toBe(false);
    });
});

describe('acceptance', () => {
    const accepted = (acceptance: string, risk = 'owner CTO likelihood Possible impact Severe') => ROLES + BANDED + `
risk R-001 "Cloud region outage" {
  ${risk}
  treatment accept
  acceptance { ${acceptance} }
}
`;
    const acceptanceOf = async (text: string, asOf = '2026-11-23') => {
        const risk = riskOf(await evaluate(text, asOf), 'R-001');
        expect(risk.acceptances).toHaveLength(1);
        return { risk, acceptance: risk.acceptances[0] };
    };

    test('an acceptance with `until` holds from `on` through `until`', async () => {
        const text = accepted('by CEO on 2026-11-15 until 2027-11-15 level High "MFA funded"');
        const { risk, acceptance } = await acceptanceOf(text);
        expect(acceptance).toMatchObject({ complete: true, lapses: '2027-11-15', notYetEffective: false, expired: false, daysLeft: 357, authorised: true, outdated: false, valid: true });
        expect(risk.accepted).toBe(true);
    });

    test('without `until` it lapses `lasts` after `on`, 12 months by default', async () => {
        const { acceptance } = await acceptanceOf(accepted('by CEO on 2025-12-15 "Three zones cover most failures"'));
        expect(acceptance.lapses).toBe('2026-12-15');
        expect(acceptance.daysLeft).toBe(22);
        expect(acceptance.valid).toBe(true);

        const matrix = await evaluate(ROLES + MATRIX + `
risk C-01 "Phished login" { owner CTO likelihood Medium impact High treatment accept acceptance { by CTO on 2026-10-05 "Training in January" } }
`);
        expect(matrix.method?.acceptanceTerm).toEqual({ amount: 12, unit: 'months' });
        expect(riskOf(matrix, 'C-01').acceptances[0].lapses).toBe('2027-10-05');
    });

    test.each([
        ['lasts 6 months', '2026-01-31', '2026-07-31'],
        ['lasts 1 month', '2026-01-31', '2026-02-28'],
        ['lasts 2 years', '2024-02-29', '2026-02-28'],
        ['lasts 90 days', '2026-10-01', '2026-12-30'],
        ['lasts 2 weeks', '2026-11-20', '2026-12-04']
    ])('`%s` from %s lapses on %s', async (lasts, on, lapses) => {
        const { acceptance } = await acceptanceOf(accepted(`by CEO on ${on} "Decided in the management review"`).replace('lasts 12 months', lasts));
        expect(acceptance.lapses).toBe(lapses);
    });

    test.each([
        // as-of, valid, notYetEffective, expired, daysLeft
        ['2026-11-14', false, true, false, 366],
        ['2026-11-15', true, false, false, 365],
        ['2027-11-15', true, false, false, 0],
        ['2027-11-16', false, false, true, undefined]
    ] as const)('as of %s an acceptance on 2026-11-15 until 2027-11-15 is valid: %s', async (asOf, valid, notYetEffective, expired, daysLeft) => {
        const { risk, acceptance } = await acceptanceOf(accepted('by CEO on 2026-11-15 until 2027-11-15 "MFA funded"'), asOf);
        expect(acceptance).toMatchObject({ valid, notYetEffective, expired, lapses: '2027-11-15' });
        expect(acceptance.daysLeft).toBe(daysLeft);
        expect(risk.accepted).toBe(valid);
    });

    test('the same model evaluated on two as-of dates gives two answers', async () => {
        const { model } = await checkTexts(accepted('by CEO on 2025-12-15 "Three zones cover most failures"'), '2026-11-23');
        const evaluator = model.services.evaluation.ModelEvaluator;
        expect(evaluator.evaluate(model.documents[0], '2026-12-15').risks[0].acceptances[0]).toMatchObject({ valid: true, daysLeft: 0 });
        expect(evaluator.evaluate(model.documents[0], '2026-12-16').risks[0].acceptances[0]).toMatchObject({ valid: false, expired: true });
        expect(model.evaluation().asOf).toBe('2026-11-23');
        expect(model.evaluation().risks[0].acceptances[0].daysLeft).toBe(22);
    });

    test('at or above `major` only a management role may accept, even the risk owner may not', async () => {
        const byOwner = await acceptanceOf(accepted('by CTO on 2026-11-01 "Failover too costly"'));
        expect(byOwner.risk.major).toBe(true);
        expect(byOwner.acceptance).toMatchObject({ authorised: false, valid: false });
        expect(byOwner.risk.accepted).toBe(false);
        const byManagement = await acceptanceOf(accepted('by CEO on 2026-11-01 "Failover too costly"'));
        expect(byManagement.acceptance).toMatchObject({ authorised: true, valid: true });
    });

    test('below `major` the risk owner or a management role may accept, another role may not', async () => {
        const text = (by: string) => ROLES + MATRIX + `
risk C-01 "Phished login" { owner CTO likelihood Medium impact High treatment accept acceptance { by ${by} on 2026-10-05 "Training in January" } }
`;
        const authorised = async (by: string) => riskOf(await evaluate(text(by)), 'C-01').acceptances[0].authorised;
        expect(await authorised('CTO')).toBe(true);
        expect(await authorised('CEO')).toBe(true);
        expect(await authorised('ITManager')).toBe(false);
    });

    test('mayAccept: management always, the owner only below major', async () => {
        const evaluation = await evaluate(ROLES + BANDED + 'risk R-001 "Outage" { owner CTO likelihood Possible impact Severe }');
        const risk = riskOf(evaluation, 'R-001').risk;
        const roles = new Map(risk.$container.elements.filter((element): element is Role => element.$type === 'Role').map(role => [role.name, role]));
        expect(mayAccept(roles.get('CEO')!, risk, true)).toBe(true);
        expect(mayAccept(roles.get('CTO')!, risk, true)).toBe(false);
        expect(mayAccept(roles.get('CTO')!, risk, false)).toBe(true);
        expect(mayAccept(roles.get('ITManager')!, risk, false)).toBe(false);
    });

    test('a pinned level below the residual is outdated; equal or above is not', async () => {
        const level = async (pinned: string) => (await acceptanceOf(accepted(`by CEO on 2026-11-01 level ${pinned} "Failover too costly"`))).acceptance;
        expect(await level('Moderate')).toMatchObject({ outdated: true, valid: false });
        expect(await level('High')).toMatchObject({ outdated: false, valid: true });
        const matrix = await evaluate(ROLES + MATRIX + `
risk C-01 "Phished login" { owner CTO likelihood Medium impact High treatment accept acceptance { by CEO on 2026-10-05 level Critical "Training in January" } }
`);
        expect(riskOf(matrix, 'C-01').acceptances[0]).toMatchObject({ outdated: false, valid: true });
    });

    test('an acceptance without a justification or without `by … on` is incomplete and not valid', async () => {
        expect((await acceptanceOf(accepted('by CEO on 2026-11-01 level High'))).acceptance).toMatchObject({ complete: false, authorised: true, valid: false });
        expect((await acceptanceOf(accepted('by CEO on 2026-11-01 "  "'))).acceptance).toMatchObject({ complete: false, valid: false });
        const noBy = (await acceptanceOf(accepted('level High "Failover too costly"'))).acceptance;
        expect(noBy).toMatchObject({ complete: false, authorised: false, valid: false });
        expect(noBy.lapses).toBeUndefined();
    });

    test('an `on` or an `until` that is not a date makes the acceptance invalid (no term is assumed)', async () => {
        const badOn = (await acceptanceOf(accepted('by CEO on 2026-09-31 "Second line ordered"'))).acceptance;
        expect(badOn).toMatchObject({ complete: true, authorised: true, notYetEffective: false, expired: false, valid: false });
        expect(badOn.lapses).toBeUndefined();
        const badUntil = (await acceptanceOf(accepted('by CEO on 2026-10-01 until 2027-02-30 "Second line ordered"'))).acceptance;
        expect(badUntil).toMatchObject({ complete: true, authorised: true, valid: false });
        expect(badUntil.lapses).toBeUndefined();
    });

    test('holdsUntil: the term of an acceptance that holds on some day; none for one that never holds', async () => {
        const holdsUntil = async (acceptance: string, asOf = '2026-11-23') => (await acceptanceOf(accepted(acceptance), asOf)).acceptance.holdsUntil;
        expect(await holdsUntil('by CEO on 2026-11-15 until 2027-11-15 "MFA funded"')).toBe('2027-11-15');
        // Expired or not yet effective on the as-of date: it held, or will hold, until then.
        expect(await holdsUntil('by CEO on 2026-11-15 until 2027-11-15 "MFA funded"', '2027-12-01')).toBe('2027-11-15');
        expect(await holdsUntil('by CEO on 2026-11-15 until 2027-11-15 "MFA funded"', '2026-11-01')).toBe('2027-11-15');
        // Given by a role that may not accept it, pinned too low, or without a justification: never.
        expect(await holdsUntil('by CTO on 2026-11-15 until 2027-11-15 "MFA funded"')).toBeUndefined();
        expect(await holdsUntil('by CEO on 2026-11-15 until 2027-11-15 level Moderate "MFA funded"')).toBeUndefined();
        expect(await holdsUntil('by CEO on 2026-11-15 until 2027-11-15')).toBeUndefined();
    });

    test('one valid acceptance among several accepts the risk', async () => {
        const risk = riskOf(await evaluate(ROLES + BANDED + `
risk R-001 "Legacy accounting server" {
  owner CTO likelihood Likely impact Severe treatment accept
  acceptance { by CEO on 2025-07-01 until 2026-06-30 "Replacement in mid 2026" }
  acceptance { by CEO on 2026-07-01 until 2027-06-30 "Replacement slipped to mid 2027" }
}
`), 'R-001');
        expect(risk.acceptances.map(acceptance => acceptance.valid)).toEqual([false, true]);
        expect(risk.acceptances[0].expired).toBe(true);
        expect(risk.accepted).toBe(true);
    });
});

describe('actions', () => {
    const model = ROLES + BANDED + `
risk R-001 "Admin takeover" {
  owner ITManager
  likelihood Likely impact Severe
  treatment reduce {
    action "Hardware keys for admins" { owner ITManager due 2026-11-22 status in-progress }
    action MFA "MFA on remote access" { owner ITManager due 2026-11-23 status planned }
    action "Phishing drills" { owner CTO due 2026-01-31 }
    action "Old VPN hardening" { owner CTO due 2026-03-31 status cancelled }
    action Audit "Access review" { owner CTO due 2026-06-30 status done }
  }
  residual likelihood Possible impact Severe
}
risk R-002 "Accepted as it is" { owner ITManager likelihood Rare impact Minor treatment accept }
`;

    test('unnamed actions are known by risk and position; named ones by their ID', async () => {
        const risk = riskOf(await evaluate(model), 'R-001');
        expect(risk.actions.map(action => action.id)).toEqual(['R-001/1', 'MFA', 'R-001/3', 'R-001/4', 'Audit']);
        expect(riskOf(await evaluate(model), 'R-002').actions).toEqual([]);
    });

    test('open means planned, in progress or without status', async () => {
        const risk = riskOf(await evaluate(model), 'R-001');
        expect(risk.actions.map(action => action.open)).toEqual([true, true, true, false, false]);
    });

    test('overdue means open and due before the as-of date; due on the as-of date is not overdue', async () => {
        const risk = riskOf(await evaluate(model), 'R-001');
        expect(risk.actions.filter(action => action.overdue).map(action => action.id)).toEqual(['R-001/1', 'R-001/3']);
        const later = riskOf(await evaluate(model, '2026-11-24'), 'R-001');
        expect(later.actions.filter(action => action.overdue).map(action => action.id)).toEqual(['R-001/1', 'MFA', 'R-001/3']);
    });
});

describe('harmed assets and scope', () => {
    const assets = `
asset CustomerData "Customer data" { primary information owner ITManager }
asset SaaSService "SaaS service" { primary service owner CTO }
asset Finance "Finance records" { primary information owner CEO }
asset AdminAccounts "Admin accounts" { supporting system owner ITManager supports CustomerData, SaaSService }
asset ProdCloud "Production cloud" { supporting system owner CTO supports SaaSService }
`;

    test('`harms` as written, or derived from what the `on` assets support, each asset once', async () => {
        const evaluation = await evaluate(ROLES + BANDED + assets + `
risk R-001 "Explicit" { owner CTO on AdminAccounts harms Finance likelihood Rare impact Minor }
risk R-002 "Derived" { owner CTO on AdminAccounts, ProdCloud likelihood Rare impact Minor }
risk R-003 "Neither" { owner CTO likelihood Rare impact Minor }
`);
        const harms = (id: string) => {
            const risk = riskOf(evaluation, id);
            return { harms: risk.harms.map(asset => asset.name), derived: risk.harmsDerived };
        };
        expect(harms('R-001')).toEqual({ harms: ['Finance'], derived: false });
        expect(harms('R-002')).toEqual({ harms: ['CustomerData', 'SaaSService'], derived: true });
        expect(harms('R-003')).toEqual({ harms: [], derived: true });
    });

    test('with one scope every risk is in it; with two only a named scope counts', async () => {
        const one = await evaluate(ROLES + BANDED + `
scope Platform "SaaS platform" { owner CTO }
risk R-001 "Unscoped" { owner CTO likelihood Rare impact Minor }
risk R-002 "Scoped" { owner CTO scope Platform likelihood Rare impact Minor }
`);
        expect(riskOf(one, 'R-001').scope?.name).toBe('Platform');
        expect(riskOf(one, 'R-002').scope?.name).toBe('Platform');

        const two = await evaluate(ROLES + BANDED + `
scope Platform "SaaS platform" { owner CTO }
scope Corporate "Corporate IT" { owner ITManager }
risk R-001 "Unscoped" { owner CTO likelihood Rare impact Minor }
risk R-002 "Scoped" { owner CTO scope Corporate likelihood Rare impact Minor }
`);
        expect(riskOf(two, 'R-001').scope).toBeUndefined();
        expect(riskOf(two, 'R-002').scope?.name).toBe('Corporate');
    });

    test('a misspelt scope is no scope, even when the model has only one', async () => {
        const evaluation = await evaluate(ROLES + BANDED + `
scope Platform "SaaS platform" { owner CTO }
risk R-001 "Misspelt" { owner CTO scope Platfrom likelihood Rare impact Minor }
`);
        expect(riskOf(evaluation, 'R-001').scope).toBeUndefined();
    });
});

describe('review', () => {
    const model = ROLES + BANDED + `
risk R-001 "Moderate" { owner CTO likelihood Possible impact Noticeable reviewed 2025-11-23 }
risk R-002 "High" { owner CTO likelihood Possible impact Severe treatment accept
  acceptance { by CEO on 2026-10-01 "Failover too costly" } reviewed 2026-10-23 }
risk R-003 "High before, Low after" { owner CTO likelihood Likely impact Severe
  treatment reduce { action "Backups" { owner CTO due 2026-09-30 status done } }
  residual likelihood Rare impact Minor reviewed 2026-01-31 }
risk R-004 "Never reviewed" { owner CTO likelihood Rare impact Minor }
`;

    test('the review is due one cadence after `reviewed`; the residual level picks the cadence', async () => {
        const evaluation = await evaluate(model);
        const review = (id: string) => ({ due: riskOf(evaluation, id).reviewDue, overdue: riskOf(evaluation, id).reviewOverdue });
        expect(review('R-001')).toEqual({ due: '2026-11-23', overdue: false });
        expect(review('R-002')).toEqual({ due: '2026-11-23', overdue: false });
        expect(review('R-003')).toEqual({ due: '2027-01-31', overdue: false });
        expect(review('R-004')).toEqual({ due: undefined, overdue: true });
    });

    test('a day later both reviews due on the as-of date are overdue', async () => {
        const evaluation = await evaluate(model, '2026-11-24');
        expect(evaluation.risks.filter(risk => risk.reviewOverdue).map(risk => risk.risk.name)).toEqual(['R-001', 'R-002', 'R-004']);
    });

    test('without a cadence there is no due date and nothing is overdue', async () => {
        const evaluation = await evaluate(model.replace('review every 12 months', '').replace('review High every 1 month', ''));
        expect(evaluation.risks.map(risk => [risk.reviewDue, risk.reviewOverdue])).toEqual([[undefined, false], [undefined, false], [undefined, false], [undefined, false]]);
    });
});

describe('evaluateRisk', () => {
    test('evaluates one risk against a given method and as-of date', async () => {
        const evaluation = await evaluate(ROLES + BANDED + `
risk R-001 "Outage" {
  owner CTO likelihood Possible impact Severe treatment accept
  acceptance { by CEO on 2026-01-10 "Failover too costly" }
}
`);
        const risk = riskOf(evaluation, 'R-001').risk;
        const early = evaluateRisk(risk, { method: evaluation.method, asOf: '2026-01-09' });
        const late = evaluateRisk(risk, { method: evaluation.method, asOf: '2027-01-11' });
        expect(early.acceptances[0]).toMatchObject({ notYetEffective: true, valid: false, lapses: '2027-01-10', daysLeft: 366 });
        expect(late.acceptances[0]).toMatchObject({ expired: true, valid: false });
        expect(late.accepted).toBe(false);
        const withoutMethod = evaluateRisk(risk, { asOf: '2026-11-23' });
        expect(withoutMethod).toMatchObject({ aboveAppetite: false, major: false, accepted: false });
        expect(withoutMethod.inherent?.level).toBeUndefined();
        expect(withoutMethod.acceptances[0].lapses).toBeUndefined();
    });
});
