/**
 * Formal acceptance of residual risk (specification sections 7 and 8): every residual
 * above appetite needs a valid acceptance on the as-of date.
 */
import type { ValidationAcceptor } from 'langium';
import type { Acceptance, Risk } from '../generated/ast.js';
import type { ModelEvaluator } from '../evaluation/model-evaluator.js';
import type { AcceptanceEvaluation, RiskEvaluation } from '../evaluation/risk-evaluation.js';
import { IssueCodes } from './issue-codes.js';
import { report } from './report.js';

const EXPIRING_WITHIN_DAYS = 30;

export class AcceptanceValidator {
    constructor(private readonly evaluator: ModelEvaluator) {}

    checkResidualAccepted = (risk: Risk, accept: ValidationAcceptor): void => {
        const model = this.evaluator.evaluate();
        const evaluation = model.evaluationOf(risk);
        if (!evaluation?.aboveAppetite || evaluation.accepted) {
            return;
        }
        const residual = evaluation.residual!;
        const level = `${residual.level!.name}${residual.score !== undefined ? ` (${residual.score})` : ''}`;
        const appetite = model.method?.appetite?.name;
        const who = evaluation.major ? 'a management role' : `the risk owner or a management role`;
        const why = this.whyNotAccepted(evaluation);
        report(accept, IssueCodes.UnacceptedResidual,
            `${risk.name} residual ${level} is above appetite ${appetite} and has no valid acceptance${why}: add an \`acceptance\` by ${who}, or reduce the risk.`,
            { node: risk, property: 'name' });
    };

    private whyNotAccepted(evaluation: RiskEvaluation): string {
        if (evaluation.acceptances.length === 0) {
            return '';
        }
        const latest = evaluation.acceptances.at(-1)!;
        if (latest.expired) return ` (the last one lapsed on ${latest.lapses})`;
        if (latest.notYetEffective) return ` (the last one takes effect on ${latest.acceptance.on})`;
        if (latest.outdated) return ' (the last one accepted a lower level)';
        if (!latest.authorised) return ' (the last one was not given by an authorised role)';
        return ' (the last one is incomplete)';
    }

    checkAcceptance = (acceptance: Acceptance, accept: ValidationAcceptor): void => {
        const model = this.evaluator.evaluate();
        const risk = acceptance.$container;
        const riskEvaluation = model.evaluationOf(risk);
        const evaluation = riskEvaluation?.acceptances.find(candidate => candidate.acceptance === acceptance);
        if (!riskEvaluation || !evaluation) {
            return;
        }
        this.checkComplete(acceptance, accept);
        const residual = riskEvaluation.residual;
        if (acceptance.by?.ref && residual?.level && !evaluation.authorised) {
            const role = acceptance.by.ref;
            const message = riskEvaluation.major
                ? `${role.name} is not a management role and may not accept ${risk.name}: its residual ${residual.level.name} is at or above the major level ${model.method?.major?.name}. Have a role marked \`management\` accept it.`
                : `${role.name} may not accept ${risk.name}: only the risk owner${risk.owner?.ref ? ` (${risk.owner.ref.name})` : ''} or a management role may accept it.`;
            report(accept, IssueCodes.AcceptanceNotAuthorised, message, { node: acceptance, property: 'by' });
        }
        if (evaluation.outdated) {
            report(accept, IssueCodes.AcceptanceOutdated, `This acceptance was for ${acceptance.level?.ref?.name}, but ${risk.name}'s residual is now ${residual?.level?.name}: it must be accepted again at the current level, or the risk reduced.`, { node: acceptance, property: 'level' });
        }
        if (!riskEvaluation.aboveAppetite && residual?.level && model.method?.appetite) {
            report(accept, IssueCodes.AcceptanceUnneeded, `${risk.name}'s residual ${residual.level.name} is within appetite ${model.method.appetite.name}: it is acceptable without a formal acceptance.`, { node: acceptance, keyword: 'acceptance' });
            return;
        }
        this.checkTerm(evaluation, accept);
    };

    private checkComplete(acceptance: Acceptance, accept: ValidationAcceptor): void {
        const missing = [
            acceptance.by && acceptance.on ? undefined : '`by ROLE on DATE`',
            (acceptance.justification ?? '').trim() !== '' ? undefined : 'a justification string'
        ].filter(Boolean);
        if (missing.length > 0) {
            report(accept, IssueCodes.AcceptanceIncomplete, `This acceptance lacks ${missing.join(' and ')}: a formal acceptance records who accepted, when, and why.`, { node: acceptance, keyword: 'acceptance' });
        }
    }

    private checkTerm(evaluation: AcceptanceEvaluation, accept: ValidationAcceptor): void {
        const { acceptance } = evaluation;
        const where = { node: acceptance, property: acceptance.until ? 'until' as const : 'on' as const };
        const asOf = this.evaluator.evaluate().asOf;
        if (evaluation.expired) {
            report(accept, IssueCodes.AcceptanceExpired, `This acceptance lapsed on ${evaluation.lapses} (as of ${asOf}): review the risk and record a new acceptance, or treat it further.`, where);
        } else if (evaluation.daysLeft !== undefined && evaluation.daysLeft <= EXPIRING_WITHIN_DAYS && !evaluation.notYetEffective) {
            report(accept, IssueCodes.AcceptanceExpiring, `This acceptance lapses on ${evaluation.lapses}, in ${evaluation.daysLeft} day${evaluation.daysLeft === 1 ? '' : 's'}: plan the review and the renewed acceptance.`, where);
        }
    }
}
