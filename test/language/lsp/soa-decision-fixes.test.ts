/**
 * Statement of Applicability decisions as one edit: include / exclude a control from
 * `soa-undecided` or at the cursor, the justification placeholder of `soa-unjustified`
 * and the deferral reason of `deferral-incomplete`. A placeholder never silences the
 * finding it was offered for.
 */
import { describe, expect, test } from 'vitest';
import { action, applyEdit, diagnosticsOf, fixesFor, uriOf, type Files } from './quick-fix-helpers.js';
import { lspModel } from './lsp-model.js';

const METHOD = `role CISO "Chief Information Security Officer"
method "Acme 3x3" {
  scale likelihood { 1 Rare "Less than once in 3 years" 2 Possible "Once in 1-3 years" 3 Likely "Yearly" }
  scale impact { 1 Minor "Hours" 2 Noticeable "A day" 3 Severe "Over a day" }
  levels { Low 1..2 "Monitor" Moderate 3..4 "Plan" High 6..9 "Act now" }
  accept { appetite Moderate major High }
}
`;

/** Every control but A.5.1 and A.7.6 decided by one line each, so the first undecided one is A.5.1. */
function decidedExcept(...undecided: string[]): string {
    const ids = [
        ...Array.from({ length: 37 }, (_, i) => `A.5.${i + 1}`),
        ...Array.from({ length: 8 }, (_, i) => `A.6.${i + 1}`),
        ...Array.from({ length: 14 }, (_, i) => `A.7.${i + 1}`),
        ...Array.from({ length: 34 }, (_, i) => `A.8.${i + 1}`)
    ].filter(id => !undecided.includes(id));
    return `applicability {\n  include ${ids.join(', ')} "Required by the ISMS policy framework"\n}\n`;
}

describe('soa-undecided: include or exclude the first undecided control', () => {
    const files: Files = { 'method.risk': METHOD, 'soa.risk': decidedExcept('A.5.1', 'A.7.6') };

    test('offers both decisions for the first control the message lists', async () => {
        const fixes = await fixesFor(files, 'soa.risk', 'soa-undecided');
        expect(fixes.diagnostic.message).toContain('(A.5.1, A.7.6)');
        expect(fixes.actions.map(candidate => candidate.title)).toEqual([
            'Include A.5.1 in the Statement of Applicability (then write why)',
            'Exclude A.5.1 from the Statement of Applicability (then write why)'
        ]);
        expect(fixes.actions.every(candidate => candidate.kind === 'quickfix' && candidate.diagnostics?.[0] === fixes.diagnostic)).toBe(true);
    });

    test('the line goes at the end of the block, with a placeholder that soa-unjustified reports', async () => {
        const fixes = await fixesFor(files, 'soa.risk', 'soa-undecided');
        const fixed = applyEdit(files, action(fixes, 'Exclude A.5.1 from the Statement of Applicability (then write why)').edit);
        expect(fixed['soa.risk']).toMatch(/"Required by the ISMS policy framework"\n {2}exclude A\.5\.1 "TODO: say why A\.5\.1 does not apply \(e\.g\. no premises, or a supplier's attestation\)"\n\}\n$/);
        expect(await diagnosticsOf(fixed, ['soa-undecided', 'soa-unjustified'])).toEqual(['soa.risk: soa-undecided', 'soa.risk: soa-unjustified']);
        // Once the user writes the reason, only A.7.6 is left undecided.
        const written = { ...fixed, 'soa.risk': fixed['soa.risk'].replace(/"TODO:[^"]*"/, '"Not needed"') };
        const model = await lspModel(written);
        const messages = (model.document('soa.risk').diagnostics ?? []).map(diagnostic => `${diagnostic.code}: ${diagnostic.message}`);
        expect(messages).toEqual([expect.stringMatching(/^soa-undecided: 1 Annex A control has no decision yet \(A\.7\.6\)/)]);
    });

    test('the line goes into the block in whichever file holds it', async () => {
        const fixes = await fixesFor(files, 'soa.risk', 'soa-undecided');
        expect(Object.keys(action(fixes, 'Include A.5.1 in the Statement of Applicability (then write why)').edit!.changes!)).toEqual([uriOf('soa.risk')]);
    });
});

describe('include or exclude at the cursor', () => {
    // A.7.6 is named only by a cancelled action, which decides nothing.
    const RISK = `risk R-001 "Break-in at the office" {
  owner CISO
  likelihood Possible impact Noticeable
  treatment reduce {
    action "Badge readers for the server room" { owner CISO due 2026-12-31 status cancelled controls A.7.6 }
    action "Lock the rack" { owner CISO due 2026-12-31 controls A.7.8 }
  }
  residual likelihood Rare impact Noticeable
  reviewed 2026-11-01
}
`;

    async function atCursor(files: Files, file: string, text: string) {
        const model = await lspModel(files);
        const document = model.document(file);
        const position = document.textDocument.positionAt(document.textDocument.getText().indexOf(text) + 2);
        return model.services.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() },
            range: { start: position, end: position },
            context: { diagnostics: [] }
        });
    }

    test('on an undecided control: both decisions, in the existing block', async () => {
        const files: Files = { 'method.risk': METHOD, 'risks.risk': RISK, 'soa.risk': decidedExcept('A.7.6', 'A.7.8') };
        const actions = (await atCursor(files, 'risks.risk', 'A.7.6')) as Array<{ title: string; edit?: object }>;
        expect(actions.map(candidate => candidate.title)).toEqual([
            'Include A.7.6 in the Statement of Applicability (then write why)',
            'Exclude A.7.6 from the Statement of Applicability (then write why)'
        ]);
        const fixed = applyEdit(files, (actions[1] as { edit: Parameters<typeof applyEdit>[1] }).edit);
        expect(fixed['soa.risk']).toContain('\n  exclude A.7.6 "TODO: say why A.7.6 does not apply');
    });

    test('on a control a risk already uses: nothing, it is included by that use', async () => {
        const files: Files = { 'method.risk': METHOD, 'risks.risk': RISK, 'soa.risk': decidedExcept('A.7.6', 'A.7.8') };
        expect(await atCursor(files, 'risks.risk', 'A.7.8')).toEqual([]);
    });

    test('without an applicability block: one is added at the end of the file with the method', async () => {
        const files: Files = { 'method.risk': METHOD, 'risks.risk': RISK };
        const actions = (await atCursor(files, 'risks.risk', 'A.7.6')) as Array<{ title: string; edit: Parameters<typeof applyEdit>[1] }>;
        const fixed = applyEdit(files, actions[0].edit);
        expect(fixed['risks.risk']).toBe(RISK);
        expect(fixed['method.risk']).toBe(`${METHOD}\napplicability {\n  include A.7.6 "TODO: say why A.7.6 is needed (a risk, a law, a contract, a policy)"\n}\n`);
    });
});

describe('justification and reason placeholders', () => {
    test('soa-unjustified: a line without a reason gets a placeholder at its end, and stays reported', async () => {
        const files: Files = { 'method.risk': METHOD, 'soa.risk': 'applicability {\n  exclude A.7.1, A.7.2 // no office\n}\n' };
        const fixes = await fixesFor(files, 'soa.risk', 'soa-unjustified');
        const fixed = applyEdit(files, action(fixes, 'Add a justification placeholder (then write why)').edit);
        expect(fixed['soa.risk']).toBe('applicability {\n  exclude A.7.1, A.7.2 "TODO: say why A.7.1, A.7.2 do not apply" // no office\n}\n');
        const model = await lspModel(fixed);
        expect((model.document('soa.risk').diagnostics ?? []).filter(diagnostic => diagnostic.code === 'soa-unjustified').map(diagnostic => diagnostic.message))
            .toEqual(['This `exclude` line\'s justification is still a placeholder (such as `TODO`, `TBD` or `...`): replace it with why the controls are excluded (ISO/IEC 27001 6.1.3 d).']);
        // No second placeholder on a placeholder.
        expect((await fixesFor(fixed, 'soa.risk', 'soa-unjustified')).actions).toEqual([]);
    });

    test('deferral-incomplete: a reason placeholder after `until`, reported until it is written', async () => {
        const risk = `risk R-001 "Laptop lost" {
  owner CISO
  likelihood Possible impact Noticeable
  treatment defer until 2027-03-31
  reviewed 2026-11-01
}
`;
        const files: Files = { 'method.risk': METHOD, 'risks.risk': risk };
        const fixes = await fixesFor(files, 'risks.risk', 'deferral-incomplete');
        const fixed = applyEdit(files, action(fixes, 'Add a reason placeholder (then write why the decision waits)').edit);
        expect(fixed['risks.risk']).toContain('  treatment defer until 2027-03-31 "TODO: say why the treatment decision waits until then"\n');
        expect(await diagnosticsOf(fixed, ['deferral-incomplete'])).toEqual(['risks.risk: deferral-incomplete']);
        expect(await diagnosticsOf({ ...fixed, 'risks.risk': fixed['risks.risk'].replace(/"TODO:[^"]*"/, '"Budget decision in Q1"') }, ['deferral-incomplete'])).toEqual([]);
    });

    test('deferral-incomplete without `until`: the reason only (no date is invented)', async () => {
        const files: Files = { 'method.risk': METHOD, 'risks.risk': 'risk R-001 "Laptop lost" {\n  owner CISO\n  likelihood Possible impact Noticeable\n  treatment defer\n  reviewed 2026-11-01\n}\n' };
        const fixes = await fixesFor(files, 'risks.risk', 'deferral-incomplete');
        expect(applyEdit(files, fixes.actions[0].edit)['risks.risk']).toContain('  treatment defer "TODO: say why the treatment decision waits until then"\n');
    });
});
