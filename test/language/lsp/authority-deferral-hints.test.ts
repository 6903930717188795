/**
 * The inlay hints of section 11: after an acceptance's `by ROLE`, the tier on which the
 * role may accept the residual; after a deferral's `until`, the days left on the as-of
 * date. Both come from the model evaluation.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { hintsOf, lspModel, type LspModel, type ShownHint } from './lsp-model.js';

const MODEL = `role Board "Board of directors" management
role SecurityCommittee "Security committee" accepts High
role CISO "Chief Information Security Officer"
role DPO "Data Protection Officer"
method "Four levels" {
  scale likelihood { 1 Rare "" 2 Possible "" 3 Likely "" }
  scale impact { 1 Minor "" 2 Noticeable "" 3 Severe "" }
  score likelihood * impact
  levels { Low 1..2 "" Moderate 3..4 "" High 6..8 "" Critical 9..9 "" }
  accept { appetite Moderate major Critical }
}
risk R-001 "Critical, accepted by the board" {
  owner CISO
  likelihood Likely impact Severe
  treatment accept
  acceptance { by Board on 2026-11-01 until 2027-10-31 "Board decision BD-12" }
  reviewed 2026-11-01
}
risk R-002 "High, accepted by the security committee" {
  owner CISO
  likelihood Possible impact Severe
  treatment accept
  acceptance { by SecurityCommittee on 2026-11-01 until 2027-10-31 "Committee minutes SC-7" }
  reviewed 2026-11-01
}
risk R-003 "High, accepted by its owner, decision deferred" {
  owner DPO
  likelihood Possible impact Severe
  treatment defer until 2027-01-31 "Budget decision in January"
  acceptance { by DPO on 2026-11-16 until 2027-01-31 "Until the budget decision" }
  reviewed 2026-11-01
}
risk R-004 "Critical, the committee may not accept it" {
  owner CISO
  likelihood Likely impact Severe
  treatment defer until 2026-11-01 "Waited for the audit"
  acceptance { by SecurityCommittee on 2026-11-01 until 2027-10-31 "Committee minutes SC-8" }
  reviewed 2026-11-01
}
risk R-005 "Deferral decided on the as-of date" {
  owner CISO
  likelihood Rare impact Minor
  treatment defer until 2026-11-23 "Review today"
  reviewed 2026-11-01
}
`;

const labelled = (hints: ShownHint[], pattern: RegExp) => hints.filter(hint => pattern.test(hint.label)).map(({ label, after }) => ({ label, after }));

describe('authority and deferral hints', () => {
    let model: LspModel;
    let hints: ShownHint[];
    beforeAll(async () => {
        model = await lspModel({ 'model.risk': MODEL });
        hints = await hintsOf(model, 'model.risk');
    });

    test('each authorised acceptance shows its tier right after the role', () => {
        expect(labelled(hints, /^(management|accepts up to|risk owner)/)).toEqual([
            { label: 'management', after: 'acceptance { by Board' },
            { label: 'accepts up to High', after: 'acceptance { by SecurityCommittee' },
            { label: 'risk owner', after: 'acceptance { by DPO' }
        ]);
    });

    test('an acceptance the role may not give shows no tier, and its own hint says so', () => {
        const line = MODEL.split('\n').findIndex(text => text.includes('SC-8'));
        const r004 = hints.filter(hint => hint.at.startsWith(`${line}:`));
        expect(r004.map(hint => hint.label)).toEqual([expect.stringContaining('not authorised')]);
    });

    test('the tier is explained in the tooltip', () => {
        expect(hints.find(hint => hint.label === 'accepts up to High')!.tooltip)
            .toBe('SecurityCommittee `accepts High`: it may accept the residual High, which is at or below High and below `major`.');
        expect(hints.find(hint => hint.label === 'risk owner')!.tooltip)
            .toBe('DPO owns the risk: the owner may accept the residual High, which is below `major`.');
    });

    test('a deferral shows its days left, today, or how long ago it lapsed', () => {
        expect(labelled(hints, /left$|ago$|today$/)).toEqual([
            { label: '69 days left', after: 'treatment defer until 2027-01-31' },
            { label: 'lapsed 22 days ago', after: 'treatment defer until 2026-11-01' },
            { label: 'due today', after: 'treatment defer until 2026-11-23' }
        ]);
        expect(hints.find(hint => hint.label === '69 days left')!.tooltip)
            .toBe('The treatment decision is deferred until 2027-01-31: 69 days after the as-of date 2026-11-23. A deferral accepts nothing: a residual above appetite still needs an acceptance.');
    });

    test('each kind follows its setting', async () => {
        const settings = model.services.settings.RiskSettings;
        settings.setInlayHints({ deferral: false });
        expect(labelled(await hintsOf(model, 'model.risk'), /left$|ago$|today$/)).toEqual([]);
        settings.setInlayHints({ acceptance: false });
        const withoutAcceptance = await hintsOf(model, 'model.risk');
        expect(labelled(withoutAcceptance, /^(management|accepts up to|risk owner)/)).toEqual([]);
        expect(labelled(withoutAcceptance, /left$/)).toHaveLength(1);
        settings.setInlayHints(undefined);
    });
});
