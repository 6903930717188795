/**
 * `review-overdue`: "Record a review on <as-of date>" sets `reviewed` to the as-of date, or
 * adds it. Only a review makes that true, so the title says so and the fix is never the
 * preferred one: applying it with Ctrl+. then Enter must not silence the finding.
 */
import { GrammarUtils } from 'langium';
import { isRisk } from '../../generated/ast.js';
import { appendToBlock } from './block-edits.js';
import { containerAt, localFix, type QuickFix } from './quick-fix.js';

export const recordReview: QuickFix = context => {
    const risk = containerAt(context, isRisk);
    if (!risk) {
        return [];
    }
    const asOf = context.services.evaluation.ModelEvaluator.evaluate(context.document).asOf;
    // A `reviewed` written twice (itself a diagnostic) is set on every line.
    const written = GrammarUtils.findNodesForProperty(risk.$cstNode, 'reviewed');
    const edits = written.length > 0
        ? written.map(date => ({ range: date.range, newText: asOf }))
        : appendToBlock(context.document, risk, [`reviewed ${asOf}`]);
    return localFix(context, `I reviewed ${risk.name}: set reviewed to ${asOf}`, edits);
};
