import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { hintsOf, lspModel, type LspModel, type ShownHint } from './lsp-model.js';
import { BANDED_MODEL, BANDED_METHOD, MATRIX_MODEL } from './hint-hover-models.js';

const where = ({ at, label, after }: ShownHint) => ({ at, label, after });
const scores = (hints: ShownHint[]) => hints.filter(hint => hint.label.startsWith('⇒')).map(where);
const scaleNames = (hints: ShownHint[]) => hints.filter(hint => hint.label.startsWith('‹')).map(where);
/** The tier of authority after `by ROLE` (authority-deferral-hints.test.ts tests those). */
const isAuthority = (hint: ShownHint) => /^(management|accepts up to |risk owner)/.test(hint.label);
const acceptances = (hints: ShownHint[]) => hints.filter(hint => !hint.label.startsWith('⇒') && !hint.label.startsWith('‹') && !isAuthority(hint)).map(where);

describe('banded method (specification example)', () => {
    let model: LspModel;
    let hints: ShownHint[];
    beforeAll(async () => {
        model = await lspModel(BANDED_MODEL);
        hints = await hintsOf(model, 'risks.risk');
    });

    test('inherent score and level after whichever of likelihood and impact comes last', () => {
        expect(scores(hints).filter(hint => !hint.after.startsWith('residual'))).toEqual([
            { at: '7:15', label: '⇒ 9 · High', after: 'impact Severe' },
            // R-002 writes `impact 2` before `likelihood 3`
            { at: '33:14', label: '⇒ 6 · High', after: 'likelihood 3' },
            { at: '43:33', label: '⇒ 9 · High', after: 'likelihood Likely impact Severe' },
            { at: '53:33', label: '⇒ 9 · High', after: 'likelihood Likely impact Severe' },
            { at: '63:33', label: '⇒ 9 · High', after: 'likelihood Likely impact Severe' },
            { at: '73:33', label: '⇒ 9 · High', after: 'likelihood Likely impact Severe' },
            { at: '83:39', label: '⇒ 4 · Moderate', after: 'likelihood Possible impact Noticeable' }
        ]);
    });

    test('the inherent tooltip explains the computation', () => {
        expect(hints.find(hint => hint.at === '7:15')!.tooltip)
            .toBe('likelihood 3 Likely × impact 3 Severe = 9, in band High 6..9; appetite is Moderate');
        expect(hints.find(hint => hint.at === '33:14' && hint.label.startsWith('⇒'))!.tooltip)
            .toBe('likelihood 3 Likely × impact 2 Noticeable = 6, in band High 6..9; appetite is Moderate');
    });

    test('residual score and level, above or within appetite', () => {
        expect(scores(hints).filter(hint => hint.after.startsWith('residual'))).toEqual([
            { at: '19:44', label: '⇒ 6 · High ⚠', after: 'residual likelihood Possible impact Severe' },
            { at: '35:32', label: '⇒ 2 · Low ✓', after: 'residual likelihood 1 impact 2' }
        ]);
        expect(hints.find(hint => hint.at === '19:44')!.tooltip)
            .toBe('residual likelihood 2 Possible × impact 3 Severe = 6, in band High 6..9; above appetite Moderate: a valid acceptance covers it');
        expect(hints.find(hint => hint.label === '⇒ 2 · Low ✓')!.tooltip)
            .toBe('residual likelihood 1 Rare × impact 2 Noticeable = 2, in band Low 1..2; within appetite Moderate');
    });

    test('the residual hint in two parts: score and level, then the appetite mark, each with its own tooltip', () => {
        expect(hints.find(hint => hint.at === '19:44')!.parts).toEqual([
            { value: '⇒ 6 · High', tooltip: 'residual likelihood 2 Possible × impact 3 Severe = 6, in band High 6..9' },
            { value: ' ⚠', tooltip: 'above appetite Moderate: a valid acceptance covers it' }
        ]);
        expect(hints.find(hint => hint.at === '35:32' && hint.label.startsWith('⇒'))!.parts.map(part => part.value)).toEqual(['⇒ 2 · Low', ' ✓']);
    });

    test('scale names after values written as numbers only, in the inherent and the residual pair', () => {
        expect(scaleNames(hints)).toEqual([
            { at: '33:14', label: '‹Likely›', after: 'likelihood 3' },
            { at: '32:10', label: '‹Noticeable›', after: 'impact 2' },
            { at: '35:23', label: '‹Rare›', after: 'residual likelihood 1' },
            { at: '35:32', label: '‹Noticeable›', after: 'residual likelihood 1 impact 2' }
        ]);
        expect(hints.find(hint => hint.label === '‹Rare›')!.tooltip).toBe('likelihood 1 Rare: Less than once every 3 years');
    });

    test('at one position the scale name comes before the score', () => {
        expect(hints.filter(hint => hint.at === '35:32').map(hint => hint.label)).toEqual(['‹Noticeable›', '⇒ 2 · Low ✓']);
        expect(hints.filter(hint => hint.at === '33:14').map(hint => hint.label)).toEqual(['‹Likely›', '⇒ 6 · High']);
    });

    test('scale names on asset confidentiality, integrity and availability', async () => {
        expect((await hintsOf(model, 'declarations.risk')).map(where)).toEqual([
            { at: '15:19', label: '‹Severe›', after: 'confidentiality 3' },
            { at: '15:53', label: '‹Noticeable›', after: 'confidentiality 3  integrity Severe  availability 2' }
        ]);
    });

    test('the method itself has no hints', async () => {
        expect(await hintsOf(model, 'method.risk')).toEqual([]);
    });

    test('acceptance validity after the `by … on … until …` clause, one per state', () => {
        expect(acceptances(hints)).toEqual([
            { at: '21:41', label: 'valid until 2027-11-15', after: 'by CEO on 2026-11-15 until 2027-11-15' },
            { at: '45:52', label: 'expired 2026-05-31', after: 'acceptance { by CEO on 2025-05-31 until 2026-05-31' },
            { at: '55:35', label: 'not yet valid', after: 'acceptance { by CEO on 2026-12-01' },
            { at: '65:41', label: 'not authorised', after: 'acceptance { by ITManager on 2026-11-01' },
            { at: '75:35', label: 'outdated', after: 'acceptance { by CEO on 2026-11-01' },
            // no `until`: `on` plus the method's 12 months
            { at: '84:41', label: 'valid until 2027-02-28', after: 'acceptance { by ITManager on 2026-02-28' }
        ]);
    });

    test('acceptance tooltips give the dates and the reason', () => {
        const tooltip = (label: string) => hints.find(hint => hint.label === label)!.tooltip;
        expect(tooltip('valid until 2027-11-15')).toBe('Accepted by CEO on 2026-11-15, until 2027-11-15.\n\n'
            + 'Valid on the as-of date 2026-11-23: 357 days left. CEO is a management role and may accept any residual.');
        expect(tooltip('expired 2026-05-31')).toBe('Accepted by CEO on 2025-05-31, until 2026-05-31.\n\nLapsed: 2026-05-31 is before the as-of date 2026-11-23.');
        expect(tooltip('not yet valid')).toBe('Accepted by CEO on 2026-12-01, lasting 12 months to 2027-12-01.\n\nTakes effect on 2026-12-01, after the as-of date 2026-11-23.');
        expect(tooltip('not authorised')).toBe('Accepted by ITManager on 2026-11-01, lasting 12 months to 2027-11-01.\n\n'
            + 'ITManager is not a management role, and the residual High is major: only a management role may accept it.');
        expect(tooltip('outdated')).toBe('Accepted by CEO on 2026-11-01, lasting 12 months to 2027-11-01.\n\n'
            + 'The accepted level Moderate is below the residual level High: it must be accepted again.');
        expect(tooltip('valid until 2027-02-28')).toBe('Accepted by ITManager on 2026-02-28, lasting 12 months to 2027-02-28.\n\n'
            + 'Valid on the as-of date 2026-11-23: 97 days left. ITManager owns the risk and the residual Moderate is below major.');
    });

    test('the as-of date decides validity', async () => {
        const later = await lspModel(BANDED_MODEL, '2027-11-16');
        const labels = acceptances(await hintsOf(later, 'risks.risk')).map(hint => hint.label);
        expect(labels).toEqual(['expired 2027-11-15', 'expired 2026-05-31', 'valid until 2027-12-01', 'expired 2027-11-01, not authorised', 'expired 2027-11-01, outdated', 'expired 2027-02-28']);
    });

    test('only the hints inside the requested range', async () => {
        const document = model.document('risks.risk');
        const range = { start: { line: 19, character: 0 }, end: { line: 22, character: 0 } };
        const inRange = await model.services.lsp.InlayHintProvider!.getInlayHints(document, { textDocument: { uri: document.uri.toString() }, range });
        expect(inRange!.map(hint => typeof hint.label === 'string' ? hint.label : hint.label.map(part => part.value).join(''))).toEqual(['⇒ 6 · High ⚠', 'management', 'valid until 2027-11-15']);
    });
});

describe('matrix method', () => {
    let hints: ShownHint[];
    beforeAll(async () => {
        hints = await hintsOf(await lspModel(MATRIX_MODEL), 'clinic.risk');
    });

    test('level without a score, and the residual against appetite', () => {
        expect(scores(hints)).toEqual([
            { at: '22:10', label: '⇒ Critical', after: 'impact 3' },
            { at: '24:35', label: '⇒ High ⚠', after: 'residual likelihood 2 impact High' },
            { at: '33:30', label: '⇒ Low', after: 'likelihood Low impact Medium' },
            { at: '34:36', label: '⇒ Low ✓', after: 'residual likelihood Low impact Low' }
        ]);
        expect(hints.find(hint => hint.label === '⇒ Critical')!.tooltip)
            .toBe('likelihood 3 High and impact 3 High: matrix row High, column High gives Critical; appetite is Moderate');
        expect(hints.find(hint => hint.label === '⇒ High ⚠')!.tooltip)
            .toBe('residual likelihood 2 Medium and impact 3 High: matrix row Medium, column High gives High; above appetite Moderate: a valid acceptance covers it');
    });

    test('scale names on matrix row labels, asset values, inherent and residual numbers', () => {
        expect(scaleNames(hints)).toEqual([
            { at: '5:5', label: '‹High›', after: '3' },
            { at: '7:5', label: '‹Low›', after: '1' },
            { at: '15:100', label: '‹High›', after: 'asset Records "Patient records" { primary information owner Partner confidentiality High integrity 3' },
            { at: '22:10', label: '‹High›', after: 'impact 3' },
            { at: '24:23', label: '‹Medium›', after: 'residual likelihood 2' }
        ]);
    });

    test('row labels in a range that starts below the levels (Langium 4.4 would skip the matrix)', async () => {
        const model = await lspModel(MATRIX_MODEL);
        const document = model.document('clinic.risk');
        const range = { start: { line: 5, character: 0 }, end: { line: 8, character: 0 } };
        const inRange = await model.services.lsp.InlayHintProvider!.getInlayHints(document, { textDocument: { uri: document.uri.toString() }, range });
        expect(inRange!.map(hint => [hint.position.line, hint.label])).toEqual([[5, '‹High›'], [7, '‹Low›']]);
    });

    test('the risk owner may accept a residual below major', () => {
        expect(acceptances(hints)).toEqual([{ at: '25:39', label: 'valid until 2027-10-05', after: 'acceptance { by Manager on 2026-10-05' }]);
    });
});

describe('edge cases', () => {
    const additive = BANDED_METHOD
        .replace('score likelihood * impact', 'score likelihood + impact')
        .replace(/levels \{[^}]*\}/, 'levels { Low 2..3 "" Moderate 4..4 "" High 6..6 "" }');
    let hints: ShownHint[];
    beforeAll(async () => {
        hints = await hintsOf(await lspModel({
            'method.risk': additive,
            'risks.risk': `role CEO "Chief Executive Officer" management
role Owner "Owner"
role Other "Other"
risk E-1 "Added, uncovered score" {
  owner Owner
  likelihood Likely impact Noticeable
  residual likelihood Likely impact Minor
  acceptance { by Other on 2025-01-01 until 2025-06-30 "Old and unauthorised" }
  acceptance { by CEO on 2026-11-01 }
  acceptance {
    by CEO
    on 2026-11-01
    "Written over three lines"
  }
  acceptance { "No clause at all" }
  acceptance { by CEO on 2026-02-30 "Not a date" }
}
risk E-2 "Not assessed" { owner Owner likelihood 2 }
`
        }), 'risks.risk');
    });

    test('an additive score, and a score no band covers', () => {
        expect(hints.filter(hint => hint.label.startsWith('⇒')).map(hint => [hint.label, hint.tooltip])).toEqual([
            ['⇒ 5 · no level', 'likelihood 3 Likely + impact 2 Noticeable = 5, in no band; appetite is Moderate'],
            ['⇒ 4 · Moderate ✓', 'residual likelihood 3 Likely + impact 1 Minor = 4, in band Moderate 4..4; within appetite Moderate']
        ]);
    });

    test('every reason an acceptance fails is listed; the hint follows the last part of the clause written', () => {
        expect(acceptances(hints)).toEqual([
            { at: '7:54', label: 'expired 2025-06-30, not authorised', after: 'acceptance { by Other on 2025-01-01 until 2025-06-30' },
            { at: '8:35', label: 'incomplete', after: 'acceptance { by CEO on 2026-11-01' },
            { at: '11:17', label: 'valid until 2027-11-01', after: 'on 2026-11-01' },
            { at: '14:12', label: 'incomplete', after: 'acceptance' },
            { at: '15:35', label: 'no valid dates', after: 'acceptance { by CEO on 2026-02-30' }
        ]);
        expect(hints.find(hint => hint.at === '15:35')!.tooltip).toBe('Accepted by CEO on 2026-02-30.\n\nIts `on` or `until` is not a real date, so it never holds.');
        expect(hints.find(hint => hint.at === '7:54')!.tooltip).toBe('Accepted by Other on 2025-01-01, until 2025-06-30.\n\n'
            + 'Lapsed: 2025-06-30 is before the as-of date 2026-11-23.\n\nOther is neither the risk owner nor a management role.');
        expect(hints.find(hint => hint.at === '8:35')!.tooltip).toBe('Accepted by CEO on 2026-11-01, lasting 12 months to 2027-11-01.\n\n'
            + 'An acceptance needs `by`, `on` and a justification.');
    });

    test('a risk with only one of likelihood and impact gets no score', () => {
        expect(hints.filter(hint => hint.at.startsWith('17:')).map(hint => hint.label)).toEqual(['‹Possible›']);
    });
});

describe('settings turn each kind off', () => {
    let model: LspModel;
    beforeAll(async () => {
        model = await lspModel(BANDED_MODEL);
    });

    const kinds = async () => {
        const hints = await hintsOf(model, 'risks.risk');
        return { scores: scores(hints).length, scaleNames: scaleNames(hints).length, acceptance: acceptances(hints).length };
    };

    test('all on by default', async () => {
        expect(model.services.settings.RiskSettings.inlayHints).toEqual({ scores: true, scaleNames: true, acceptance: true, deferral: true });
        expect(await kinds()).toEqual({ scores: 9, scaleNames: 4, acceptance: 6 });
    });

    test.each([
        ['scores', { scores: 0, scaleNames: 4, acceptance: 6 }],
        ['scaleNames', { scores: 9, scaleNames: 0, acceptance: 6 }],
        ['acceptance', { scores: 9, scaleNames: 4, acceptance: 0 }]
    ] as const)('%s: false', async (kind, expected) => {
        const settings = model.services.settings.RiskSettings;
        settings.setInlayHints({ [kind]: false });
        try {
            expect(await kinds()).toEqual(expected);
        } finally {
            settings.setInlayHints(undefined);
        }
        expect(await kinds()).toEqual({ scores: 9, scaleNames: 4, acceptance: 6 });
    });

    test('a kind left out of the settings is on', () => {
        const settings = model.services.settings.RiskSettings;
        settings.setInlayHints({ scores: false, acceptance: false });
        settings.setInlayHints({ acceptance: false });
        expect(settings.inlayHints).toEqual({ scores: true, scaleNames: true, acceptance: false, deferral: true });
        settings.setInlayHints(undefined);
        expect(settings.inlayHints).toEqual({ scores: true, scaleNames: true, acceptance: true, deferral: true });
    });
});

/** VS Code cuts the inlay hints of a line after this many characters, all hints of the line together (`editor.inlayHints.maximumLength`). */
const VSCODE_INLAY_HINT_LINE_LIMIT = 43;

describe('hints fit the line as VS Code shows them', () => {
    const examples = join(import.meta.dirname, '../../../examples');
    const folders = readdirSync(examples, { withFileTypes: true }).filter(entry => entry.isDirectory()).map(entry => entry.name);
    test.each(folders)('examples/%s: no line carries more hint text than VS Code shows uncut', async example => {
        const folder = join(examples, example);
        const names = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter(name => name.endsWith('.risk'));
        const files = Object.fromEntries(names.map(name => [name, readFileSync(join(folder, name), 'utf8')]));
        const model = await lspModel(files);
        for (const name of Object.keys(files)) {
            const perLine = new Map<string, number>();
            for (const hint of await hintsOf(model, name)) {
                const line = hint.at.split(':')[0];
                perLine.set(line, (perLine.get(line) ?? 0) + hint.label.length);
            }
            for (const [line, length] of perLine) {
                expect(length, `${example}/${name} line ${Number(line) + 1}`).toBeLessThanOrEqual(VSCODE_INLAY_HINT_LINE_LIMIT);
            }
        }
    });
});
