/**
 * "Add a justification" where a line lacks its reason: an SoA `include`/`exclude` line
 * (`soa-unjustified`) and a deferral (`deferral-incomplete`). The text is a `TODO`
 * placeholder that says what to write; the finding stays until the user replaces it
 * (validation/justification.ts), so the fix saves typing and hides nothing.
 */
import { GrammarUtils, type AstNode, type CstNode } from 'langium';
import { isApplicabilityDecision, isTreatment } from '../../generated/ast.js';
import { justificationState, placeholderText } from '../../evaluation/justification.js';
import { insertAt } from './block-edits.js';
import { containerAt, localFix, type FixContext, type QuickFix } from './quick-fix.js';

export const addDecisionJustification: QuickFix = context => {
    const line = containerAt(context, isApplicabilityDecision);
    if (!line || justificationState(line.justification) !== 'missing') {
        return [];
    }
    const ids = line.controls.map(control => control.$refText).join(', ');
    const why = line.decision === 'exclude' ? `say why ${ids} ${line.controls.length === 1 ? 'does' : 'do'} not apply` : `say why ${ids} ${line.controls.length === 1 ? 'is' : 'are'} needed`;
    return appendAfterLast(context, line, 'controls', placeholderText(why), 'Add a justification placeholder (then write why)', 'justification');
};

export const addDeferralReason: QuickFix = context => {
    const treatment = containerAt(context, isTreatment);
    if (!treatment || treatment.option !== 'defer' || justificationState(treatment.reason) !== 'missing') {
        return [];
    }
    const anchor = treatment.until !== undefined ? 'until' : 'option';
    return appendAfterLast(context, treatment, anchor, placeholderText('say why the treatment decision waits until then'), 'Add a reason placeholder (then write why the decision waits)', 'reason');
};

/**
 * Inserts ` text` right after the last CST node of the property; a reason written empty
 * (`""`) is replaced instead, not followed by a second string.
 */
function appendAfterLast(context: FixContext, node: AstNode, property: string, text: string, title: string, reason: string) {
    const empty = GrammarUtils.findNodeForProperty(node.$cstNode, reason);
    if (empty) {
        return localFix(context, title, [{ range: empty.range, newText: text }]);
    }
    const nodes: CstNode[] = GrammarUtils.findNodesForProperty(node.$cstNode, property);
    const last = nodes.at(-1);
    return last ? localFix(context, title, [insertAt(context.document, last.end, ` ${text}`)]) : [];
}
