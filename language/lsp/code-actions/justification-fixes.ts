/**
 * "Add a justification" to an acceptance without one (`acceptance-incomplete`). The text
 * is a placeholder that says what to write; it is plainly not a justification yet, so a
 * reviewer sees it.
 */
import { GrammarUtils } from 'langium';
import { isAcceptance } from '../../generated/ast.js';
import { JUSTIFICATION_PLACEHOLDER } from './acceptance-fix.js';
import { appendToBlock } from './block-edits.js';
import { containerAt, localFix, type QuickFix } from './quick-fix.js';

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
