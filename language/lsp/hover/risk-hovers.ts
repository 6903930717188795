/** The summary card of a risk, and the hover of one of its actions. */
import type { Reference } from 'langium';
import type { ModelEvaluation } from '../../evaluation/model-evaluator.js';
import type { ActionEvaluation, Assessment, RiskEvaluation } from '../../evaluation/risk-evaluation.js';
import type { Action, ControlTarget, Risk, Treatment } from '../../generated/ast.js';
import { ANNEX_A_BY_ID } from '../../builtins/annex-a.js';
import { treatmentOption } from '../../exports/cells.js';
import { acceptanceText } from '../text/acceptance-text.js';
import { scaleValueText, scoreAndLevelText } from '../text/assessment-text.js';
import { listText, paragraphs } from '../text/markdown.js';

export function riskHover(risk: Risk, evaluation: ModelEvaluation): string {
    const evaluated = evaluation.evaluationOf(risk);
    if (!evaluated) {
        return `**Risk ${risk.name}** · ${risk.title}`;
    }
    return paragraphs(
        `**Risk ${risk.name}** · ${risk.title}`,
        `Owner: ${risk.owner?.$refText ?? 'none'} · status ${risk.status ?? 'not given'} · scope ${evaluated.scope?.name ?? 'none'}`,
        scenarioText(risk),
        risk.identified ? `Identified ${risk.identified}.` : undefined,
        tagsText(risk.tags),
        `**Inherent:** ${assessmentText(evaluated.inherent)}`,
        `**Residual:** ${evaluated.hasExplicitResidual ? '' : 'as inherent, '}${assessmentText(evaluated.residual)}${appetiteText(evaluated, evaluation)}`,
        `**Treatment:** ${risk.treatments.length > 0 ? risk.treatments.map(treatmentText).join('; ') : 'none'}`,
        evaluated.actions.map(actionLine).join('\n'),
        `**Acceptance:** ${acceptancesText(evaluated, evaluation)}`,
        reviewText(evaluated)
    );
}

export function actionHover(action: Action, evaluation: ModelEvaluation): string {
    const risk = evaluation.evaluationOf(action.$container.$container);
    const evaluated = risk?.actions.find(candidate => candidate.action === action);
    return paragraphs(
        `**Action ${evaluated?.id ?? action.name ?? ''}** · ${action.title}`,
        `Risk ${action.$container.$container.name} · treatment ${treatmentOption(action.$container.option)}`,
        `Owner: ${action.owner?.$refText ?? 'none'} · due ${action.due ?? 'not given'} · status ${action.status ?? 'not given'}${evaluated?.overdue ? ' (overdue)' : ''}${action.completed ? ` · completed ${action.completed}` : ''}`,
        `Controls: ${listText(action.controls.map(controlText))}`
    );
}

function treatmentText(treatment: Treatment): string {
    if (treatment.option === 'defer') {
        return `defer${treatment.until ? ` until ${treatment.until}` : ''}${treatment.reason ? ` (${treatment.reason})` : ''}`;
    }
    // `transfer` is shown as `share`, the specification's word, as the exports write it.
    const option = treatmentOption(treatment.option);
    return treatment.party ? `${option} with ${treatment.party}` : option;
}

/** The scenario in one line: threats, and the security properties it harms. */
function scenarioText(risk: Risk): string | undefined {
    const parts = [
        risk.threats.length > 0 ? `Threat: ${risk.threats.map(threat => threat.$refText).join(', ')}` : undefined,
        risk.affects.length > 0 ? `affects ${risk.affects.join(', ')}` : undefined
    ].filter(part => part !== undefined);
    return parts.length > 0 ? parts.join(' · ') : undefined;
}

/** `Tags: gdpr, supplier`, or nothing when there are none. */
export function tagsText(tags: readonly string[]): string | undefined {
    return tags.length > 0 ? `Tags: ${tags.join(', ')}` : undefined;
}

function assessmentText(assessment: Assessment | undefined): string {
    if (!assessment) {
        return 'not assessed';
    }
    return `likelihood ${scaleValueText(assessment.likelihood)}, impact ${scaleValueText(assessment.impact)} ⇒ ${scoreAndLevelText(assessment)}`;
}

function appetiteText(risk: RiskEvaluation, evaluation: ModelEvaluation): string {
    const appetite = evaluation.method?.appetite;
    if (!appetite || !risk.residual?.level) {
        return '';
    }
    return risk.aboveAppetite ? ` ⚠ above appetite (${appetite.name})` : ` ✓ within appetite (${appetite.name})`;
}

function actionLine(action: ActionEvaluation): string {
    const { owner, due, status, title } = action.action;
    const overdue = action.overdue ? ' (overdue)' : '';
    return `- ${action.id} ${title}: ${status ?? 'no status'}, due ${due ?? 'not given'}${overdue}, owner ${owner?.$refText ?? 'none'}`;
}

function acceptancesText(risk: RiskEvaluation, evaluation: ModelEvaluation): string {
    if (risk.acceptances.length === 0) {
        return risk.aboveAppetite ? 'none, and the residual is above appetite' : 'none';
    }
    return risk.acceptances.map(acceptance => {
        const { by, on } = acceptance.acceptance;
        const { label } = acceptanceText(acceptance, risk, evaluation.method, evaluation.asOf);
        return `by ${by?.$refText ?? 'nobody'} on ${on ?? 'no date'}: ${label}`;
    }).join('; ');
}

function reviewText(risk: RiskEvaluation): string {
    const reviewed = risk.risk.reviewed ? `Reviewed ${risk.risk.reviewed}` : 'Never reviewed';
    const due = risk.reviewDue ? `; next review due ${risk.reviewDue}` : '';
    return `${reviewed}${due}${risk.reviewOverdue ? ' (overdue)' : ''}.`;
}

function controlText(reference: Reference<ControlTarget>): string {
    const entry = ANNEX_A_BY_ID.get(reference.$refText);
    return entry ? `${entry.id} ${entry.title}` : reference.$refText;
}
