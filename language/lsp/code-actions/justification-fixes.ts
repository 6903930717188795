/**
 * "Add a justification" where a decision lacks its reason: an acceptance without one
 * (`acceptance-incomplete`), an `include`/`exclude` line without one (`soa-unjustified`),
 * a `treatment defer` without its reason (`deferral-incomplete`). The text is a placeholder
 * that says what to write; it is plainly not a justification yet, so a reviewer sees it.
 */
import { GrammarUtils } from 'langium';
import { isAcceptance, isApplicabilityDecision, isTreatment } from '../../generated/ast.js';
import { JUSTIFICATION_PLACEHOLDER } from './acceptance-fix.js';
import { appendToBlock, insertAt } from './block-edits.js';
import { containerAt, localFix, type QuickFix } from './quick-fix.js';

export const INCLUDE_PLACEHOLDER = '"Justification: TODO - say why this control is needed"';
export const EXCLUDE_PLACEHOLDER = '"Justification: TODO - say why this control does not apply"';
export const DEFERRAL_PLACEHOLDER = '"Reason: TODO - say what the decision waits for"';

export const addAcceptanceJustification: QuickFix = context => {
    const acceptance = containerAt(context, isAcceptance);
    if (!acceptance || (acceptance.justification ?? '').trim() !== '') {
        return [];
    }
    // An empty string is replaced; a missing one is added as the last line of the block.
    const empty = GrammarUtils.findNodeForProperty(acceptance.$cstNode, 'justification');
    const edit = empty
        ? { range: empty.range, newText: JUSTIFICATION_PLACEHOLDER }
        : appendToBlock(context.document, acceptance, [JUSTIFICATION_PLACEHOLDER]);
    return localFix(context, 'Add a justification', [edit]);
};

export const addDecisionJustification: QuickFix = context => {
    const decision = containerAt(context, isApplicabilityDecision);
    const end = decision?.$cstNode?.end;
    if (!decision || end === undefined || (decision.justification ?? '').trim() !== '') {
        return [];
    }
    const placeholder = decision.decision === 'include' ? INCLUDE_PLACEHOLDER : EXCLUDE_PLACEHOLDER;
    const empty = GrammarUtils.findNodeForProperty(decision.$cstNode, 'justification');
    const edit = empty ? { range: empty.range, newText: placeholder } : insertAt(context.document, end, ` ${placeholder}`);
    return localFix(context, 'Add a justification', [edit]);
};

export const addDeferralReason: QuickFix = context => {
    const treatment = containerAt(context, isTreatment);
    const end = treatment?.$cstNode?.end;
    if (!treatment || treatment.option !== 'defer' || end === undefined || (treatment.reason ?? '').trim() !== '') {
        return [];
    }
    const empty = GrammarUtils.findNodeForProperty(treatment.$cstNode, 'reason');
    const edit = empty ? { range: empty.range, newText: DEFERRAL_PLACEHOLDER } : insertAt(context.document, end, ` ${DEFERRAL_PLACEHOLDER}`);
    return localFix(context, 'Add the reason for the deferral', [edit]);
};
