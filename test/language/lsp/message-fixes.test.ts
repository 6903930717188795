/**
 * Quick fixes for the messages of issue 8: each diagnostic names the one edit that fixes
 * it, and the fix makes that edit.
 */
import { JUSTIFICATION_PROMPT } from '../../../language/evaluation/justification.js';
import { describe, expect, test } from 'vitest';
import { action, applyEdit, diagnosticsOf, expectQuickFix, fixesFor } from './quick-fix-helpers.js';

const MODEL = `role CTO "Chief Technology Officer"

method "Test method" {
  scale likelihood { 1 Rare "" 2 Possible "" 3 Likely "" }
  scale impact { 1 Minor "" 2 Noticeable "" 3 Severe "" }
  levels { Low 1..2 "" Moderate 3..4 "" High 6..9 "" }
  accept { appetite Moderate major High }
}
`;

describe('syntax error: a misspelt keyword of a block', () => {
    test('change it to the nearest keyword the block takes (preferred); the model then parses', async () => {
        const files = { 'model.risk': `${MODEL}
risk R-1 "Unpatched server" {
  owner CTO
  likelihood Rare impact Minor
  treatment reduce { action "Patch" { owner CTO dew 2027-01-31 } }
}
` };
        const fixes = await fixesFor(files, 'model.risk', 'syntax-error');
        expect(fixes.actions.map(candidate => candidate.title)).toEqual(["Change 'dew' to 'due'"]);
        const change = action(fixes, "Change 'dew' to 'due'");
        expectQuickFix(fixes, change, true);
        const fixed = applyEdit(files, change.edit);
        expect(fixed['model.risk']).toBe(files['model.risk'].replace('dew 2027', 'due 2027'));
        expect(await diagnosticsOf(fixed, ['syntax-error'])).toEqual([]);
    });

    test('no fix when nothing the block takes is near the word', async () => {
        const files = { 'model.risk': `${MODEL}\nrisk R-1 "Supplier breach" {\n  owner CTO\n  category "Supplier"\n}\n` };
        expect((await fixesFor(files, 'model.risk', 'syntax-error')).actions).toEqual([]);
    });
});

describe('syntax error: a residual written impact first', () => {
    test('write the likelihood first (preferred), keeping names, numbers and comments as written', async () => {
        const files = { 'model.risk': `${MODEL}
risk R-1 "Stolen laptop" {
  owner CTO
  likelihood Likely impact Severe
  treatment reduce { action "Disk encryption" { owner CTO due 2027-01-31 } }
  residual impact 1 /* after encryption */ likelihood Rare
}
` };
        const fixes = await fixesFor(files, 'model.risk', 'syntax-error');
        expect(fixes.actions.map(candidate => candidate.title)).toEqual(['Write the likelihood first']);
        expectQuickFix(fixes, fixes.actions[0], true);
        const fixed = applyEdit(files, fixes.actions[0].edit);
        expect(fixed['model.risk']).toBe(files['model.risk'].replace('residual impact 1 /* after encryption */ likelihood Rare', 'residual likelihood Rare /* after encryption */ impact 1'));
        expect(await diagnosticsOf(fixed, ['syntax-error', 'duplicate-property'])).toEqual([]);
    });
});

describe('acceptance-incomplete without a justification: add one', () => {
    const risk = (acceptance: string) => ({ 'model.risk': `${MODEL}role CEO "Chief Executive Officer" management

risk R-1 "Legacy accounting server" {
  owner CTO
  likelihood Likely impact Severe
  treatment accept
  ${acceptance}
}
` });

    test('a prompt that says what to write: the acceptance counts only once a reason replaces it', async () => {
        const files = risk('acceptance {\n    by CEO on 2026-11-01\n  }');
        const fixes = await fixesFor(files, 'model.risk', 'acceptance-incomplete');
        expect(fixes.actions.map(candidate => candidate.title)).toEqual(['Add a justification']);
        const fixed = applyEdit(files, fixes.actions[0].edit);
        expect(fixed['model.risk']).toContain(`  acceptance {\n    by CEO on 2026-11-01\n    "${JUSTIFICATION_PROMPT}"\n  }\n`);
        expect(await diagnosticsOf(fixed, ['acceptance-incomplete', 'unaccepted-residual'])).toEqual(['model.risk: unaccepted-residual', 'model.risk: acceptance-incomplete']);
        const justified = { 'model.risk': fixed['model.risk'].replace(JUSTIFICATION_PROMPT, 'The server is retired in March') };
        expect(await diagnosticsOf(justified, ['acceptance-incomplete', 'unaccepted-residual'])).toEqual([]);
    });

    test('an empty justification is replaced; an acceptance without `by … on …` gets no such fix', async () => {
        const empty = risk('acceptance { by CEO on 2026-11-01 "" }');
        const fixed = applyEdit(empty, (await fixesFor(empty, 'model.risk', 'acceptance-incomplete')).actions[0].edit);
        expect(fixed['model.risk']).toContain(`acceptance { by CEO on 2026-11-01 "${JUSTIFICATION_PROMPT}" }`);
        expect((await fixesFor(risk('acceptance { "Budget approved" }'), 'model.risk', 'acceptance-incomplete')).actions).toEqual([]);
    });
});
