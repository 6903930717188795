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
    // Section 11 is not in the grammar yet: issue #8.
    test.todo('11.1: an applicability block parses and decides every control it names');
    test.todo('11.2: roles with `accepts` parse and authorise acceptances as the section says');
});

describe('the checked-in copy of the specification', () => {
    test.skipIf(!existsSync(SHARED_SPEC))('equals ../shared/design/risk-language.md', () => {
        expect(readFileSync(SPEC, 'utf8')).toBe(readFileSync(SHARED_SPEC, 'utf8'));
    });
});
