/**
 * "Add a justification" to an acceptance without one, or with a placeholder
 * (`acceptance-incomplete`): a field holding the prompt, selected for typing. Left as it
 * is, the prompt is still a placeholder, so the acceptance stays incomplete.
 */
import { GrammarUtils } from 'langium';
import { isAcceptance } from '../../generated/ast.js';
import { JUSTIFICATION_TEMPLATE } from './acceptance-fix.js';
import { appendToBlock } from './block-edits.js';
import { containerAt, type QuickFix } from './quick-fix.js';
import { templateFix } from './snippet-edits.js';

export const addAcceptanceJustification: QuickFix = context => {
    const acceptance = containerAt(context, isAcceptance);
    const risk = acceptance ? context.services.evaluation.ModelEvaluator.evaluate(context.document).evaluationOf(acceptance.$container) : undefined;
    const evaluation = risk?.acceptances.find(candidate => candidate.acceptance === acceptance);
    if (!acceptance || !evaluation || evaluation.justification === 'written') {
        return [];
    }
    if (evaluation.justification === 'placeholder' && !context.snippetEdits) {
        // As plain text the fix could only put one placeholder in place of another.
        return [];
    }
    // An empty or placeholder string is replaced; a missing one is added as the last line of the block.
    const written = GrammarUtils.findNodeForProperty(acceptance.$cstNode, 'justification');
    const edits = written
        ? [{ range: written.range, newText: JUSTIFICATION_TEMPLATE }]
        : appendToBlock(context.document, acceptance, [JUSTIFICATION_TEMPLATE]);
    return templateFix(context, 'Add a justification', edits);
};
