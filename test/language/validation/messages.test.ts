/**
 * What the model-wide and method diagnostics say, and where: each message names the
 * problem and the fix, and its range covers the smallest text that is wrong.
 */
import { DiagnosticTag } from 'vscode-languageserver-types';
import { describe, expect, test } from 'vitest';
import { diagnosticsOf } from '../../../language/model/load-model.js';
import { checkTexts, type Finding } from '../../helpers/check-model.js';

const METHOD = `
method "Acme 3x3" {
  scale likelihood { 1 Rare "" 2 Possible "" 3 Likely "" }
  scale impact { 1 Minor "" 2 Noticeable "" 3 Severe "" }
  levels { Low 1..2 "" Moderate 3..4 "" High 6..9 "" }
  accept { appetite Moderate }
}
`;

const ROLES = `
role CISO "Chief Information Security Officer" management
role ITManager "IT Manager"
`;

const RISK = `
risk R-1 "Stolen laptop" {
  owner ITManager
  controls A.8.1
  likelihood Rare impact Minor
  reviewed 2026-11-01
}
`;

const BASE = ROLES + METHOD + RISK + 'control Encryption "Disk encryption" { implements A.8.24 status implemented owner CISO }\n';

/** The text with one change; a change that matches nothing fails the test instead of testing nothing. */
function edited(text: string, from: string | RegExp, to: string): string {
    const result = text.replace(from, to);
    expect(result, `${String(from)} changes the text`).not.toBe(text);
    return result;
}

/** The 1-based line of the n-th line starting (after indentation) with `prefix`. */
function lineOf(text: string, prefix: string, occurrence = 1): number {
    const lines = text.split('\n');
    const indexes = lines.flatMap((line, index) => line.trimStart().startsWith(prefix) ? [index + 1] : []);
    expect(indexes.length, `"${prefix}" occurs ${occurrence} times`).toBeGreaterThanOrEqual(occurrence);
    return indexes[occurrence - 1];
}

/** The one finding of the given code; the model must have no other errors or warnings. */
async function only(files: Record<string, string> | string, code: string): Promise<Finding> {
    const { findings } = await checkTexts(files);
    const matching = findings.filter(finding => finding.code === code);
    expect(matching, `one ${code} in ${JSON.stringify(findings.map(finding => finding.code))}`).toHaveLength(1);
    return matching[0];
}

describe('the base model of these tests', () => {
    test('has nothing to report but its unused control', async () => {
        const { findings } = await checkTexts(BASE);
        expect(findings.map(finding => `${finding.code} ${finding.text}`)).toEqual(['unused Encryption']);
    });
});

describe('unresolved-reference', () => {
    test('names the missing role and suggests the nearest declared one; the range is the name', async () => {
        const finding = await only(edited(BASE, 'owner ITManager', 'owner ITManger'), 'unresolved-reference');
        expect(finding).toMatchObject({ severity: 'error', text: 'ITManger', line: lineOf(BASE, 'owner ITManager') });
        expect(finding.message).toContain('No role named `ITManger`');
        expect(finding.message).toContain('Did you mean `ITManager`?');
    });

    test('without a near name, it says to declare it', async () => {
        const finding = await only(edited(BASE, 'owner ITManager', 'owner Procurement'), 'unresolved-reference');
        expect(finding.text).toBe('Procurement');
        expect(finding.message).toContain('No role named `Procurement`');
        expect(finding.message).toContain('role Procurement');
        expect(finding.message).not.toContain('Did you mean');
    });

    test('a misspelt level is suggested from the levels, not from other names', async () => {
        const finding = await only(edited(BASE, 'appetite Moderate', 'appetite moderate'), 'unresolved-reference');
        expect(finding.text).toBe('moderate');
        expect(finding.message).toContain('Did you mean `Moderate`?');
    });
});

describe('unknown-control', () => {
    test('names the ID, the valid ranges and the nearest control with its title', async () => {
        const finding = await only(edited(BASE, 'controls A.8.1', 'controls A.8.1, A.5.38'), 'unknown-control');
        expect(finding).toMatchObject({ severity: 'error', text: 'A.5.38' });
        expect(finding.message).toContain('A.5.38 is not an Annex A control of ISO/IEC 27001:2022');
        expect(finding.message).toContain('A.5.1–A.5.37');
        expect(finding.message).toContain('A.5.37 "Documented operating procedures"');
    });

    test('a 2013 category leads to its 2022 counterpart', async () => {
        const finding = await only(edited(BASE, 'implements A.8.24', 'implements A.10.1'), 'unknown-control');
        expect(finding.text).toBe('A.10.1');
        expect(finding.message).toContain('A.8.24 "Use of cryptography"');
    });
});

describe('duplicate-id', () => {
    test('both declarations are marked on their ID, each naming the other and where it is', async () => {
        const { findings } = await checkTexts({ 'model.risk': BASE, 'more.risk': 'threat ITManager "Rogue IT manager"\n' });
        const duplicates = findings.filter(finding => finding.code === 'duplicate-id');
        expect(duplicates.map(finding => `${finding.file}:${finding.line} ${finding.text}`)).toEqual(['model.risk:3 ITManager', 'more.risk:1 ITManager']);
        expect(duplicates[0].message).toContain('also as threat in more.risk line 1');
        expect(duplicates[1].message).toContain('also as role in model.risk line 3');
        expect(duplicates[0].message).toContain('rename one');
    });

    test('in the same file the other one is given by line', async () => {
        const text = BASE + edited(RISK, 'Stolen laptop', 'Lost phone');
        const { findings } = await checkTexts(text);
        const duplicates = findings.filter(finding => finding.code === 'duplicate-id');
        const [first, second] = [lineOf(text, 'risk R-1'), lineOf(text, 'risk R-1', 2)];
        expect(duplicates.map(finding => `${finding.line} ${finding.text}`)).toEqual([`${first} R-1`, `${second} R-1`]);
        expect(duplicates[0].message).toContain(`also as risk on line ${second}`);
        expect(duplicates[1].message).toContain(`also as risk on line ${first}`);
    });
});

describe('duplicate-property', () => {
    test('marks the first of the two lines, keyword and value, and says the last one counts', async () => {
        const text = edited(BASE, '  owner ITManager\n', '  owner CISO\n  owner ITManager\n');
        const finding = await only(text, 'duplicate-property');
        expect(finding).toMatchObject({ severity: 'error', text: 'owner CISO', line: lineOf(text, 'owner CISO') });
        expect(finding.message).toBe('`owner` is given twice in risk R-1; only the last one counts: remove this one or the other.');
    });

    test('an asset category is named as the user wrote it', async () => {
        const asset = 'asset Data "Customer data" { primary information owner CISO primary service }\nrisk R-2 "Leak" { owner CISO harms Data likelihood Rare impact Minor reviewed 2026-11-01 }\n';
        const finding = await only(BASE + asset, 'duplicate-property');
        expect(finding.text).toBe('primary information');
        expect(finding.message).toContain('The asset category (`primary …` or `supporting …`) is given twice in asset Data');
    });
});

describe('method-missing and method-duplicate', () => {
    test('method-missing marks the first risk of each file that needs a method', async () => {
        const { findings } = await checkTexts({ 'roles.risk': ROLES, 'risks.risk': RISK.replace('  likelihood Rare impact Minor\n', '  status identified\n') });
        const missing = findings.filter(finding => finding.code === 'method-missing');
        expect(missing.map(finding => `${finding.file} ${finding.text}`)).toEqual(['risks.risk R-1']);
        expect(missing[0].message).toContain('no method');
        expect(missing[0].message).toContain('add a `method` block');
    });

    test('method-duplicate marks each method title and names the other one', async () => {
        const { findings } = await checkTexts({ 'a.risk': BASE, 'b.risk': METHOD.replace('Acme 3x3', 'Old method') });
        const duplicates = findings.filter(finding => finding.code === 'method-duplicate');
        expect(duplicates.map(finding => `${finding.file} ${finding.text}`)).toEqual(['a.risk "Acme 3x3"', 'b.risk "Old method"']);
        expect(duplicates[0].message).toContain('"Old method" in b.risk line 2');
        expect(duplicates[1].message).toContain(`"Acme 3x3" in a.risk line ${lineOf(BASE, 'method')}`);
        expect(duplicates[0].message).toContain('keep one `method` block');
    });
});

describe('method rules', () => {
    test('scale-invalid: a duplicate value marks the number', async () => {
        const text = edited(BASE, '3 Likely', '2 Likely');
        const finding = await only(text, 'scale-invalid');
        const line = lineOf(text, 'scale likelihood');
        expect(finding).toMatchObject({ severity: 'error', text: '2', line, column: text.split('\n')[line - 1].indexOf('2 Likely') + 1 });
        expect(finding.message).toBe('The likelihood value 2 is declared twice: give each value its own number.');
    });

    test('scale-invalid: a missing scale marks the method title and shows what to add', async () => {
        const finding = await only(edited(BASE, /\n {2}scale impact .*/, ''), 'scale-invalid');
        expect(finding.text).toBe('"Acme 3x3"');
        expect(finding.message).toContain('no impact scale');
        expect(finding.message).toContain('scale impact { 1 Name "description"');
    });

    test('scale-gap is a warning on the scale keyword and names the missing values', async () => {
        const finding = await only(edited(edited(BASE, '3 Likely', '4 Likely'), '6..9', '6..12'), 'scale-gap');
        expect(finding).toMatchObject({ severity: 'warning', text: 'likelihood' });
        expect(finding.message).toBe('The likelihood scale skips 3: number the values 1 to 3 without gaps.');
    });

    test('level-overlap marks the later band and names both levels and the shared score', async () => {
        const finding = await only(edited(BASE, 'Low 1..2', 'Low 1..3'), 'level-overlap');
        expect(finding).toMatchObject({ severity: 'error', text: '3..4' });
        expect(finding.message).toBe('The bands of `Low` (1..3) and `Moderate` (3..4) both contain the score 3: make them disjoint, so that every score has one level.');
    });

    test('level-uncovered lists each uncovered reachable score, and no unreachable one', async () => {
        const finding = await only(edited(BASE, 'High 6..9', 'High 7..8 "" Critical 9..9'), 'level-uncovered');
        expect(finding).toMatchObject({ severity: 'error', text: 'levels' });
        expect(finding.message).toBe('The score 6 (likelihood × impact) falls in no level: widen or add a band to cover it.');
    });

    test('level-uncovered with the sum names the formula', async () => {
        const finding = await only(edited(BASE, 'levels {', 'score likelihood + impact\n  levels {'), 'level-uncovered');
        expect(finding.message).toBe('The score 5 (likelihood + impact) falls in no level: widen or add a band to cover it.');
    });

    test('matrix-invalid: a missing row marks `matrix` and names the likelihood', async () => {
        const matrix = edited(BASE, /levels \{.*\}/, 'levels { Low "" Moderate "" High "" }\n  matrix {\n    Likely: Moderate High High\n    Possible: Low Moderate High\n  }');
        const finding = await only(matrix, 'matrix-invalid');
        expect(finding).toMatchObject({ severity: 'error', text: 'matrix' });
        expect(finding.message).toBe('The matrix has no row for likelihood 1 Rare: add one row per likelihood value.');
    });

    test('matrix-invalid: a short row marks its label and lists the impact values', async () => {
        const matrix = edited(BASE, /levels \{.*\}/, 'levels { Low "" Moderate "" High "" }\n  matrix {\n    Likely: Moderate High High\n    Possible: Low Moderate\n    Rare: Low Low Moderate\n  }');
        const finding = await only(matrix, 'matrix-invalid');
        expect(finding.text).toBe('Possible');
        expect(finding.message).toBe('The row for likelihood Possible has 2 cells; it needs 3, one per impact value in ascending order (Minor, Noticeable, Severe).');
    });

    test('appetite-missing marks the `accept` block that lacks it', async () => {
        const finding = await only(edited(BASE, 'accept { appetite Moderate }', 'accept { major High }'), 'appetite-missing');
        expect(finding).toMatchObject({ severity: 'error', text: 'accept' });
        expect(finding.message).toContain('add `accept { appetite LEVEL }`');
    });
});

describe('duration-invalid', () => {
    test('a `lasts` of 0 marks the duration as written, says why and what its acceptances lose', async () => {
        const finding = await only(edited(BASE, 'accept { appetite Moderate }', 'accept { appetite Moderate lasts 0 months }'), 'duration-invalid');
        expect(finding).toMatchObject({ severity: 'error', text: '0 months', line: lineOf(BASE, 'accept {') });
        expect(finding.message).toBe('`0 months` is not a usable duration: 0 months is no time at all. Write one from 1 day to 1000 years, such as `12 months`; until then an acceptance without `until` has no lapse date and is not valid.');
    });

    test('a review cadence too large for any calendar is quoted as written, not as 1e+20', async () => {
        const finding = await only(edited(BASE, 'accept { appetite Moderate }', 'accept { appetite Moderate }\n  review every 99999999999999999999 days'), 'duration-invalid');
        expect(finding.text).toBe('99999999999999999999 days');
        expect(finding.message).toBe('`99999999999999999999 days` is not a usable duration: it does not fit in 1000 years (at most 365,242 days). Write one from 1 day to 1000 years, such as `12 months`; until then this line asks for no review.');
    });
});

describe('values and dates', () => {
    test('value-out-of-scale marks the value and lists the scale', async () => {
        const finding = await only(edited(BASE, 'likelihood Rare', 'likelihood 4'), 'value-out-of-scale');
        expect(finding).toMatchObject({ severity: 'error', text: '4' });
        expect(finding.message).toBe('`4` is not a value of the likelihood scale: use 1 Rare, 2 Possible or 3 Likely.');
    });

    test('invalid-date marks the date and says why it does not exist', async () => {
        const finding = await only(edited(BASE, 'reviewed 2026-11-01', 'reviewed 2026-02-30'), 'invalid-date');
        expect(finding).toMatchObject({ severity: 'error', text: '2026-02-30', line: lineOf(BASE, 'reviewed') });
        expect(finding.message).toBe('2026-02-30 is not a date in the calendar (February 2026 has 28 days): write a real date as YYYY-MM-DD.');
    });
});

describe('unused and supports-nothing', () => {
    test('unused is a hint marked as unnecessary on the ID, with a fix for its kind', async () => {
        const { model, findings } = await checkTexts(BASE);
        const [finding] = findings;
        expect(finding).toMatchObject({ code: 'unused', severity: 'hint', text: 'Encryption' });
        expect(finding.message).toBe('Control `Encryption` is referenced by nothing: name it in the `controls` of a risk or an action, or remove it.');
        const [{ diagnostic }] = diagnosticsOf(model);
        expect(diagnostic.tags).toEqual([DiagnosticTag.Unnecessary]);
        expect(diagnostic.data).toMatchObject({ code: 'unused' });
    });

    test('supports-nothing is a hint on the asset ID', async () => {
        const asset = 'asset Laptops "Staff laptops" { supporting hardware owner ITManager }\n';
        const finding = await only(edited(BASE + asset, 'controls A.8.1', 'on Laptops controls A.8.1'), 'supports-nothing');
        expect(finding).toMatchObject({ severity: 'hint', text: 'Laptops' });
        expect(finding.message).toContain('add `supports PRIMARY_ASSET`');
    });
});
