/**
 * Scoring (specification section 3): how a likelihood and an impact become a score
 * and a level, ranks, appetite, `major`, review cadence and the acceptance term.
 */
import { describe, expect, test } from 'vitest';
import type { MethodModel } from '../../../language/evaluation/method-model.js';
import { checkTexts } from '../../helpers/check-model.js';
import { SPEC_METHOD as SPEC_SECTIONS_METHOD } from '../../helpers/spec-models.js';

/** The analysed method of a model, and the model's findings (a valid method has none). */
async function methodOf(text: string): Promise<{ method: MethodModel; codes: string[] }> {
    const { model, findings } = await checkTexts(text);
    const method = model.evaluation().method;
    expect(method, 'the model has a method').toBeDefined();
    return { method: method!, codes: findings.map(finding => finding.code) };
}

/** The text with one change; a change that matches nothing fails the test instead of testing nothing. */
function edited(text: string, from: string | RegExp, to: string): string {
    const result = text.replace(from, to);
    expect(result, `${String(from)} changes the text`).not.toBe(text);
    return result;
}

/** `{ "1x1": "1 Low", … }`: score and level name of every likelihood/impact pair. */
function table(method: MethodModel): Record<string, string> {
    const cells: Record<string, string> = {};
    for (const likelihood of method.likelihood) {
        for (const impact of method.impact) {
            const { score, level } = method.assess(likelihood.value, impact.value);
            cells[`${likelihood.value}x${impact.value}`] = `${score ?? '-'} ${level?.name ?? '?'}`;
        }
    }
    return cells;
}

// Sections 3.1, 3.2 and 3.4 of the specification, put together.
const SPEC_METHOD = `\n${SPEC_SECTIONS_METHOD}`;

const SPEC_MATRIX_METHOD = `
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

const SCALES_3X3 = `
  scale likelihood { 1 Rare "" 2 Possible "" 3 Likely "" }
  scale impact { 1 Minor "" 2 Noticeable "" 3 Severe "" }`;

describe('banded product (the specification\'s 3x3)', () => {
    test('scores likelihood × impact and finds the band of each score', async () => {
        const { method, codes } = await methodOf(SPEC_METHOD);
        expect(codes).toEqual([]);
        expect(method.form).toBe('banded');
        expect(method.operator).toBe('*');
        expect(table(method)).toEqual({
            '1x1': '1 Low', '1x2': '2 Low', '1x3': '3 Moderate',
            '2x1': '2 Low', '2x2': '4 Moderate', '2x3': '6 High',
            '3x1': '3 Moderate', '3x2': '6 High', '3x3': '9 High'
        });
    });

    test('reachable scores are 1, 2, 3, 4, 6, 9; 5, 7 and 8 need no band', async () => {
        const { method, codes } = await methodOf(SPEC_METHOD);
        expect(method.reachableScores()).toEqual([1, 2, 3, 4, 6, 9]);
        // 5 lies between the Moderate and High bands and is never produced; 7 and 8 happen to lie in High.
        expect([5, 7, 8].map(score => method.levelForScore(score)?.name)).toEqual([undefined, 'High', 'High']);
        expect(codes).not.toContain('level-uncovered');
    });

    test('scales are ordered by number whatever the order they are written in', async () => {
        const { method } = await methodOf(edited(SPEC_METHOD, /1 Rare .*\n(.*\n)(.*\n)/, '$2$1    1 Rare ""\n'));
        expect(method.likelihood.map(value => `${value.value} ${value.name}`)).toEqual(['1 Rare', '2 Possible', '3 Likely']);
    });

    test('`score` defaults to likelihood × impact', async () => {
        const { method, codes } = await methodOf(`method "No score line" {${SCALES_3X3}
  levels { Low 1..2 "" Moderate 3..4 "" High 6..9 "" }
  accept { appetite Moderate }
}`);
        expect(codes).toEqual([]);
        expect(method.operator).toBe('*');
        expect(method.assess(3, 2)).toMatchObject({ score: 6, level: { name: 'High' } });
    });
});

describe('banded sum', () => {
    const SUM = `method "Additive" {${SCALES_3X3}
  score likelihood + impact
  levels { Low 2..3 "" Moderate 4..4 "" High 5..6 "" }
  accept { appetite Moderate }
}`;

    test('scores likelihood + impact', async () => {
        const { method, codes } = await methodOf(SUM);
        expect(codes).toEqual([]);
        expect(method.operator).toBe('+');
        expect(table(method)).toEqual({
            '1x1': '2 Low', '1x2': '3 Low', '1x3': '4 Moderate',
            '2x1': '3 Low', '2x2': '4 Moderate', '2x3': '5 High',
            '3x1': '4 Moderate', '3x2': '5 High', '3x3': '6 High'
        });
    });

    test('reachable scores are 2 to 6', async () => {
        const { method } = await methodOf(SUM);
        expect(method.reachableScores()).toEqual([2, 3, 4, 5, 6]);
    });
});

describe('matrix method (specification 3.3)', () => {
    test('every cell of the table', async () => {
        const { method, codes } = await methodOf(SPEC_MATRIX_METHOD);
        expect(codes).toEqual([]);
        expect(method.form).toBe('matrix');
        // Rows are written High, Medium, Low; cells in ascending impact order.
        expect(table(method)).toEqual({
            '1x1': '- Low', '1x2': '- Low', '1x3': '- Moderate',
            '2x1': '- Low', '2x2': '- Moderate', '2x3': '- High',
            '3x1': '- Moderate', '3x2': '- High', '3x3': '- Critical'
        });
    });

    test('has no numeric score', async () => {
        const { method } = await methodOf(SPEC_MATRIX_METHOD);
        expect(method.score(3, 3)).toBeUndefined();
        expect(method.assess(3, 3).score).toBeUndefined();
        expect(method.reachableScores()).toEqual([]);
    });

    test('rows labelled by number mean the same as rows labelled by name', async () => {
        const { method, codes } = await methodOf(edited(edited(SPEC_MATRIX_METHOD, 'High:', '3:'), 'Low:', '1:'));
        expect(codes).toEqual([]);
        expect(method.assess(3, 3).level?.name).toBe('Critical');
        expect(method.assess(1, 3).level?.name).toBe('Moderate');
    });

    test('ranks, appetite and major', async () => {
        const { method } = await methodOf(SPEC_MATRIX_METHOD);
        expect(method.levels.map(level => `${method.rank(level)} ${level.name}`)).toEqual(['0 Low', '1 Moderate', '2 High', '3 Critical']);
        expect(method.appetite?.name).toBe('Moderate');
        expect(method.major?.name).toBe('Critical');
        expect(method.levels.map(level => method.isAboveAppetite(level))).toEqual([false, false, true, true]);
        expect(method.levels.map(level => method.isMajor(level))).toEqual([false, false, false, true]);
    });
});

describe('5x5 product', () => {
    const FIVE = `method "Acme 5x5" {
  scale likelihood { 1 Rare "" 2 Unlikely "" 3 Possible "" 4 Likely "" 5 Certain "" }
  scale impact { 1 Minor "" 2 Moderate "" 3 Major "" 4 Severe "" 5 Critical "" }
  levels { Low 1..4 "" Medium 5..10 "" High 12..16 "" Extreme 20..25 "" }
  accept { appetite Medium }
}`;

    test('reachable scores, and no band needed for 7, 11, 13, 14, 17–19, 21–24', async () => {
        const { method, codes } = await methodOf(FIVE);
        expect(codes).toEqual([]);
        expect(method.reachableScores()).toEqual([1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 15, 16, 20, 25]);
    });

    test('scores and levels', async () => {
        const { method } = await methodOf(FIVE);
        const cell = (likelihood: number, impact: number) => {
            const { score, level } = method.assess(likelihood, impact);
            return `${score} ${level?.name}`;
        };
        expect(cell(1, 1)).toBe('1 Low');
        expect(cell(2, 2)).toBe('4 Low');
        expect(cell(1, 5)).toBe('5 Medium');
        expect(cell(5, 2)).toBe('10 Medium');
        expect(cell(4, 3)).toBe('12 High');
        expect(cell(4, 4)).toBe('16 High');
        expect(cell(5, 4)).toBe('20 Extreme');
        expect(cell(5, 5)).toBe('25 Extreme');
        const counts: Record<string, number> = {};
        for (const label of Object.values(table(method))) {
            const name = label.split(' ')[1];
            counts[name] = (counts[name] ?? 0) + 1;
        }
        expect(counts).toEqual({ Low: 8, Medium: 9, High: 5, Extreme: 3 });
    });

    test('major defaults to the highest level', async () => {
        const { method } = await methodOf(FIVE);
        expect(method.major?.name).toBe('Extreme');
        expect(method.isMajor(method.levelForScore(16))).toBe(false);
        expect(method.isMajor(method.levelForScore(20))).toBe(true);
    });
});

describe('levels, ranks, appetite and major', () => {
    test('ranks follow the order the levels are listed in, lowest first', async () => {
        const { method } = await methodOf(SPEC_METHOD);
        expect(method.levels.map(level => method.rank(level))).toEqual([0, 1, 2]);
        expect(method.rank(undefined)).toBeUndefined();
    });

    test('a level of another model has no rank here', async () => {
        const { method } = await methodOf(SPEC_METHOD);
        const { method: other } = await methodOf(SPEC_MATRIX_METHOD);
        expect(method.rank(other.levels[0])).toBeUndefined();
        expect(method.isAboveAppetite(other.levels[3])).toBe(false);
    });

    test('above appetite means ranked higher than the appetite', async () => {
        const { method } = await methodOf(SPEC_METHOD);
        const [low, moderate, high] = method.levels;
        expect([low, moderate, high].map(level => method.isAboveAppetite(level))).toEqual([false, false, true]);
        expect(method.isAboveAppetite(undefined)).toBe(false);
    });

    test('major: at or above the `major` level', async () => {
        const { method } = await methodOf(edited(SPEC_METHOD, 'major High', 'major Moderate'));
        expect(method.major?.name).toBe('Moderate');
        expect(method.levels.map(level => method.isMajor(level))).toEqual([false, true, true]);
    });

    test('major defaults to the highest level; without appetite nothing is above it', async () => {
        const { method, codes } = await methodOf(edited(SPEC_METHOD, /accept \{[^}]*\}/, 'accept { lasts 6 months }'));
        expect(codes).toEqual(['appetite-missing']);
        expect(method.appetite).toBeUndefined();
        expect(method.major?.name).toBe('High');
        expect(method.levels.map(level => method.isAboveAppetite(level))).toEqual([false, false, false]);
    });

    test('a band written backwards still holds its scores (and is reported)', async () => {
        const { method, codes } = await methodOf(edited(SPEC_METHOD, '6..9', '9..6'));
        expect(codes).toEqual(['level-overlap']);
        expect(method.levelForScore(6)?.name).toBe('High');
        expect(method.levelForScore(9)?.name).toBe('High');
    });

    test('non-positive scale values produce no score a band must cover (the value is reported)', async () => {
        const { method, codes } = await methodOf(edited(SPEC_METHOD, '1 Rare ', '0 Never "" 1 Rare '));
        expect(codes).toEqual(['scale-invalid']);
        expect(method.reachableScores()).toEqual([1, 2, 3, 4, 6, 9]);
    });
});

describe('review cadence', () => {
    test('a level-specific line wins over the general one', async () => {
        const { method } = await methodOf(SPEC_METHOD);
        const [low, moderate, high] = method.levels;
        expect(method.reviewCadence(high)).toEqual({ amount: 1, unit: 'month' });
        expect(method.reviewCadence(moderate)).toEqual({ amount: 12, unit: 'months' });
        expect(method.reviewCadence(low)).toEqual({ amount: 12, unit: 'months' });
    });

    test('the general line applies to a risk without a level', async () => {
        const { method } = await methodOf(SPEC_METHOD);
        expect(method.reviewCadence(undefined)).toEqual({ amount: 12, unit: 'months' });
    });

    test('without a general line only the named levels have a cadence', async () => {
        const { method } = await methodOf(edited(SPEC_METHOD, 'review every 12 months', ''));
        const [low, , high] = method.levels;
        expect(method.reviewCadence(high)).toEqual({ amount: 1, unit: 'month' });
        expect(method.reviewCadence(low)).toBeUndefined();
    });

    test('a line written twice counts the last time (and is reported)', async () => {
        const { method, codes } = await methodOf(edited(SPEC_METHOD, '  review High every 1 month', '  review High every 1 week\n  review every 6 months\n  review High every 1 month'));
        expect(codes).toEqual(['duplicate-property', 'duplicate-property']);
        const [low, , high] = method.levels;
        expect(method.reviewCadence(high)).toEqual({ amount: 1, unit: 'month' });
        expect(method.reviewCadence(low)).toEqual({ amount: 6, unit: 'months' });
    });

    test('without review lines there is no cadence', async () => {
        const { method } = await methodOf(edited(SPEC_METHOD, / {2}review .*\n/g, ''));
        expect(method.levels.map(level => method.reviewCadence(level))).toEqual([undefined, undefined, undefined]);
    });

    test('the line order does not matter', async () => {
        const { method } = await methodOf(edited(SPEC_METHOD, '  review every 12 months\n  review High every 1 month', '  review High every 2 weeks\n  review every 1 year'));
        const [low, , high] = method.levels;
        expect(method.reviewCadence(high)).toEqual({ amount: 2, unit: 'weeks' });
        expect(method.reviewCadence(low)).toEqual({ amount: 1, unit: 'year' });
    });
});

describe('acceptance term', () => {
    test('defaults to 12 months', async () => {
        const { method } = await methodOf(edited(SPEC_METHOD, 'lasts 12 months', ''));
        expect(method.acceptanceTerm).toEqual({ amount: 12, unit: 'months' });
    });

    test('`lasts` sets it', async () => {
        const { method } = await methodOf(edited(SPEC_METHOD, 'lasts 12 months', 'lasts 2 years'));
        expect(method.acceptanceTerm).toEqual({ amount: 2, unit: 'years' });
    });

    test('an acceptance without `until` lapses the term after `on`', async () => {
        const risk = (acceptLine: string, on: string) => `
role CEO "Chief Executive Officer" management
${edited(SPEC_METHOD, 'lasts 12 months', acceptLine)}
risk R-1 "Admin takeover" {
  owner CEO
  likelihood Likely impact Severe
  treatment accept
  acceptance { by CEO on ${on} "Compensating monitoring" }
  reviewed 2026-11-20
}`;
        const lapses = async (acceptLine: string, on: string) => {
            const { model } = await checkTexts(risk(acceptLine, on));
            return model.evaluation().risks[0].acceptances[0].lapses;
        };
        expect(await lapses('', '2026-01-31')).toBe('2027-01-31');
        expect(await lapses('lasts 1 month', '2026-01-31')).toBe('2026-02-28');
        expect(await lapses('lasts 90 days', '2026-01-01')).toBe('2026-04-01');
        expect(await lapses('lasts 1 year', '2028-02-29')).toBe('2029-02-28');
    });
});

describe('scale values by number and by name', () => {
    test('`likelihood 3` and `likelihood Likely` give the same assessment', async () => {
        const text = (likelihood: string, impact: string) => `
role ITManager "IT Manager"
${SPEC_METHOD}
risk R-1 "Admin takeover" {
  owner ITManager
  likelihood ${likelihood} impact ${impact}
  treatment reduce { action "Enforce MFA" { owner ITManager due 2027-01-31 status planned } }
  residual likelihood 1 impact Noticeable
  reviewed 2026-11-20
}`;
        const summary = async (likelihood: string, impact: string) => {
            const { model, findings } = await checkTexts(text(likelihood, impact));
            expect(findings.filter(finding => finding.severity === 'error')).toEqual([]);
            const { inherent, residual } = model.evaluation().risks[0];
            return [inherent, residual].map(assessment => `${assessment?.likelihood.name}×${assessment?.impact.name}=${assessment?.score} ${assessment?.level?.name}`);
        };
        const byName = await summary('Likely', 'Noticeable');
        expect(byName).toEqual(['Likely×Noticeable=6 High', 'Rare×Noticeable=2 Low']);
        expect(await summary('3', '2')).toEqual(byName);
        expect(await summary('3', 'Noticeable')).toEqual(byName);
    });
});
