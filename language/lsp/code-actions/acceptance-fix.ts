/**
 * "Add an acceptance" for a residual above appetite that no valid acceptance covers
 * (`unaccepted-residual`, `acceptance-expired`, `acceptance-outdated`): a stub dated the
 * as-of date, pinned at the residual level, by a role allowed to accept it, with a
 * justification the user has to write.
 */
import { isRisk } from '../../generated/ast.js';
import { appendToBlock } from './block-edits.js';
import { containerAt, localFix, type FixContext, type QuickFix } from './quick-fix.js';

/** Placeholder for a role that may accept a major residual, when the model has none. */
export const MANAGEMENT_ROLE_PLACEHOLDER = 'MANAGEMENT_ROLE';

/** Non-empty, so the acceptance counts, but plainly not a justification yet. */
export const JUSTIFICATION_PLACEHOLDER = '"Justification: TODO - say why this residual risk is acceptable"';

export const addAcceptance: QuickFix = context => {
    const risk = containerAt(context, isRisk);
    const model = context.services.evaluation.ModelEvaluator.evaluate(context.document);
    const evaluation = risk ? model.evaluationOf(risk) : undefined;
    if (!risk || !evaluation?.aboveAppetite) {
        return [];
    }
    const level = evaluation.residual?.level?.name;
    const by = acceptingRole(context, evaluation.major, risk.owner?.ref?.name);
    const lines = [
        'acceptance {',
        `  by ${by} on ${model.asOf}${level ? ` level ${level}` : ''}`,
        `  ${JUSTIFICATION_PLACEHOLDER}`,
        '}'
    ];
    return localFix(context, `Add an acceptance by ${by}`, [appendToBlock(context.document, risk, lines)]);
};

/**
 * Who may accept the residual: a management role when it is major (the first one of the
 * model), otherwise the risk owner, or a management role when the risk has no owner.
 */
function acceptingRole(context: FixContext, major: boolean, owner: string | undefined): string {
    const management = context.facts.roles.find(role => role.management)?.name ?? MANAGEMENT_ROLE_PLACEHOLDER;
    return major ? management : owner ?? management;
}
