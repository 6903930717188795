/**
 * Whether an acceptance holds on the as-of date, in words: a short label
 * (`valid until 2027-11-15`, `expired 2026-05-31`, `not yet valid`, `not authorised`,
 * `outdated`) and the reasons behind it. The verdict is the evaluation's.
 */
import type { MethodModel } from '../../evaluation/method-model.js';
import { formatTerm } from '../../evaluation/durations.js';
import type { AcceptanceEvaluation, RiskEvaluation } from '../../evaluation/risk-evaluation.js';
import type { IsoDate } from '../../evaluation/dates.js';

export interface AcceptanceText {
    readonly label: string;
    /** Markdown: one paragraph per fact. */
    readonly explanation: string;
}

export function acceptanceText(evaluation: AcceptanceEvaluation, risk: RiskEvaluation, method: MethodModel | undefined, asOf: IsoDate): AcceptanceText {
    const { acceptance } = evaluation;
    const facts = [
        acceptance.by || acceptance.on ? `Accepted by ${acceptance.by?.$refText ?? 'nobody'} on ${acceptance.on ?? 'no date'}${lapseText(evaluation, method)}.` : 'No `by … on …` clause.'
    ];
    if (evaluation.valid) {
        facts.push(`Valid on the as-of date ${asOf}: ${daysText(evaluation.daysLeft ?? 0)} left. ${authorisationText(evaluation, risk)}`);
        return { label: `valid until ${evaluation.lapses}`, explanation: facts.join('\n\n') };
    }
    const reasons: string[] = [];
    if (evaluation.notYetEffective) {
        reasons.push('not yet valid');
        facts.push(`Takes effect on ${acceptance.on}, after the as-of date ${asOf}.`);
    }
    if (evaluation.expired) {
        reasons.push(`expired ${evaluation.lapses}`);
        facts.push(`Lapsed: ${evaluation.lapses} is before the as-of date ${asOf}.`);
    }
    // Without `by` at all, `incomplete` says it.
    if (!evaluation.authorised && acceptance.by !== undefined) {
        reasons.push('not authorised');
        facts.push(authorisationText(evaluation, risk));
    }
    if (evaluation.outdated) {
        reasons.push('outdated');
        facts.push(`The accepted level ${acceptance.level?.ref?.name} is below the residual level ${risk.residual?.level?.name}: it must be accepted again.`);
    }
    if (!evaluation.complete) {
        reasons.push('incomplete');
        facts.push('An acceptance needs `by`, `on` and a justification.');
    } else if (evaluation.termless) {
        reasons.push('no term');
        facts.push('It has no `until`, and the method\'s `accept { lasts … }` is not a valid duration, so it has no lapse date and never holds.');
    } else if (evaluation.lapses === undefined) {
        reasons.push('no valid dates');
        facts.push('Its `on` or `until` is not a real date, so it never holds.');
    }
    return { label: reasons.length > 0 ? reasons.join(', ') : 'not valid', explanation: facts.join('\n\n') };
}

function lapseText(evaluation: AcceptanceEvaluation, method: MethodModel | undefined): string {
    if (evaluation.lapses === undefined) {
        return '';
    }
    if (evaluation.acceptance.until !== undefined) {
        return `, until ${evaluation.lapses}`;
    }
    return `, lasting ${method?.acceptanceTerm ? formatTerm(method.acceptanceTerm) : 'the default term'} to ${evaluation.lapses}`;
}

function authorisationText(evaluation: AcceptanceEvaluation, risk: RiskEvaluation): string {
    const role = evaluation.acceptance.by?.ref;
    if (!role) {
        return 'No known role accepted it.';
    }
    const residual = risk.residual?.level ? `the residual ${risk.residual.level.name}` : 'the residual';
    if (role.management) {
        return `${role.name} is a management role and may accept any residual.`;
    }
    if (risk.major) {
        return `${role.name} is not a management role, and ${residual} is major: only a management role may accept it.`;
    }
    if (evaluation.authority?.tier === 'accepts') {
        return `${role.name} accepts up to ${evaluation.authority.level.name}, and ${residual} is within that and below major.`;
    }
    if (evaluation.authority?.tier === 'owner') {
        return `${role.name} owns the risk and ${residual} is below major.`;
    }
    const accepts = role.accepts?.ref ? `, and its \`accepts ${role.accepts.ref.name}\` does not reach ${residual}` : '';
    return `${role.name} is neither the risk owner nor a management role${accepts}.`;
}

function daysText(days: number): string {
    return days === 1 ? '1 day' : `${days} days`;
}
