/**
 * Every ```risk example of the product specification parses and validates exactly as
 * the specification says. The examples are read from the specification itself, so a
 * change there is checked here.
 *
 * Sections 2, 3.1 + 3.2 + 3.4 (one method block in three pieces) and 4–7 form one
 * model, the full example of section 7; section 3.3 is a model of its own.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkTexts, type Finding } from '../helpers/check-model.js';

// The specification lives beside the repository (../shared/design). A copy is checked in so the
// tests run in any clone; where the original is present, the copy must still equal it.
const SHARED_SPEC = join(import.meta.dirname, '../../../shared/design/risk-language.md');
const SPEC = join(import.meta.dirname, '../resources/spec/risk-language.md');

/** The ```risk blocks of the specification, by the number of the section they are in. */
function examplesBySection(): Map<string, string[]> {
    const bySection = new Map<string, string[]>();
    let section = '';
    let block: string[] | undefined;
    for (const line of readFileSync(SPEC, 'utf8').split(/\r?\n/)) {
        if (block) {
            if (line.startsWith('```')) {
                bySection.set(section, [...bySection.get(section) ?? [], block.join('\n') + '\n']);
                block = undefined;
            } else {
                block.push(line);
            }
        } else if (line.startsWith('```risk')) {
            block = [];
        } else {
            const heading = /^#{2,3} (\d+(?:\.\d+)?)\.? /.exec(line);
            if (heading) {
                section = heading[1];
            }
        }
    }
    return bySection;
}

const examples = examplesBySection();
const example = (section: string): string => {
    const blocks = examples.get(section);
    expect(blocks, `section ${section} has one risk example`).toHaveLength(1);
    return blocks![0];
};

const AS_OF = '2026-11-23';

function summary(findings: readonly Finding[]): string[] {
    return findings.map(finding => `${finding.file}:${finding.line} ${finding.severity} ${finding.code} ${finding.text}`);
}

describe('the specification\'s examples', () => {
    test('are where this test expects them', () => {
        expect([...examples.keys()]).toEqual(['2', '3.1', '3.2', '3.3', '3.4', '4', '5', '6', '7', '11.1', '11.2']);
        expect([...examples.values()].every(blocks => blocks.length === 1)).toBe(true);
    });

    const fullModel = (): string => ['2', '3.1', '3.2', '3.4', '4', '5', '6', '7'].map(example).join('\n');

    test('sections 2–7 as one file: no errors, no warnings; only `unused` hints for Outage and MailFilter', async () => {
        const text = fullModel();
        const { findings } = await checkTexts({ 'acme.risk': text }, AS_OF);
        const lines = text.split('\n');
        const lineOf = (prefix: string) => lines.findIndex(line => line.startsWith(prefix)) + 1;
        expect(summary(findings)).toEqual([
            `acme.risk:${lineOf('threat Outage')} hint unused Outage`,
            `acme.risk:${lineOf('control MailFilter')} hint unused MailFilter`
        ]);
        expect(lineOf('threat Outage')).toBeGreaterThan(0);
    });

    test('sections 2–7 as one file per section: references resolve across files, same result', async () => {
        const files = {
            'roles.risk': example('2'),
            'method.risk': ['3.1', '3.2', '3.4'].map(example).join(''),
            'scope.risk': example('4'),
            'assets.risk': example('5'),
            'threats.risk': example('6'),
            'risks/R-001.risk': example('7')
        };
        const { findings } = await checkTexts(files, AS_OF);
        expect(summary(findings).map(line => line.replace(/:\d+ /, ' '))).toEqual([
            'threats.risk hint unused Outage',
            'threats.risk hint unused MailFilter'
        ]);
    });

    test('R-001: inherent 9 High, residual 6 High, above appetite, acceptance valid on 2026-11-23', async () => {
        const { model } = await checkTexts(fullModel(), AS_OF);
        const evaluation = model.evaluation();
        expect(evaluation.asOf).toBe(AS_OF);
        expect(evaluation.risks).toHaveLength(1);
        const [r001] = evaluation.risks;
        expect(r001.risk.name).toBe('R-001');
        expect(r001.inherent).toMatchObject({ likelihood: { value: 3, name: 'Likely' }, impact: { value: 3, name: 'Severe' }, score: 9, level: { name: 'High' } });
        expect(r001.residual).toMatchObject({ likelihood: { value: 2, name: 'Possible' }, impact: { value: 3, name: 'Severe' }, score: 6, level: { name: 'High' } });
        expect(r001.hasExplicitResidual).toBe(true);
        expect(r001.inherentAboveAppetite).toBe(true);
        expect(r001.aboveAppetite).toBe(true);
        expect(r001.major).toBe(true);
        expect(r001.acceptances).toHaveLength(1);
        expect(r001.acceptances[0]).toMatchObject({ complete: true, lapses: '2027-11-15', expired: false, notYetEffective: false, authorised: true, outdated: false, valid: true });
        expect(r001.accepted).toBe(true);
        expect(r001.scope?.name).toBe('Platform');
        expect(r001.harms.map(asset => asset.name)).toEqual(['CustomerData']);
        expect(r001.harmsDerived).toBe(false);
        expect(r001.actions.map(action => `${action.id} open=${action.open} overdue=${action.overdue}`)).toEqual(['MFA open=true overdue=false', 'Drills open=true overdue=false']);
        // `review High every 1 month`: reviewed 2026-11-01, due 2026-12-01.
        expect(r001.reviewDue).toBe('2026-12-01');
        expect(r001.reviewOverdue).toBe(false);
    });

    test('the method of sections 3.1–3.4: 3x3 product, reachable scores 1, 2, 3, 4, 6, 9', async () => {
        const { model } = await checkTexts(fullModel(), AS_OF);
        const method = model.evaluation().method!;
        expect(method.form).toBe('banded');
        expect(method.reachableScores()).toEqual([1, 2, 3, 4, 6, 9]);
        expect(method.levels.map(level => level.name)).toEqual(['Low', 'Moderate', 'High']);
        expect(method.appetite?.name).toBe('Moderate');
        expect(method.major?.name).toBe('High');
        expect(method.acceptanceTerm).toEqual({ amount: 12, unit: 'months' });
    });

    test('R-001\'s acceptance is not valid before `on` nor after `until`', async () => {
        const validOn = async (asOf: string) => (await checkTexts(fullModel(), asOf)).model.evaluation().risks[0].accepted;
        expect(await validOn('2026-11-14')).toBe(false);
        expect(await validOn('2026-11-15')).toBe(true);
        expect(await validOn('2027-11-15')).toBe(true);
        expect(await validOn('2027-11-16')).toBe(false);
    });

    test('section 3.3 (matrix form) on its own: no diagnostics, a level and no score', async () => {
        const { model, findings } = await checkTexts({ 'matrix.risk': example('3.3') }, AS_OF);
        expect(summary(findings)).toEqual([]);
        const method = model.evaluation().method!;
        expect(method.form).toBe('matrix');
        expect(method.assess(3, 3)).toEqual({ level: expect.objectContaining({ name: 'Critical' }) });
        expect(method.major?.name).toBe('Critical');
    });

    test('a risk scored with the matrix of section 3.3 gets its level from the matrix', async () => {
        const risk = `
role Owner "Service owner"
risk R-1 "Region outage" {
  owner Owner
  likelihood Medium impact High
  treatment reduce { action "Multi-region failover" { owner Owner due 2027-06-30 status planned } }
  residual likelihood Low impact High
  reviewed 2026-11-01
}`;
        const { model, findings } = await checkTexts({ 'matrix.risk': example('3.3'), 'risk.risk': risk }, AS_OF);
        expect(summary(findings)).toEqual([]);
        const [evaluation] = model.evaluation().risks;
        expect(evaluation.inherent?.level?.name).toBe('High');
        expect(evaluation.inherent?.score).toBeUndefined();
        expect(evaluation.residual?.level?.name).toBe('Moderate');
        expect(evaluation.aboveAppetite).toBe(false);
    });
});

describe('the specification\'s version-2 examples (section 11)', () => {
    const fullModel = (): string => ['2', '3.1', '3.2', '3.4', '4', '5', '6', '7'].map(example).join('\n');

    test('11.1: an applicability block parses and decides every control it names', async () => {
        const text = fullModel() + example('11.1');
        const { model, findings } = await checkTexts({ 'acme.risk': text }, AS_OF);
        const lineOf = (prefix: string) => text.split('\n').findIndex(line => line.startsWith(prefix)) + 1;
        // No error, no warning: the two unused hints of section 7, and the controls still undecided, once, on the block.
        expect(summary(findings)).toEqual([
            `acme.risk:${lineOf('threat Outage')} hint unused Outage`,
            `acme.risk:${lineOf('control MailFilter')} hint unused MailFilter`,
            `acme.risk:${lineOf('applicability')} info soa-undecided applicability`
        ]);
        const { applicability } = model.evaluation();
        const decision = (id: string) => applicability.controlOf(id)?.decision;
        expect(['A.7.1', 'A.7.2', 'A.7.3', 'A.7.4', 'A.8.19'].map(decision)).toEqual(Array(5).fill('excluded'));
        expect(['A.5.31', 'A.5.1', 'A.5.2'].map(decision)).toEqual(Array(3).fill('included'));
        // Included through R-001 (controls, actions) and the own control MailFilter.
        expect(['A.5.17', 'A.6.3', 'A.8.5', 'A.8.23'].map(decision)).toEqual(Array(4).fill('included'));
        expect(applicability.undecided).toHaveLength(93 - 5 - 3 - 4);
        expect(findings.find(finding => finding.code === 'soa-undecided')?.message).toMatch(/^81 Annex A controls have no decision yet \(A\.5\.3, A\.5\.4, /);
        expect(applicability.controlOf('A.7.1')?.excludedBy[0].justification).toBe('Fully remote company: no premises in scope');
    });

    test('11.2: roles with `accepts` parse and authorise acceptances as the section says', async () => {
        const risk = (id: string, likelihood: string, impact: string, by: string) => `
risk ${id} "Scenario ${id}" {
  owner ITManager
  likelihood ${likelihood} impact ${impact}
  treatment accept
  acceptance { by ${by} on 2026-11-01 "Accepted at the committee of 2026-11-01" }
  reviewed 2026-11-01
}`;
        const files = {
            'method.risk': example('3.3'),
            'roles.risk': example('11.2') + 'role ITManager "IT Manager"\n',
            'risks.risk': [
                risk('R-1', 'High', 'Medium', 'SecurityCommittee'), // High: below major Critical, at the committee's level
                risk('R-2', 'High', 'High', 'SecurityCommittee'), // Critical: major, management only
                risk('R-3', 'High', 'High', 'Board')
            ].join('')
        };
        const { model, findings } = await checkTexts(files, AS_OF);
        expect(summary(findings).map(line => line.replace(/:\d+ /, ' '))).toEqual([
            'risks.risk error unaccepted-residual R-2',
            'risks.risk error acceptance-not-authorised SecurityCommittee'
        ]);
        const accepted = (id: string) => model.evaluation().risks.find(candidate => candidate.risk.name === id)?.accepted;
        expect([accepted('R-1'), accepted('R-2'), accepted('R-3')]).toEqual([true, false, true]);
    });

    test('11.2: `longest` and an acceptance whose `until` is before `on`', async () => {
        const method = example('3.1') + example('3.2') + '  accept { appetite Moderate major High longest 24 months }\n}\n';
        const { model, findings } = await checkTexts({
            'method.risk': method,
            'model.risk': example('2') + `
risk R-1 "Too long" { owner CISO likelihood Likely impact Severe treatment accept
  acceptance { by CEO on 2026-01-01 until 2028-06-30 "Until the redesign" } reviewed 2026-11-01 }
risk R-2 "Backwards" { owner CISO likelihood Likely impact Severe treatment accept
  acceptance { by CEO on 2026-11-15 until 2026-11-14 "Until the redesign" } reviewed 2026-11-01 }`
        }, AS_OF);
        expect(summary(findings).filter(line => !line.includes(' unused ')).map(line => line.replace(/:\d+ /, ' '))).toEqual([
            'model.risk warning acceptance-too-long 2028-06-30',
            'model.risk error unaccepted-residual R-2',
            'model.risk error acceptance-period-invalid 2026-11-14'
        ]);
        expect(model.evaluation().risks.map(risk => risk.accepted)).toEqual([true, false]);
    });

    test('11.3–11.5: several treatments, a deferral, a residual value alone, several threats, affects, tags, completed, identified', async () => {
        const method = example('3.1') + example('3.2') + '  accept { appetite Moderate major High }\n  treat High within 30 days\n}\n';
        const { model, findings } = await checkTexts({
            'method.risk': method,
            'model.risk': example('2') + example('5') + `
threat Phishing "Phishing" { tags "people" }
threat Insider "Malicious insider"
risk R-1 "Combined treatment" {
  owner ITManager
  threat Phishing, Insider
  on AdminAccounts
  affects confidentiality, integrity
  likelihood Likely impact Severe
  identified 2026-11-10
  treatment reduce { action MFA "MFA" { owner SecurityLead due 2026-12-01 status done completed 2026-11-20 } }
  treatment share with "Cyber insurer"
  residual likelihood Rare
  tags "gdpr", "supplier"
  reviewed 2026-11-20
}
risk R-2 "Deferred" {
  owner ITManager
  likelihood Possible impact Noticeable
  treatment defer until 2027-03-31 "Budget decision in Q1"
  reviewed 2026-11-20
}`
        }, AS_OF);
        expect(summary(findings).filter(line => !line.includes(' unused '))).toEqual([]);
        const [r1, r2] = model.evaluation().risks;
        expect(r1.risk.threats.map(threat => threat.ref?.name)).toEqual(['Phishing', 'Insider']);
        expect(r1.risk.treatments.map(treatment => treatment.option)).toEqual(['reduce', 'share']);
        expect(r1.residual).toMatchObject({ likelihood: { name: 'Rare' }, impact: { name: 'Severe' }, score: 3, level: { name: 'Moderate' } });
        expect(r1.actions[0].timeliness).toBe('on time');
        expect(r1.treatmentLate).toBeUndefined();
        expect(r1.impactUnderstated).toBeUndefined();
        expect(r1.risk.tags).toEqual(['gdpr', 'supplier']);
        expect(r2.deferral).toMatchObject({ lapsed: false });
        expect(r2.deferral?.treatment).toMatchObject({ until: '2027-03-31', reason: 'Budget decision in Q1' });
    });
});

describe('the checked-in copy of the specification', () => {
    test.skipIf(!existsSync(SHARED_SPEC))('equals ../shared/design/risk-language.md', () => {
        expect(readFileSync(SPEC, 'utf8')).toBe(readFileSync(SHARED_SPEC, 'utf8'));
    });
});
