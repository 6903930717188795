/**
 * Formal acceptance of residual risk (specification sections 7 and 8): every residual
 * above appetite needs a valid acceptance on the as-of date.
 */
import type { ValidationAcceptor } from 'langium';
import type { Acceptance, Risk, Role } from '../generated/ast.js';
import type { ModelEvaluator } from '../evaluation/model-evaluator.js';
import { addDuration, isRealDate } from '../evaluation/dates.js';
import { formatTerm } from '../evaluation/durations.js';
import type { AcceptanceEvaluation, RiskEvaluation } from '../evaluation/risk-evaluation.js';
import { IssueCodes } from './issue-codes.js';
import { report } from './report.js';

const EXPIRING_WITHIN_DAYS = 30;

export class AcceptanceValidator {
    constructor(private readonly evaluator: ModelEvaluator) {}

    checkResidualAccepted = (risk: Risk, accept: ValidationAcceptor): void => {
        const model = this.evaluator.evaluate(risk);
        const evaluation = model.evaluationOf(risk);
        if (!evaluation?.aboveAppetite || evaluation.accepted) {
            return;
        }
        const residual = evaluation.residual!;
        const level = `${residual.level!.name}${residual.score !== undefined ? ` (${residual.score})` : ''}`;
        const appetite = model.method?.appetite?.name;
        const who = evaluation.major ? 'a management role' : `the risk owner or a management role`;
        const why = this.whyNotAccepted(evaluation);
        const treated = evaluation.hasExplicitResidual ? undefined : treatmentWithoutResidual(risk);
        const fix = treated
            // The risk was treated but its residual never written down, so it still reads as the
            // inherent risk: writing the residual is the fix, not accepting or reducing again.
            ? `\`treatment ${treated.option}\` is chosen but there is no \`residual\`, so the residual is still the inherent risk. Add \`residual likelihood … impact …\` with the risk that remains ${treated.after}.`
            : `add an \`acceptance\` by ${who}, or reduce the risk.`;
        report(accept, IssueCodes.UnacceptedResidual,
            `${risk.name} residual ${level} is above appetite ${appetite} and has no valid acceptance${why}: ${fix}`,
            { node: risk, property: 'name' });
    };

    private whyNotAccepted(evaluation: RiskEvaluation): string {
        const latest = evaluation.acceptances.at(-1);
        if (!latest) {
            return '';
        }
        const { acceptance } = latest;
        if (!acceptance.by || !acceptance.on) return ' (the last one does not say `by` whom and `on` which date)';
        if (latest.expired) return ` (the last one ran until ${latest.lapses})`;
        if (latest.notYetEffective) return ` (the last one takes effect on ${acceptance.on})`;
        if (!latest.authorised && acceptance.by.ref) return ` (the last one was given by ${acceptance.by.ref.name}, who may not accept it)`;
        if (latest.outdated) return ` (the last one accepted ${acceptance.level?.ref?.name}, a lower level)`;
        if (!latest.complete) return ' (the last one has no justification)';
        const invalid = [acceptance.on, acceptance.until].find(date => date !== undefined && !isRealDate(date));
        if (!invalid && latest.termless) {
            return ' (the last one has no `until`, and the method\'s `lasts` is not a valid duration)';
        }
        return invalid ? ` (the last one has ${invalid}, which is not a date)` : ' (the last one has no valid date)';
    }

    checkAcceptance = (acceptance: Acceptance, accept: ValidationAcceptor): void => {
        const model = this.evaluator.evaluate(acceptance);
        const risk = acceptance.$container;
        const riskEvaluation = model.evaluationOf(risk);
        const evaluation = riskEvaluation?.acceptances.find(candidate => candidate.acceptance === acceptance);
        if (!riskEvaluation || !evaluation) {
            return;
        }
        this.checkComplete(acceptance, accept);
        if (evaluation.periodInvalid) {
            report(accept, IssueCodes.AcceptancePeriodInvalid, `This acceptance runs until ${acceptance.until}, before it starts on ${acceptance.on}, so it never holds: correct the dates (\`until\` is the last day it holds).`, { node: acceptance, property: 'until' });
        }
        const residual = riskEvaluation.residual;
        if (!riskEvaluation.aboveAppetite) {
            // Within appetite no acceptance is needed, so who gave it, what level it pinned
            // and when it lapses do not matter: say only that it is unneeded.
            if (residual?.level && model.method?.appetite) {
                report(accept, IssueCodes.AcceptanceUnneeded, `${risk.name}'s residual ${residual.level.name} is within appetite ${model.method.appetite.name}: it is acceptable without a formal acceptance; keep this one as a record or remove it.`, { node: acceptance, keyword: 'acceptance' });
            }
            return;
        }
        if (isSuperseded(evaluation, riskEvaluation)) {
            // A register may keep past acceptances as history: one that a valid acceptance
            // lasting longer has replaced no longer needs to be authorised, current or unexpired.
            return;
        }
        if (acceptance.by?.ref && residual?.level && !evaluation.authorised) {
            const role = acceptance.by.ref;
            const message = riskEvaluation.major
                ? `${role.name} is not a management role and may not accept ${risk.name}: its residual ${residual.level.name} is at or above the major level ${model.method?.major?.name}. Have a role marked \`management\` accept it.`
                : `${role.name} may not accept ${risk.name}'s residual ${residual.level.name}: only the risk owner${risk.owner?.ref ? ` (${risk.owner.ref.name})` : ''}, a management role, or a role that \`accepts ${residual.level.name}\` or higher may accept it${role.accepts?.ref ? ` (${role.name} accepts up to ${role.accepts.ref.name})` : ''}.`;
            report(accept, IssueCodes.AcceptanceNotAuthorised, message, { node: acceptance, property: 'by' });
        }
        if (evaluation.outdated) {
            report(accept, IssueCodes.AcceptanceOutdated, `This acceptance was for ${acceptance.level?.ref?.name}, but ${risk.name}'s residual is now ${residual?.level?.name}: it must be accepted again at ${residual?.level?.name}, or the risk reduced.`, { node: acceptance, property: 'level' });
        }
        this.checkTerm(evaluation, riskEvaluation, accept);
        const longest = model.method?.longestAcceptance;
        if (evaluation.tooLong && longest) {
            report(accept, IssueCodes.AcceptanceTooLong, `This acceptance runs from ${acceptance.on} until ${acceptance.until}, longer than the method's longest term of ${formatTerm(longest)}: set \`until\` no later than ${addDuration(acceptance.on!, longest.amount, longest.unit)} and review the risk then.`, { node: acceptance, property: 'until' });
        }
    };

    /** `accepts LEVEL` gives a non-management role authority below `major` only (section 11.2). */
    checkRoleAuthority = (role: Role, accept: ValidationAcceptor): void => {
        const level = role.accepts?.ref;
        if (!role.accepts) {
            return;
        }
        if (role.management) {
            report(accept, IssueCodes.RoleAuthorityInvalid, `${role.name} is a management role and may accept every residual, so \`accepts ${role.accepts.$refText}\` has no effect: remove it, or remove \`management\` to limit the role to ${role.accepts.$refText}.`, { node: role, property: 'accepts' });
            return;
        }
        const method = this.evaluator.evaluate(role).method;
        if (level && method?.isMajor(level)) {
            const below = method.levels[(method.rank(method.major) ?? 0) - 1];
            const fix = below ? `name a level below it (such as \`accepts ${below.name}\`)` : 'remove `accepts`';
            report(accept, IssueCodes.RoleAuthorityInvalid, `${role.name} \`accepts ${level.name}\`, which is at or above the major level ${method.major?.name}; only management roles may accept major risks: ${fix}, or mark the role \`management\`.`, { node: role, property: 'accepts' });
        }
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

    private checkTerm(evaluation: AcceptanceEvaluation, riskEvaluation: RiskEvaluation, accept: ValidationAcceptor): void {
        const { acceptance } = evaluation;
        const model = this.evaluator.evaluate(riskEvaluation.risk);
        const where = { node: acceptance, property: acceptance.until ? 'until' as const : 'on' as const };
        const term = acceptance.until || !model.method?.acceptanceTerm ? '' : ` (${formatTerm(model.method.acceptanceTerm)} from ${acceptance.on})`;
        if (evaluation.expired) {
            report(accept, IssueCodes.AcceptanceExpired, `This acceptance of ${riskEvaluation.risk.name} ran until ${evaluation.lapses}${term} and has lapsed as of ${model.asOf}: review the risk and record a new acceptance, or treat it further.`, where);
        } else if (evaluation.daysLeft !== undefined && evaluation.daysLeft <= EXPIRING_WITHIN_DAYS && !evaluation.notYetEffective) {
            const left = evaluation.daysLeft === 0 ? 'which is the as-of date' : `${evaluation.daysLeft} day${evaluation.daysLeft === 1 ? '' : 's'} after the as-of date ${model.asOf}`;
            report(accept, IssueCodes.AcceptanceExpiring, `This acceptance of ${riskEvaluation.risk.name} runs until ${evaluation.lapses}${term}, ${left}: plan the review and renew the acceptance before it lapses.`, where);
        }
    }
}

/**
 * A treatment that changes the risk (avoid, share, or reduce with actions), on a risk whose
 * residual is not written: what it is, and what the residual would be "after".
 */
function treatmentWithoutResidual(risk: Risk): { option: string; after: string } | undefined {
    for (const treatment of risk.treatments) {
        switch (treatment.option) {
            case 'avoid': return { option: 'avoid', after: 'after avoiding it' };
            case 'share':
            case 'transfer': return { option: treatment.option, after: `after ${treatment.option === 'share' ? 'sharing' : 'transferring'} it` };
            case 'reduce':
                if (treatment.actions.length > 0) {
                    return { option: 'reduce', after: 'once its actions are done' };
                }
        }
    }
    return undefined;
}

/** Another acceptance of the risk is valid and lasts longer: this one is history. */
function isSuperseded(evaluation: AcceptanceEvaluation, riskEvaluation: RiskEvaluation): boolean {
    return riskEvaluation.acceptances.some(other => other !== evaluation && other.valid
        && other.lapses !== undefined && (evaluation.lapses === undefined || other.lapses > evaluation.lapses));
}
