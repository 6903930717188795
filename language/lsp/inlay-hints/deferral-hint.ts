/**
 * `treatment defer until 2027-01-31 ‹69 days left›`: how long the treatment decision may
 * still wait on the as-of date, or how long ago its review point passed (section 11.3).
 * The days are the evaluation's.
 */
import { GrammarUtils } from 'langium';
import type { InlayHint } from 'vscode-languageserver';
import type { IsoDate } from '../../evaluation/dates.js';
import type { DeferralEvaluation } from '../../evaluation/risk-evaluation.js';
import { hintAfter } from './hint.js';

export function deferralHint(deferral: DeferralEvaluation, asOf: IsoDate): InlayHint | undefined {
    const until = GrammarUtils.findNodeForProperty(deferral.treatment.$cstNode, 'until');
    if (!until) {
        return undefined;
    }
    if (deferral.daysOverdue !== undefined) {
        return hintAfter(until, `lapsed ${days(deferral.daysOverdue)} ago`,
            `The review point ${deferral.treatment.until} has passed as of ${asOf}: the treatment decision is overdue.`);
    }
    if (deferral.daysLeft !== undefined) {
        return hintAfter(until, deferral.daysLeft === 0 ? 'due today' : `${days(deferral.daysLeft)} left`,
            `The treatment decision is deferred until ${deferral.treatment.until}: ${days(deferral.daysLeft)} after the as-of date ${asOf}. A deferral accepts nothing: a residual above appetite still needs an acceptance.`);
    }
    return undefined;
}

function days(count: number): string {
    return count === 1 ? '1 day' : `${count} days`;
}
