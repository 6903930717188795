/**
 * Rules of a risk scenario and its treatment (specification sections 5–7), checked on
 * the evaluated model so that no rule scores a risk by itself.
 */
import type { ValidationAcceptor } from 'langium';
import type { Action, Asset, Risk, Vulnerability } from '../generated/ast.js';
import type { ModelEvaluator } from '../evaluation/model-evaluator.js';
import { formatTerm } from '../evaluation/durations.js';
import type { Assessment } from '../evaluation/risk-evaluation.js';
import { IssueCodes } from './issue-codes.js';
import { report } from './report.js';

export class RiskValidator {
    constructor(private readonly evaluator: ModelEvaluator) {}

    checkAssessed = (risk: Risk, accept: ValidationAcceptor): void => {
        const missing = [risk.likelihood ? undefined : 'likelihood', risk.impact ? undefined : 'impact'].filter(Boolean);
        if (missing.length === 0) {
            return;
        }
        const pastIdentified = risk.status !== undefined && risk.status !== 'identified';
        const message = pastIdentified
            ? `${risk.name} is \`${risk.status}\` but has no ${missing.join(' or ')}: assess it with \`likelihood\` and \`impact\`, or set \`status identified\`.`
            : `${risk.name} is not assessed yet: add ${missing.map(property => `\`${property}\``).join(' and ')} to score it.`;
        report(accept, IssueCodes.NotAssessed, message, { node: risk, property: 'name' }, pastIdentified ? 'error' : 'warning');
    };

    checkRiskOwner = (risk: Risk, accept: ValidationAcceptor): void => {
        if (!risk.owner) {
            report(accept, IssueCodes.MissingOwner, `${risk.name} has no owner: add \`owner ROLE\`; every risk needs someone accountable for it (ISO/IEC 27001 6.1.2).`, { node: risk, property: 'name' });
        }
    };

    checkAssetOwner = (asset: Asset, accept: ValidationAcceptor): void => {
        if (asset.category?.layer === 'primary' && !asset.owner) {
            report(accept, IssueCodes.MissingOwner, `The primary asset ${asset.name} has no owner: add \`owner ROLE\`.`, { node: asset, property: 'name' });
        }
    };

    checkAssetSupports = (asset: Asset, accept: ValidationAcceptor): void => {
        const layer = asset.category?.layer;
        if (layer === 'primary' && asset.supports.length > 0) {
            report(accept, IssueCodes.ScenarioMismatch, `${asset.name} is a primary asset; only supporting assets \`support\` primary ones: remove \`supports\` or make ${asset.name} a supporting asset.`, { node: asset, property: 'supports' });
        }
        if (layer === 'supporting') {
            asset.supports.forEach((supported, index) => {
                if (supported.ref?.category?.layer === 'supporting') {
                    report(accept, IssueCodes.ScenarioMismatch, `${supported.ref.name} is a supporting asset; \`supports\` lists primary assets (information, processes, services).`, { node: asset, property: 'supports', index });
                }
            });
            if (asset.supports.length === 0) {
                report(accept, IssueCodes.SupportsNothing, `The supporting asset ${asset.name} supports no primary asset: add \`supports PRIMARY_ASSET\` so risks on it know what they harm.`, { node: asset, property: 'name' });
            }
        }
    };

    checkVulnerabilityAssets = (vulnerability: Vulnerability, accept: ValidationAcceptor): void => {
        vulnerability.on.forEach((asset, index) => {
            if (asset.ref?.category?.layer === 'primary') {
                report(accept, IssueCodes.ScenarioMismatch, `${asset.ref.name} is a primary asset; a vulnerability lies \`on\` supporting assets (systems, software, people, suppliers…).`, { node: vulnerability, property: 'on', index });
            }
        });
    };

    checkScenario = (risk: Risk, accept: ValidationAcceptor): void => {
        risk.on.forEach((asset, index) => {
            if (asset.ref?.category?.layer === 'primary') {
                report(accept, IssueCodes.ScenarioMismatch, `${asset.ref.name} is a primary asset; \`on\` names the supporting assets the scenario acts on: move it to \`harms\`.`, { node: risk, property: 'on', index });
            }
        });
        risk.harms.forEach((asset, index) => {
            if (asset.ref?.category?.layer === 'supporting') {
                report(accept, IssueCodes.ScenarioMismatch, `${asset.ref.name} is a supporting asset; \`harms\` names the primary assets that suffer: move it to \`on\`.`, { node: risk, property: 'harms', index });
            }
        });
    };

    checkResidual = (risk: Risk, accept: ValidationAcceptor): void => {
        const evaluation = this.evaluator.evaluate(risk).evaluationOf(risk);
        if (!evaluation?.inherent || !evaluation.hasExplicitResidual || !evaluation.residual || !risk.residual) {
            return;
        }
        const { inherent, residual } = evaluation;
        const raised = [
            residual.likelihood.value > inherent.likelihood.value ? `likelihood ${describe(residual, 'likelihood')} > ${describe(inherent, 'likelihood')}` : undefined,
            residual.impact.value > inherent.impact.value ? `impact ${describe(residual, 'impact')} > ${describe(inherent, 'impact')}` : undefined
        ].filter(Boolean);
        if (raised.length > 0) {
            // Point at the value that is too high; at the whole `residual` line when both are.
            const where = raised.length === 2 ? { node: risk.residual } : { node: risk.residual, property: residual.likelihood.value > inherent.likelihood.value ? 'likelihood' as const : 'impact' as const };
            report(accept, IssueCodes.ResidualAboveInherent, `The residual of ${risk.name} is higher than its inherent risk (${raised.join(', ')}): treatment does not raise a risk; check both assessments.`, where);
            return;
        }
        const lowered = [
            residual.likelihood.value < inherent.likelihood.value ? `likelihood ${describe(residual, 'likelihood')} < ${describe(inherent, 'likelihood')}` : undefined,
            residual.impact.value < inherent.impact.value ? `impact ${describe(residual, 'impact')} < ${describe(inherent, 'impact')}` : undefined
        ].filter(Boolean);
        // A cancelled action reduces nothing, and a deferral decides nothing (section 11.3).
        const liveActions = evaluation.actions.filter(action => action.action.status !== 'cancelled');
        const explained = liveActions.length > 0 || risk.treatments.some(treatment => ['avoid', 'share', 'transfer'].includes(treatment.option));
        if (lowered.length > 0 && !explained) {
            const why = risk.treatments.length === 0
                ? 'there is no treatment to explain the reduction'
                : evaluation.actions.length > 0
                    ? 'all its actions are cancelled, so nothing explains the reduction'
                    : `\`treatment ${risk.treatments.map(candidate => candidate.option).join('` and `treatment ')}\` ${risk.treatments.length === 1 ? 'has' : 'have'} no action to explain the reduction`;
            report(accept, IssueCodes.ResidualUnjustified, `The residual of ${risk.name} is lower than its inherent risk (${lowered.join(', ')}), but ${why}: add the actions that reduce it, choose \`avoid\` or \`share\`, or remove \`residual\`.`, { node: risk.residual });
        }
    };

    checkTreatment = (risk: Risk, accept: ValidationAcceptor): void => {
        const evaluation = this.evaluator.evaluate(risk).evaluationOf(risk);
        if (evaluation?.inherentAboveAppetite && risk.treatments.length === 0) {
            const inherent = evaluation.inherent!;
            const level = `${inherent.level!.name}${inherent.score !== undefined ? ` (${inherent.score})` : ''}`;
            const appetite = this.evaluator.evaluate(risk).method?.appetite?.name;
            report(accept, IssueCodes.TreatmentMissing, `${risk.name} inherent ${level} is above appetite ${appetite} and has no treatment: decide how to treat it with \`treatment reduce|accept|share|avoid\`.`, { node: risk, property: 'name' });
        }
    };

    checkAction = (action: Action, accept: ValidationAcceptor): void => {
        const risk = action.$container.$container;
        const evaluation = this.evaluator.evaluate(action).evaluationOf(risk)?.actions.find(candidate => candidate.action === action);
        const label = evaluation?.id ?? action.name ?? 'This action';
        // One finding per omission (specification 11.7): an action without owner is
        // `action-incomplete` only, never also `missing-owner`.
        const missing = [action.owner ? undefined : ['`owner`', '`owner ROLE`'], action.due ? undefined : ['`due`', '`due YYYY-MM-DD`']].filter(part => part !== undefined);
        if (missing.length > 0) {
            report(accept, IssueCodes.ActionIncomplete,
                `Action ${label} has no ${missing.map(([name]) => name).join(' or ')}: add ${missing.map(([, line]) => line).join(' and ')}; a treatment plan needs someone and a date for every action.`,
                { node: action, property: action.name ? 'name' : 'title' });
        }
        if (action.completed !== undefined && action.status !== 'done') {
            report(accept, IssueCodes.ActionStatusMismatch, `Action ${label} has a \`completed\` date but is ${action.status ? `\`${action.status}\`` : 'not marked done'}: set \`status done\` if it is finished, or remove \`completed\`.`, { node: action, property: 'completed' });
        }
        if (evaluation?.overdue) {
            report(accept, IssueCodes.ActionOverdue, `Action ${label} was due on ${action.due} and is ${action.status ? `still ${action.status}` : 'not done'} as of ${this.evaluator.evaluate(action).asOf}: complete it (\`status done\`), re-plan its \`due\` date, or cancel it.`, { node: action, property: 'due' });
        }
    };

    checkImpact = (risk: Risk, accept: ValidationAcceptor): void => {
        const evaluation = this.evaluator.evaluate(risk).evaluationOf(risk);
        const understated = evaluation?.impactUnderstated;
        if (!understated || !evaluation.inherent) {
            return;
        }
        const { asset, property, value } = understated;
        report(accept, IssueCodes.ImpactUnderstated, `${risk.name} affects ${property} of ${asset.name}, whose ${property} is ${value.value} ${value.name}, but its impact is ${describe(evaluation.inherent, 'impact')}: raise the impact to ${value.value} ${value.name}, or correct \`affects\` or the asset's value.`, { node: risk, property: 'impact' });
    };

    checkClosed = (risk: Risk, accept: ValidationAcceptor): void => {
        if (risk.status !== 'closed') {
            return;
        }
        const open = this.evaluator.evaluate(risk).evaluationOf(risk)?.actions.filter(action => action.open) ?? [];
        if (open.length > 0) {
            report(accept, IssueCodes.ClosedWithOpenActions, `${risk.name} is closed but ${open.map(action => action.id).join(', ')} ${open.length === 1 ? 'is' : 'are'} still open: finish or cancel ${open.length === 1 ? 'it' : 'them'}, or reopen the risk.`, { node: risk, property: 'status' });
        }
    };

    checkReview = (risk: Risk, accept: ValidationAcceptor): void => {
        const evaluation = this.evaluator.evaluate(risk).evaluationOf(risk);
        if (!evaluation?.reviewOverdue) {
            return;
        }
        const model = this.evaluator.evaluate(risk);
        const level = evaluation.residual?.level;
        const cadence = model.method?.reviewCadence(level);
        const every = cadence ? ` every ${formatTerm(cadence)}` : '';
        const specific = level && model.method?.method.reviews.some(review => review.level?.ref === level) ? ` for ${level.name} risks` : '';
        if (!risk.reviewed) {
            report(accept, IssueCodes.ReviewOverdue, `${risk.name} has never been reviewed, and the method asks for a review${every}${specific}: review it and add \`reviewed YYYY-MM-DD\`.`, { node: risk, property: 'name' });
        } else {
            report(accept, IssueCodes.ReviewOverdue, `${risk.name} was last reviewed on ${risk.reviewed}; with a review${every}${specific}, the next one was due on ${evaluation.reviewDue}: review it and update \`reviewed\`.`, { node: risk, property: 'reviewed' });
        }
    };
}

function describe(assessment: Assessment, scale: 'likelihood' | 'impact'): string {
    const value = assessment[scale];
    return `${value.value} ${value.name}`;
}
