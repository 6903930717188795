/**
 * What the register says about a risk's acceptance: one status word, and the
 * acceptance the `Accepted by` and `Accepted until` columns show. Validity itself
 * comes from the evaluated model (AcceptanceEvaluation); this only names it.
 */
import type { AcceptanceEvaluation, RiskEvaluation } from '../evaluation/risk-evaluation.js';

export type AcceptanceStatus =
    /** A valid acceptance holds on the as-of date. */
    | 'valid'
    /** The residual is within appetite: no acceptance is needed. */
    | 'not needed'
    /** Above appetite and no acceptance recorded. */
    | 'none'
    /** Above appetite; the latest acceptance lapsed. */
    | 'expired'
    /** Above appetite; the latest acceptance is dated after the as-of date. */
    | 'not yet valid'
    /** Above appetite; the latest acceptance was given by a role that may not accept it. */
    | 'not authorised'
    /** Above appetite; the latest acceptance pinned a lower level than the residual now. */
    | 'outdated'
    /** Above appetite; the latest acceptance lacks `by … on …` or a justification. */
    | 'incomplete'
    /** Above appetite; the latest acceptance is not valid for another reason (an impossible date). */
    | 'invalid';

export const ACCEPTANCE_STATUSES: readonly AcceptanceStatus[] = [
    'valid', 'not needed', 'none', 'expired', 'not yet valid', 'not authorised', 'outdated', 'incomplete', 'invalid'
];

export interface AcceptanceView {
    /** Null when the residual risk is not assessed, or the model has no method. */
    readonly status: AcceptanceStatus | null;
    /** The valid acceptance that lasts longest, else the last one written. */
    readonly shown?: AcceptanceEvaluation;
}

export function acceptanceView(evaluation: RiskEvaluation): AcceptanceView {
    const valid = evaluation.acceptances.filter(acceptance => acceptance.valid);
    const shown = valid.length > 0
        ? valid.reduce((best, next) => ((next.lapses ?? '') > (best.lapses ?? '') ? next : best))
        : evaluation.acceptances.at(-1);
    if (!evaluation.residual?.level) {
        return { status: null, shown };
    }
    if (!evaluation.aboveAppetite) {
        return { status: 'not needed', shown };
    }
    if (evaluation.accepted) {
        return { status: 'valid', shown };
    }
    return { status: shown ? whyNotValid(shown) : 'none', shown };
}

function whyNotValid(latest: AcceptanceEvaluation): AcceptanceStatus {
    if (!latest.complete) return 'incomplete';
    if (latest.expired) return 'expired';
    if (latest.notYetEffective) return 'not yet valid';
    if (!latest.authorised) return 'not authorised';
    if (latest.outdated) return 'outdated';
    return 'invalid';
}
