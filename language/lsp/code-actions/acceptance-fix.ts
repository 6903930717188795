/**
 * A residual above appetite that no valid acceptance covers (`unaccepted-residual`,
 * `acceptance-expired`, `acceptance-outdated`) offers both ways out:
 * - "Add an acceptance": a template by a role allowed to accept it, pinned at the residual
 *   level, with fields for the justification and the date. The justification's default is
 *   a prompt, which the evaluation counts as a placeholder (evaluation/justification.ts):
 *   until someone writes a reason the acceptance is incomplete and the error stays.
 * - "Reduce the risk: add a treatment action" (action-template.ts).
 */
import { JUSTIFICATION_PROMPT } from '../../evaluation/justification.js';
import { isRisk } from '../../generated/ast.js';
import { addReducingAction } from './action-template.js';
import { appendToBlock } from './block-edits.js';
import { containerAt, type FixContext, type QuickFix } from './quick-fix.js';
import { field, templateFix } from './snippet-edits.js';

/** Placeholder for a role that may accept a major residual, when the model has none. */
export const MANAGEMENT_ROLE_PLACEHOLDER = 'MANAGEMENT_ROLE';

/** The justification a fix inserts: a string whose text is a field to overwrite. */
export const JUSTIFICATION_TEMPLATE = `"${field(1, JUSTIFICATION_PROMPT)}"`;

const addAcceptance: QuickFix = context => {
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
        // Two spaces between the properties of one line, as the formatter writes them.
        `  by ${by} on ${field(2, model.asOf)}${level ? `  level ${level}` : ''}`,
        `  ${JUSTIFICATION_TEMPLATE}`,
        '}'
    ];
    return templateFix(context, `Add an acceptance by ${by}`, appendToBlock(context.document, risk, lines));
};

/** Accept the residual, or reduce the risk: the two decisions a risk above appetite needs. */
export const acceptOrReduce: QuickFix = context => [...addAcceptance(context), ...addReducingAction(context)];

/**
 * Who may accept the residual: a management role when it is major (the first one of the
 * model), otherwise the risk owner, or a management role when the risk has no owner.
 */
function acceptingRole(context: FixContext, major: boolean, owner: string | undefined): string {
    const management = context.facts.roles.find(role => role.management)?.name ?? MANAGEMENT_ROLE_PLACEHOLDER;
    return major ? management : owner ?? management;
}
