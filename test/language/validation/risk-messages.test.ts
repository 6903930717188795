/**
 * Messages of the risk, treatment, acceptance and review rules: each says what is
 * wrong with which risk and how to fix it, with the code's severity, on the smallest
 * range that shows the problem.
 */
import { describe, expect, test } from 'vitest';
import { findingsOf, type Finding } from '../../helpers/check-model.js';

const HEADER = `
role CEO "Chief Executive Officer" management
role CTO "Chief Technology Officer"
role ITManager "IT Manager"

method "Acme 3x3" {
  scale likelihood { 1 Rare "" 2 Possible "" 3 Likely "" }
  scale impact { 1 Minor "" 2 Noticeable "" 3 Severe "" }
  levels { Low 1..2 "" Moderate 3..4 "" High 6..9 "" }
  accept { appetite Moderate major High }
  review every 12 months
  review High every 1 month
}
`;

/** Four levels: High is above appetite but below major (Critical). */
const FOUR_LEVELS = HEADER.replace('levels { Low 1..2 "" Moderate 3..4 "" High 6..9 "" }', 'levels { Low 1..2 "" Moderate 3..4 "" High 6..6 "" Critical 9..9 "" }')
    .replace('major High', 'major Critical');

/** The only finding of the code; fails when there is none or several. */
async function only(model: string, code: string, asOf?: string): Promise<Finding> {
    const findings = await findingsOf(model, [code], asOf);
    expect(findings, `${code} findings`).toHaveLength(1);
    return findings[0];
}

function shape(finding: Finding): { severity: string; text: string; message: string } {
    return { severity: finding.severity, text: finding.text, message: finding.message };
}

describe('not-assessed', () => {
    test('a warning while identified, naming what is missing', async () => {
        const finding = await only(HEADER + 'risk R-001 "Laptop theft" { owner CTO likelihood Possible status identified reviewed 2026-11-01 }', 'not-assessed');
        expect(shape(finding)).toEqual({
            severity: 'warning',
            text: 'R-001',
            message: 'R-001 is not assessed yet: add `impact` to score it.'
        });
    });

    test('a warning without status, naming both values', async () => {
        const finding = await only(HEADER + 'risk R-001 "Laptop theft" { owner CTO reviewed 2026-11-01 }', 'not-assessed');
        expect(finding.severity).toBe('warning');
        expect(finding.message).toBe('R-001 is not assessed yet: add `likelihood` and `impact` to score it.');
    });

    test.each(['assessed', 'treating', 'accepted', 'closed'])('an error once the status is %s', async status => {
        const finding = await only(HEADER + `risk R-001 "Laptop theft" { owner CTO impact Severe status ${status} reviewed 2026-11-01 }`, 'not-assessed');
        expect(shape(finding)).toEqual({
            severity: 'error',
            text: 'R-001',
            message: `R-001 is \`${status}\` but has no likelihood: assess it with \`likelihood\` and \`impact\`, or set \`status identified\`.`
        });
    });
});

describe('missing-owner', () => {
    test('a risk without owner, on its ID', async () => {
        const finding = await only(HEADER + 'risk R-001 "Laptop theft" { likelihood Rare impact Minor reviewed 2026-11-01 }', 'missing-owner');
        expect(shape(finding)).toEqual({
            severity: 'warning',
            text: 'R-001',
            message: 'R-001 has no owner: add `owner ROLE`; every risk needs someone accountable for it (ISO/IEC 27001 6.1.2).'
        });
    });

    test('an action without owner is action-incomplete only (specification 11.7), named by risk and position and marked by its title', async () => {
        const findings = await findingsOf(HEADER + `
risk R-001 "Laptop theft" {
  owner CTO likelihood Possible impact Noticeable
  treatment reduce { action Encrypt "Disk encryption" { owner CTO due 2027-01-31 } action "Remote wipe" { due 2027-01-31 } }
  reviewed 2026-11-01
}`, ['missing-owner', 'action-incomplete']);
        expect(findings.map(finding => ({ code: finding.code, ...shape(finding) }))).toEqual([{
            code: 'action-incomplete',
            severity: 'warning',
            text: '"Remote wipe"',
            message: 'Action R-001/2 has no `owner`: add `owner ROLE`; a treatment plan needs someone and a date for every action.'
        }]);
    });

    test('a primary asset without owner; a supporting one needs none', async () => {
        const finding = await only(HEADER + `
asset Payroll "Payroll records" { primary information }
asset PayrollApp "Payroll application" { supporting software supports Payroll }
risk R-001 "Payroll leak" { owner CTO on PayrollApp likelihood Rare impact Minor reviewed 2026-11-01 }`, 'missing-owner');
        expect(shape(finding)).toEqual({ severity: 'warning', text: 'Payroll', message: 'The primary asset Payroll has no owner: add `owner ROLE`.' });
    });
});

describe('unaccepted-residual', () => {
    test('says the residual, the appetite, and who must accept (specification example)', async () => {
        const finding = await only(HEADER + `
risk R-004 "Misconfigured bucket" {
  owner ITManager likelihood Likely impact Severe
  treatment reduce { action "Block public access" { owner ITManager due 2027-01-31 } }
  residual likelihood Possible impact Severe
  reviewed 2026-11-20
}`, 'unaccepted-residual');
        expect(shape(finding)).toEqual({
            severity: 'error',
            text: 'R-004',
            message: 'R-004 residual High (6) is above appetite Moderate and has no valid acceptance: add an `acceptance` by a management role, or reduce the risk.'
        });
    });

    test.each([
        ['avoid', 'avoiding it'],
        ['transfer with "Cyber insurer"', 'transferring it'],
        ['share with "Cyber insurer"', 'sharing it']
    ])('`treatment %s` without `residual`: the fix is the residual, not an acceptance', async (treatment, after) => {
        const finding = await only(HEADER + `risk R-001 "Legacy FTP server" { owner CTO likelihood Likely impact Severe treatment ${treatment} status closed reviewed 2026-11-20 }`, 'unaccepted-residual');
        const option = treatment.split(' ')[0];
        expect(finding.message).toBe(`R-001 residual High (9) is above appetite Moderate and has no valid acceptance: \`treatment ${option}\` is chosen but there is no \`residual\`, so the residual is still the inherent risk. Add \`residual likelihood … impact …\` with the risk that remains after ${after}.`);
    });

    test('`treatment reduce` with actions and no `residual`: the residual once they are done; without actions, accept or reduce', async () => {
        const withActions = await only(HEADER + 'risk R-001 "Outage" { owner CTO likelihood Likely impact Severe treatment reduce { action "Failover" { owner CTO due 2027-01-31 } } reviewed 2026-11-20 }', 'unaccepted-residual');
        expect(withActions.message).toMatch(/: `treatment reduce` is chosen but there is no `residual`, .* with the risk that remains once its actions are done\.$/);
        const withoutActions = await only(HEADER + 'risk R-001 "Outage" { owner CTO likelihood Likely impact Severe treatment reduce reviewed 2026-11-20 }', 'unaccepted-residual');
        expect(withoutActions.message).toMatch(/: add an `acceptance` by a management role, or reduce the risk\.$/);
    });

    test('below major, the risk owner may accept too', async () => {
        const finding = await only(FOUR_LEVELS + 'risk R-001 "Outage" { owner CTO likelihood Possible impact Severe treatment accept reviewed 2026-11-20 }', 'unaccepted-residual');
        expect(finding.message).toBe('R-001 residual High (6) is above appetite Moderate and has no valid acceptance: add an `acceptance` by the risk owner or a management role, or reduce the risk.');
    });

    test('with a matrix the level is shown without a score', async () => {
        const matrix = HEADER.replace('levels { Low 1..2 "" Moderate 3..4 "" High 6..9 "" }', `levels { Low "" Moderate "" High "" }
  matrix { Likely: Moderate High High  Possible: Low Moderate High  Rare: Low Low Moderate }`);
        const finding = await only(matrix + 'risk R-001 "Outage" { owner CTO likelihood Possible impact Severe treatment accept reviewed 2026-11-20 }', 'unaccepted-residual');
        expect(finding.message).toBe('R-001 residual High is above appetite Moderate and has no valid acceptance: add an `acceptance` by a management role, or reduce the risk.');
    });

    test.each([
        ['by CEO on 2025-05-12 until 2026-05-31 "Hire planned"', ' (the last one ran until 2026-05-31)'],
        ['by CEO on 2026-12-01 "Signed for next year"', ' (the last one takes effect on 2026-12-01)'],
        ['by CTO on 2026-10-01 "Failover too costly"', ' (the last one was given by CTO, who may not accept it)'],
        ['by CEO on 2026-10-01 level Moderate "Accepted before the supplier change"', ' (the last one accepted Moderate, a lower level)'],
        ['by CEO on 2026-10-01 level High', ' (the last one has no justification)'],
        ['level High "Failover too costly"', ' (the last one does not say `by` whom and `on` which date)'],
        ['by CEO on 2026-09-31 "Failover too costly"', ' (the last one has 2026-09-31, which is not a date)']
    ])('says why `acceptance { %s }` does not count', async (acceptance, why) => {
        const finding = await only(HEADER + `risk R-001 "Outage" { owner CTO likelihood Possible impact Severe treatment accept acceptance { ${acceptance} } reviewed 2026-11-20 }`, 'unaccepted-residual');
        expect(finding.message).toBe(`R-001 residual High (6) is above appetite Moderate and has no valid acceptance${why}: add an \`acceptance\` by a management role, or reduce the risk.`);
    });
});

describe('acceptance rules', () => {
    const risk = (acceptance: string, body = 'owner CTO likelihood Possible impact Severe') =>
        HEADER + `risk R-001 "Outage" {\n  ${body}\n  treatment accept\n  acceptance { ${acceptance} }\n  reviewed 2026-11-20\n}`;

    test('acceptance-not-authorised at major names the role and the major level, on the role', async () => {
        const finding = await only(risk('by CTO on 2026-10-01 "Failover too costly"'), 'acceptance-not-authorised');
        expect(shape(finding)).toEqual({
            severity: 'error',
            text: 'CTO',
            message: 'CTO is not a management role and may not accept R-001: its residual High is at or above the major level High. Have a role marked `management` accept it.'
        });
    });

    test('acceptance-not-authorised below major names the risk owner', async () => {
        const finding = await only(FOUR_LEVELS + 'risk R-001 "Outage" { owner CTO likelihood Possible impact Severe treatment accept acceptance { by ITManager on 2026-10-01 "Second line ordered" } reviewed 2026-11-20 }', 'acceptance-not-authorised');
        expect(shape(finding)).toEqual({
            severity: 'error',
            text: 'ITManager',
            message: "ITManager may not accept R-001's residual High: only the risk owner (CTO), a management role, or a role that `accepts High` or higher may accept it."
        });
    });

    test('acceptance-expired says until when it ran, on `until`', async () => {
        const finding = await only(risk('by CEO on 2025-05-12 until 2026-05-31 "Hire planned"'), 'acceptance-expired');
        expect(shape(finding)).toEqual({
            severity: 'warning',
            text: '2026-05-31',
            message: 'This acceptance of R-001 ran until 2026-05-31 and has lapsed as of 2026-11-23: review the risk and record a new acceptance, or treat it further.'
        });
    });

    test('acceptance-expired without `until` explains the term, on `on`', async () => {
        const finding = await only(risk('by CEO on 2025-11-01 "Failover too costly"'), 'acceptance-expired');
        expect(finding.text).toBe('2025-11-01');
        expect(finding.message).toBe('This acceptance of R-001 ran until 2026-11-01 (12 months from 2025-11-01) and has lapsed as of 2026-11-23: review the risk and record a new acceptance, or treat it further.');
    });

    test.each([
        ['2026-12-23', '30 days after the as-of date 2026-11-23'],
        ['2026-11-24', '1 day after the as-of date 2026-11-23'],
        ['2026-11-23', 'which is the as-of date']
    ])('acceptance-expiring until %s is information with the days left', async (until, left) => {
        const finding = await only(risk(`by CEO on 2026-01-01 until ${until} "Failover too costly"`), 'acceptance-expiring');
        expect(shape(finding)).toEqual({
            severity: 'info',
            text: until,
            message: `This acceptance of R-001 runs until ${until}, ${left}: plan the review and renew the acceptance before it lapses.`
        });
    });

    test('acceptance-expiring stays silent 31 days ahead', async () => {
        expect(await findingsOf(risk('by CEO on 2026-01-01 until 2026-12-24 "Failover too costly"'), ['acceptance-expiring'])).toEqual([]);
    });

    test('acceptance-outdated names both levels, on the pinned level', async () => {
        const finding = await only(risk('by CEO on 2026-10-01 level Moderate "Accepted before the supplier change"'), 'acceptance-outdated');
        expect(shape(finding)).toEqual({
            severity: 'error',
            text: 'Moderate',
            message: 'This acceptance was for Moderate, but R-001\'s residual is now High: it must be accepted again at High, or the risk reduced.'
        });
    });

    test('acceptance-unneeded is a hint on the keyword', async () => {
        const finding = await only(risk('by CEO on 2026-10-01 "Printers hold no data"', 'owner CTO likelihood Possible impact Minor'), 'acceptance-unneeded');
        expect(shape(finding)).toEqual({
            severity: 'hint',
            text: 'acceptance',
            message: 'R-001\'s residual Low is within appetite Moderate: it is acceptable without a formal acceptance; keep this one as a record or remove it.'
        });
    });

    test('within appetite, an acceptance by any role for any level is only unneeded', async () => {
        const findings = await findingsOf(risk('by ITManager on 2024-01-01 until 2024-12-31 level Low "Printers hold no data"', 'owner CTO likelihood Possible impact Noticeable'));
        expect(findings.filter(finding => finding.code !== 'unused').map(finding => finding.code)).toEqual(['acceptance-unneeded']);
    });

    test.each([
        ['by CEO on 2026-10-01 level High', 'a justification string'],
        ['level High "Failover too costly"', '`by ROLE on DATE`'],
        ['', '`by ROLE on DATE` and a justification string']
    ])('acceptance-incomplete `{ %s }` lists what is missing', async (acceptance, missing) => {
        const finding = await only(risk(acceptance), 'acceptance-incomplete');
        expect(shape(finding)).toEqual({
            severity: 'error',
            text: 'acceptance',
            message: `This acceptance lacks ${missing}: a formal acceptance records who accepted, when, and why.`
        });
    });

    test('a lapsed acceptance renewed by a valid one is history, not a finding', async () => {
        const findings = await findingsOf(HEADER + `
risk R-001 "Legacy accounting server" {
  owner CTO likelihood Likely impact Severe treatment accept
  acceptance { by CEO on 2025-07-01 until 2026-06-30 "Replacement in mid 2026" }
  acceptance { by CEO on 2026-07-01 until 2026-12-01 "Replacement slipped; decision in December" }
  reviewed 2026-11-20
}`);
        expect(findings.filter(finding => finding.code !== 'unused').map(finding => `${finding.code} ${finding.text}`)).toEqual(['acceptance-expiring 2026-12-01']);
    });
});

describe('residual and treatment rules', () => {
    test('residual-above-inherent points at the raised value', async () => {
        const finding = await only(HEADER + `
risk R-001 "Mail outage" {
  owner CTO likelihood Possible impact Minor
  treatment reduce { action "Move to the cloud" { owner CTO due 2026-10-31 status done } }
  residual likelihood Possible impact Noticeable
  reviewed 2026-11-20
}`, 'residual-above-inherent');
        expect(shape(finding)).toEqual({
            severity: 'warning',
            text: 'Noticeable',
            message: 'The residual of R-001 is higher than its inherent risk (impact 2 Noticeable > 1 Minor): treatment does not raise a risk; check both assessments.'
        });
    });

    test('residual-above-inherent covers the residual when both values are raised', async () => {
        const finding = await only(HEADER + 'risk R-001 "Wi-Fi" { owner CTO likelihood Rare impact Minor treatment accept residual likelihood Possible impact Noticeable reviewed 2026-11-20 }', 'residual-above-inherent');
        expect(finding.text).toBe('residual likelihood Possible impact Noticeable');
        expect(finding.message).toContain('(likelihood 2 Possible > 1 Rare, impact 2 Noticeable > 1 Minor)');
    });

    test('residual-unjustified says what was lowered and what would explain it', async () => {
        const finding = await only(HEADER + 'risk R-001 "Laptop loss" { owner CTO likelihood Possible impact Noticeable treatment accept residual likelihood Rare impact Noticeable reviewed 2026-11-20 }', 'residual-unjustified');
        expect(shape(finding)).toEqual({
            severity: 'warning',
            text: 'residual likelihood Rare impact Noticeable',
            message: 'The residual of R-001 is lower than its inherent risk (likelihood 1 Rare < 2 Possible), but `treatment accept` has no action to explain the reduction: add the actions that reduce it, choose `avoid` or `share`, or remove `residual`.'
        });
    });

    test('treatment-missing names the inherent level and the appetite', async () => {
        const finding = await only(HEADER + 'risk R-001 "Ransomware" { owner CTO likelihood Likely impact Severe acceptance { by CEO on 2026-10-01 "Insured" } reviewed 2026-11-20 }', 'treatment-missing');
        expect(shape(finding)).toEqual({
            severity: 'warning',
            text: 'R-001',
            message: 'R-001 inherent High (9) is above appetite Moderate and has no treatment: decide how to treat it with `treatment reduce|accept|share|avoid`.'
        });
    });

    test('action-missing on the option', async () => {
        const finding = await only(HEADER + 'risk R-001 "Laptop loss" { owner CTO likelihood Possible impact Noticeable treatment reduce reviewed 2026-11-20 }', 'action-missing');
        expect(shape(finding)).toEqual({
            severity: 'warning',
            text: 'reduce',
            message: '`treatment reduce` has no action: add `{ action "…" { owner ROLE due YYYY-MM-DD status planned } }` saying how the risk is reduced.'
        });
    });

    test.each(['share', 'transfer'])('share-without-party on `%s`', async option => {
        const finding = await only(HEADER + `risk R-001 "Fraud" { owner CTO likelihood Possible impact Noticeable treatment ${option} reviewed 2026-11-20 }`, 'share-without-party');
        expect(shape(finding)).toEqual({
            severity: 'warning',
            text: option,
            message: `\`treatment ${option}\` does not say with whom: add \`with "Party"\` (an insurer, a supplier…).`
        });
    });
});

describe('action rules', () => {
    const plan = (actions: string, status = 'treating') => HEADER + `
risk R-001 "Vulnerable library" {
  owner CTO likelihood Possible impact Noticeable
  treatment reduce {
    ${actions}
  }
  status ${status}
  reviewed 2026-11-20
}`;

    test('action-overdue on the due date, with its status and the as-of date', async () => {
        const finding = await only(plan('action AutoUpdates "Automated updates" { owner CTO due 2026-10-31 status in-progress }'), 'action-overdue');
        expect(shape(finding)).toEqual({
            severity: 'warning',
            text: '2026-10-31',
            message: 'Action AutoUpdates was due on 2026-10-31 and is still in-progress as of 2026-11-23: complete it (`status done`), re-plan its `due` date, or cancel it.'
        });
    });

    test('action-overdue for an action without status', async () => {
        const finding = await only(plan('action "SBOM" { owner CTO due 2026-11-22 }'), 'action-overdue');
        expect(finding.message).toBe('Action R-001/1 was due on 2026-11-22 and is not done as of 2026-11-23: complete it (`status done`), re-plan its `due` date, or cancel it.');
    });

    test('action-incomplete lists what is missing, on the action ID or title', async () => {
        const findings = await findingsOf(plan('action AutoUpdates "Automated updates" { owner CTO }\n    action "SBOM" { status planned }'), ['action-incomplete']);
        expect(findings.map(shape)).toEqual([
            { severity: 'warning', text: 'AutoUpdates', message: 'Action AutoUpdates has no `due`: add `due YYYY-MM-DD`; a treatment plan needs someone and a date for every action.' },
            { severity: 'warning', text: '"SBOM"', message: 'Action R-001/2 has no `owner` or `due`: add `owner ROLE` and `due YYYY-MM-DD`; a treatment plan needs someone and a date for every action.' }
        ]);
    });

    test('closed-with-open-actions lists the open actions, on the status', async () => {
        const finding = await only(plan('action "Updates" { owner CTO due 2026-12-31 status planned }\n    action SBOM "SBOM" { owner CTO due 2026-10-31 status done }\n    action Scan "Scanning" { owner CTO due 2026-12-31 }', 'closed'), 'closed-with-open-actions');
        expect(shape(finding)).toEqual({
            severity: 'warning',
            text: 'closed',
            message: 'R-001 is closed but R-001/1, Scan are still open: finish or cancel them, or reopen the risk.'
        });
    });
});

describe('review-overdue', () => {
    test('names the cadence and the date the review was due, on `reviewed`', async () => {
        const finding = await only(HEADER + 'risk R-001 "Insider" { owner CTO likelihood Rare impact Severe reviewed 2025-11-22 }', 'review-overdue');
        expect(shape(finding)).toEqual({
            severity: 'warning',
            text: '2025-11-22',
            message: 'R-001 was last reviewed on 2025-11-22; with a review every 12 months, the next one was due on 2026-11-22: review it and update `reviewed`.'
        });
    });

    test('names the level-specific cadence when it applies', async () => {
        const finding = await only(HEADER + 'risk R-001 "Outage" { owner CTO likelihood Possible impact Severe treatment accept acceptance { by CEO on 2026-10-01 "Failover too costly" } reviewed 2026-10-22 }', 'review-overdue');
        expect(finding.message).toBe('R-001 was last reviewed on 2026-10-22; with a review every 1 month for High risks, the next one was due on 2026-11-22: review it and update `reviewed`.');
    });

    test('a risk never reviewed, on its ID', async () => {
        const finding = await only(HEADER + 'risk R-001 "Insider" { owner CTO likelihood Rare impact Severe }', 'review-overdue');
        expect(shape(finding)).toEqual({
            severity: 'warning',
            text: 'R-001',
            message: 'R-001 has never been reviewed, and the method asks for a review every 12 months: review it and add `reviewed YYYY-MM-DD`.'
        });
    });
});
