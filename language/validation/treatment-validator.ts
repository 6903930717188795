/**
 * Rules of a risk's treatments (specification sections 7 and 11.3, 11.5): one line
 * per option, a `reduce` with live actions, a `share` with its party, a deferral with
 * its review point and reason, and treatment started within the method's term.
 */
import type { ValidationAcceptor } from 'langium';
import type { Risk, Treatment } from '../generated/ast.js';
import { formatTerm } from '../evaluation/durations.js';
import type { ModelEvaluator } from '../evaluation/model-evaluator.js';
import { IssueCodes } from './issue-codes.js';
import { report } from './report.js';

/** `transfer` is `share` by another name: writing both is the same option twice. */
function optionKey(treatment: Treatment): string {
    return treatment.option === 'transfer' ? 'share' : treatment.option;
}

export class TreatmentValidator {
    constructor(private readonly evaluator: ModelEvaluator) {}

    checkOneLinePerOption = (risk: Risk, accept: ValidationAcceptor): void => {
        const byOption = new Map<string, Treatment[]>();
        for (const treatment of risk.treatments) {
            byOption.set(optionKey(treatment), [...byOption.get(optionKey(treatment)) ?? [], treatment]);
        }
        for (const [option, treatments] of byOption) {
            const times = treatments.length === 2 ? 'twice' : `${treatments.length} times`;
            for (const earlier of treatments.slice(0, -1)) {
                report(accept, IssueCodes.DuplicateProperty, `\`treatment ${option}\` is given ${times} in risk ${risk.name}; a risk has one treatment per option: merge their actions into one \`treatment ${option}\` and remove the other.`, { node: earlier, property: 'option' });
            }
        }
    };

    checkTreatment = (treatment: Treatment, accept: ValidationAcceptor): void => {
        const where = { node: treatment, property: 'option' as const };
        if (treatment.option === 'reduce') {
            const live = treatment.actions.filter(action => action.status !== 'cancelled');
            if (treatment.actions.length === 0) {
                report(accept, IssueCodes.ActionMissing, '`treatment reduce` has no action: add `{ action "…" { owner ROLE due YYYY-MM-DD status planned } }` saying how the risk is reduced.', where);
            } else if (live.length === 0) {
                report(accept, IssueCodes.ActionMissing, `Every action of this \`treatment reduce\` is cancelled, so nothing reduces the risk: add an action that will, or choose another treatment.`, where);
            }
        }
        if ((treatment.option === 'share' || treatment.option === 'transfer') && !treatment.party) {
            report(accept, IssueCodes.ShareWithoutParty, `\`treatment ${treatment.option}\` does not say with whom: add \`with "Party"\` (an insurer, a supplier…).`, where);
        }
        if (treatment.option === 'defer') {
            this.checkDeferral(treatment, accept);
        }
    };

    private checkDeferral(treatment: Treatment, accept: ValidationAcceptor): void {
        const missing = [treatment.until ? undefined : '`until DATE` (the review point)', (treatment.reason ?? '').trim() ? undefined : 'reason'].filter(Boolean);
        if (missing.length > 0) {
            report(accept, IssueCodes.DeferralIncomplete, `This deferral has no ${missing.join(' and no ')}: write \`treatment defer until YYYY-MM-DD "why the decision waits"\`.`, { node: treatment, property: 'option' });
        }
        const model = this.evaluator.evaluate(treatment);
        const risk = treatment.$container;
        if (model.evaluationOf(risk)?.deferral?.lapsed) {
            report(accept, IssueCodes.DeferralLapsed, `The treatment decision on ${risk.name} was deferred until ${treatment.until}, which has passed as of ${model.asOf}: decide the treatment now, or defer again with a new date and reason.`, { node: treatment, property: 'until' });
        }
    }

    checkTreatmentStarted = (risk: Risk, accept: ValidationAcceptor): void => {
        const evaluation = this.evaluator.evaluate(risk).evaluationOf(risk);
        const late = evaluation?.treatmentLate;
        if (!late) {
            return;
        }
        const level = evaluation.inherent?.level?.name;
        const first = late.earliestDue ? `its first action is due on ${late.earliestDue}` : `it has no action with a due date as of ${this.evaluator.evaluate(risk).asOf}`;
        report(accept, IssueCodes.TreatmentLate, `${risk.name} is ${level}, identified on ${risk.identified}; the method asks to start treating ${level} risks within ${formatTerm(late.within)} (by ${late.deadline}), but ${first}: plan an action due by ${late.deadline}.`, { node: risk, property: 'identified' });
    };
}
