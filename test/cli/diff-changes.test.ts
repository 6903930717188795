/**
 * `risk diff` on a real git repository made from the version-1 Acme example: every change
 * kind, with its effect and its message. Each case edits the working tree and
 * compares it with `main`; a case marked `reverse` commits its edit on a branch and
 * compares that branch (BASE) with `main` (HEAD), to test the opposite direction.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GitModel, type DiffJsonChange } from './git-model.js';

let repo: GitModel;

beforeAll(() => {
    repo = new GitModel();
});

afterAll(() => repo.dispose());

interface Case {
    readonly name: string;
    readonly edit: (repo: GitModel) => void;
    readonly expected: ReadonlyArray<Pick<DiffJsonChange, 'kind' | 'effect'> & { subject: string | string[]; message: RegExp; before?: string; after?: string }>;
    readonly reverse?: boolean;
}

const R005_RESIDUAL = '  residual likelihood Possible impact Severe\n  status treating\n  reviewed 2026-11-12';

const CASES: readonly Case[] = [
    {
        name: 'a new risk above appetite',
        edit: repo => repo.write('risks/new.risk', 'risk R-016 "Laptop theft" {\n  owner CTO\n  threat DeviceLoss\n  on Laptops\n  likelihood Likely\n  impact Severe\n  status assessed\n  reviewed 2026-11-01\n}\n'),
        expected: [{ kind: 'risk-added', subject: 'R-016', effect: 'worse', message: /^New risk R-016 "Laptop theft": residual 3 Likely × 3 Severe = 9 High \(major\), above appetite, not accepted$/ }]
    },
    {
        name: 'a risk above appetite removed, and one within appetite removed',
        edit: repo => {
            const text = repo.read('risks/people-and-suppliers.risk');
            repo.write('risks/people-and-suppliers.risk', text.slice(0, text.indexOf('risk R-005')) + text.slice(text.indexOf('risk R-007')));
            const resilience = repo.read('risks/resilience.risk');
            repo.write('risks/resilience.risk', resilience.slice(0, resilience.indexOf('risk R-013')));
        },
        expected: [
            { kind: 'risk-removed', subject: 'R-005', effect: 'worse', message: /^Risk R-005 ".*" was removed while above appetite \(2 Possible × 3 Severe = 6 High\); a risk that was dealt with is kept with `status closed`$/ },
            { kind: 'risk-removed', subject: 'R-013', effect: 'neutral', message: /^Risk R-013 ".*" was removed \(1 Rare × 3 Severe = 3 Moderate\)$/ }
        ]
    },
    {
        name: 'inherent raised above appetite (a risk without a residual of its own)',
        edit: repo => repo.replace('risks/resilience.risk', 'likelihood 1      // numbers', 'likelihood 2      // numbers'),
        expected: [
            { kind: 'inherent-raised', subject: 'R-013', effect: 'worse', before: '1 Rare × 3 Severe = 3 Moderate', after: '2 Possible × 3 Severe = 6 High', message: /^R-013's inherent risk rose from 1 Rare × 3 Severe = 3 Moderate to 2 Possible × 3 Severe = 6 High \(also its residual: the risk has no residual of its own\)$/ },
            { kind: 'now-above-appetite', subject: 'R-013', effect: 'worse', message: /^R-013 is now above appetite: residual 2 Possible × 3 Severe = 6 High, appetite is Moderate, with no valid acceptance$/ }
        ]
    },
    {
        name: 'residual raised above appetite',
        edit: repo => repo.replace('risks/people-and-suppliers.risk', '  residual likelihood Possible impact Minor\n  status closed', '  residual likelihood Possible impact Noticeable\n  status closed'),
        expected: [
            { kind: 'residual-raised', subject: 'R-009', effect: 'worse', before: '2 Possible × 1 Minor = 2 Low', after: '2 Possible × 2 Noticeable = 4 Moderate', message: /^R-009's residual risk rose from 2 Possible × 1 Minor = 2 Low to 2 Possible × 2 Noticeable = 4 Moderate$/ }
        ]
    },
    {
        name: 'inherent lowered',
        edit: repo => repo.replace('risks/people-and-suppliers.risk', '  likelihood Rare\n  impact Severe', '  likelihood Rare\n  impact Noticeable'),
        expected: [{ kind: 'inherent-lowered', subject: 'R-007', effect: 'better', before: '1 Rare × 3 Severe = 3 Moderate', after: '1 Rare × 2 Noticeable = 2 Low', message: /^R-007's inherent risk fell/ }]
    },
    {
        name: 'residual lowered below appetite',
        edit: repo => repo.replace('risks/people-and-suppliers.risk', R005_RESIDUAL, R005_RESIDUAL.replace('Possible', 'Rare')),
        expected: [
            { kind: 'residual-lowered', subject: 'R-005', effect: 'better', message: /^R-005's residual risk fell from 2 Possible × 3 Severe = 6 High to 1 Rare × 3 Severe = 3 Moderate$/ },
            { kind: 'no-longer-above-appetite', subject: 'R-005', effect: 'better', message: /^R-005 is no longer above appetite: residual 1 Rare × 3 Severe = 3 Moderate, appetite is Moderate$/ }
        ]
    },
    {
        name: 'an assessment removed',
        edit: repo => repo.replace('risks/people-and-suppliers.risk', '  likelihood Rare\n  impact Severe', '  impact Severe'),
        expected: [{ kind: 'assessment-removed', subject: 'R-007', effect: 'worse', message: /^R-007's inherent risk is no longer assessed \(was 1 Rare × 3 Severe = 3 Moderate\)/ }]
    },
    {
        name: 'an acceptance added that makes a risk accepted',
        edit: repo => repo.replace('risks/people-and-suppliers.risk', R005_RESIDUAL, `${R005_RESIDUAL}\n  acceptance {\n    by CEO on 2026-11-20\n    "Supplier change planned for 2027"\n  }`),
        expected: [{ kind: 'acceptance-added', subject: 'R-005', effect: 'better', before: 'none', after: 'by CEO on 2026-11-20: valid until 2027-11-20', message: /^R-005 gained an acceptance: by CEO on 2026-11-20: valid until 2027-11-20$/ }]
    },
    {
        name: 'an acceptance a risk relied on removed',
        edit: repo => repo.replace('risks/cyber.risk', '  acceptance {\n    by CFO on 2026-07-01 until 2027-06-30\n    level High\n    "Replacement by the cloud ERP is scheduled for June 2027; isolated network segment meanwhile"\n  }\n', ''),
        expected: [{ kind: 'acceptance-removed', subject: 'R-014', effect: 'worse', after: 'none', message: /^R-014 lost its valid acceptance \(by CFO on 2026-07-01 until 2027-06-30: valid until 2027-06-30\) and is above appetite without one$/ }]
    },
    {
        name: 'an acceptance shortened',
        edit: repo => repo.replace('risks/cyber.risk', 'by CEO on 2026-11-15 until 2027-11-15', 'by CEO on 2026-11-15 until 2027-05-15'),
        expected: [{ kind: 'acceptance-shortened', subject: 'R-001', effect: 'better', before: '2027-11-15', after: '2027-05-15', message: /^R-001's acceptance now lapses on 2027-05-15, 184 days before 2027-11-15$/ }]
    },
    {
        name: 'an acceptance extended',
        edit: repo => repo.replace('risks/cyber.risk', 'by CEO on 2026-11-15 until 2027-11-15', 'by CEO on 2026-11-15 until 2028-11-15'),
        expected: [{ kind: 'acceptance-extended', subject: 'R-001', effect: 'worse', message: /^R-001's acceptance now lasts until 2028-11-15, 366 days longer than 2027-11-15$/ }]
    },
    {
        name: 'an acceptance that no longer holds: given by a role that may not accept a major risk',
        edit: repo => repo.replace('risks/cyber.risk', 'by CFO on 2026-07-01', 'by ITManager on 2026-07-01'),
        expected: [{ kind: 'acceptance-now-invalid', subject: 'R-014', effect: 'worse', after: 'by ITManager on 2026-07-01 until 2027-06-30: not authorised', message: /^R-014's acceptance no longer holds: by ITManager on 2026-07-01 until 2027-06-30: not authorised$/ }]
    },
    {
        name: 'a lapsed acceptance renewed',
        edit: repo => repo.replace('risks/resilience.risk', 'by CEO on 2025-05-12 until 2026-05-31', 'by CEO on 2026-11-20 until 2027-05-31'),
        expected: [{ kind: 'acceptance-now-valid', subject: 'R-011', effect: 'better', message: /^R-011's acceptance now holds: by CEO on 2026-11-20 until 2027-05-31: valid until 2027-05-31$/ }]
    },
    {
        name: 'a treatment changed',
        edit: repo => repo.replace('risks/resilience.risk', '  controls A.8.14, A.5.30\n  likelihood Possible\n  impact Severe\n  treatment accept', '  controls A.8.14, A.5.30\n  likelihood Possible\n  impact Severe\n  treatment share with "Insurer"'),
        expected: [{ kind: 'treatment-changed', subject: 'R-003', effect: 'neutral', before: 'accept', after: 'share with Insurer', message: /^R-003's treatment changed from accept to share with Insurer$/ }]
    },
    {
        name: 'actions added, removed, postponed, cancelled and done',
        edit: repo => {
            repo.replace('risks/cyber.risk', 'due 2026-12-31\n      status in-progress', 'due 2027-03-31\n      status in-progress');
            repo.replace('risks/cyber.risk', '      owner CISO  due 2027-03-31  status planned  controls A.6.3\n', '      owner CISO  due 2027-03-31  status cancelled  controls A.6.3\n');
            repo.replace('risks/cyber.risk', 'owner DevOpsLead  due 2027-01-15  status in-progress', 'owner DevOpsLead  due 2027-01-15  status done');
            repo.replace('risks/cyber.risk', '    action AutoUpdates', '    action Pentest "Yearly penetration test" { owner SecurityLead due 2027-04-30 }\n    action AutoUpdates');
            repo.replace('risks/people-and-suppliers.risk', `    action HelpdeskSSO "Enforce single sign-on with MFA for the ticketing tool" {
      owner SupportLead  due 2027-02-28  status planned  controls A.5.23, A.8.5
    }
`, '');
        },
        expected: [
            { kind: 'action-postponed', subject: ['R-001', 'MFA'], effect: 'worse', before: '2026-12-31', after: '2027-03-31', message: /^R-001's action MFA is now due 2027-03-31 \(was 2026-12-31\)$/ },
            { kind: 'action-cancelled', subject: ['R-001', 'Drills'], effect: 'worse', message: /^R-001's action Drills "Quarterly phishing drills" was cancelled \(was planned\)$/ },
            { kind: 'action-done', subject: ['R-004', 'BucketPolicyChecks'], effect: 'better', message: /is done \(was in-progress\)$/ },
            { kind: 'action-added', subject: ['R-006', 'Pentest'], effect: 'better', message: /^R-006 has a new action Pentest "Yearly penetration test" \(planned, due 2027-04-30\)$/ },
            { kind: 'action-removed', subject: ['R-005', 'HelpdeskSSO'], effect: 'worse', message: /^R-005's open action HelpdeskSSO ".*" was removed before it was done$/ }
        ]
    },
    {
        name: 'existing controls added and removed',
        edit: repo => repo.replace('risks/cyber.risk', 'controls A.5.17, A.6.3, MailFilter', 'controls A.5.17, A.6.3, A.8.5'),
        expected: [
            { kind: 'control-removed', subject: 'R-001', effect: 'worse', message: /^R-001 no longer lists MailFilter among its existing controls$/ },
            { kind: 'control-added', subject: 'R-001', effect: 'better', message: /^R-001 now lists A.8.5 among its existing controls$/ }
        ]
    },
    {
        name: 'an owner changed',
        edit: repo => repo.replace('risks/people-and-suppliers.risk', 'risk R-007 "Support agent exfiltrates customer records" {\n  owner CISO', 'risk R-007 "Support agent exfiltrates customer records" {\n  owner SecurityLead'),
        expected: [{ kind: 'owner-changed', subject: 'R-007', effect: 'neutral', before: 'CISO', after: 'SecurityLead', message: /^R-007's owner changed from CISO to SecurityLead$/ }]
    },
    {
        name: 'appetite raised, and what it masks',
        edit: repo => repo.replace('method.risk', 'appetite Moderate', 'appetite High'),
        expected: [
            { kind: 'appetite-raised', subject: 'method', effect: 'worse', before: 'Moderate', after: 'High', message: /^The method's appetite was raised from Moderate to High: fewer residual risks count as above appetite$/ },
            { kind: 'masked-by-method-change', subject: 'R-005', effect: 'worse', message: /^R-005 would be above appetite without a valid acceptance under the base method \(appetite is Moderate\); the method change, not its treatment, made it acceptable$/ },
            { kind: 'masked-by-method-change', subject: 'R-011', effect: 'worse', message: /^R-011 would be above appetite/ },
            { kind: 'no-longer-above-appetite', subject: 'R-005', effect: 'neutral', message: /, only because the method changed$/ }
        ]
    },
    {
        name: 'appetite lowered',
        edit: repo => repo.replace('method.risk', 'appetite Moderate', 'appetite Low'),
        expected: [
            { kind: 'appetite-lowered', subject: 'method', effect: 'better', message: /^The method's appetite was lowered from Moderate to Low: more residual risks count as above appetite$/ },
            { kind: 'now-above-appetite', subject: 'R-013', effect: 'worse', message: /^R-013 is now above appetite/ }
        ]
    },
    {
        name: 'major lowered',
        edit: repo => repo.replace('method.risk', 'major High ', 'major Moderate '),
        expected: [{ kind: 'major-lowered', subject: 'method', effect: 'better', message: /^The method's major was lowered from High to Moderate: more risks need a management role to accept them$/ }]
    },
    {
        name: 'major raised (BASE has major Moderate)',
        reverse: true,
        edit: repo => repo.replace('method.risk', 'major High ', 'major Moderate '),
        expected: [{ kind: 'major-raised', subject: 'method', effect: 'worse', before: 'Moderate', after: 'High', message: /^The method's major was raised from Moderate to High: fewer risks need a management role to accept them$/ }]
    },
    {
        name: 'bands changed so that a score maps to a lower level',
        edit: repo => {
            repo.replace('method.risk', 'Moderate  3..4 ', 'Moderate  3..6 ');
            repo.replace('method.risk', 'High      6..9 ', 'High      7..9 ');
        },
        expected: [{ kind: 'levels-changed', subject: 'method', effect: 'worse', after: 'likelihood × impact; Low 1..2, Moderate 3..6, High 7..9', message: /^Scores now map to a lower level: score 6: High → Moderate\.$/ }]
    },
    {
        name: 'a scale value described differently',
        edit: repo => repo.replace('method.risk', '"Less than once every 3 years"', '"Less than once every 5 years"'),
        expected: [{ kind: 'scale-changed', subject: 'method', effect: 'neutral', message: /^The method's scales changed: likelihood 1 Rare now described "Less than once every 5 years"/ }]
    },
    {
        name: 'the acceptance term made longer',
        edit: repo => repo.replace('method.risk', 'lasts 12 months', 'lasts 24 months'),
        expected: [{ kind: 'acceptance-term-changed', subject: 'method', effect: 'worse', before: '12 months', after: '24 months', message: /^Acceptances without `until` now last 24 months instead of 12 months: accepted risks go longer without a new decision$/ }]
    },
    {
        name: 'a review cadence made longer',
        edit: repo => repo.replace('method.risk', 'review High every 1 month', 'review High every 3 months'),
        expected: [{ kind: 'review-cadence-changed', subject: 'method', effect: 'worse', message: /^Review cadence changed: reviewed less often: High risks every 3 months \(was 1 month\)$/ }]
    },
    {
        name: 'a declaration added and one removed',
        edit: repo => {
            repo.write('threats.risk', `${repo.read('threats.risk')}\nthreat Earthquake "Earthquake" { source environmental }\n`);
            repo.replace('roles.risk', 'role HRManager    "Head of People"\n', '');
        },
        expected: [
            { kind: 'declaration-added', subject: 'Earthquake', effect: 'neutral', message: /^Threat Earthquake was added$/ },
            { kind: 'declaration-removed', subject: 'HRManager', effect: 'neutral', message: /^Role HRManager was removed$/ }
        ]
    }
];

describe('every change kind, with its effect and message', () => {
    for (const item of CASES) {
        test(item.name, async () => {
            repo.reset();
            let args = ['main'];
            if (item.reverse) {
                repo.git('checkout', '-q', '-b', 'variant');
                item.edit(repo);
                repo.commit('variant');
                repo.git('checkout', '-q', 'main');
                args = ['variant', 'main'];
            } else {
                item.edit(repo);
            }
            try {
                const diff = await repo.diffJson(args);
                for (const expected of item.expected) {
                    const found = diff.changes.filter(change => change.kind === expected.kind && JSON.stringify(change.subject) === JSON.stringify(expected.subject));
                    expect(found, `${expected.kind} ${JSON.stringify(expected.subject)} in ${JSON.stringify(diff.changes.map(change => [change.kind, change.subject]))}`).toHaveLength(1);
                    const [change] = found;
                    expect(change.effect).toBe(expected.effect);
                    expect(change.message).toMatch(expected.message);
                    if (expected.before !== undefined) expect(change.before).toBe(expected.before);
                    if (expected.after !== undefined) expect(change.after).toBe(expected.after);
                    expect(change.file === null || typeof change.line === 'number').toBe(true);
                }
            } finally {
                if (item.reverse) {
                    repo.git('branch', '-q', '-D', 'variant');
                }
            }
        });
    }
});
