/**
 * `action-overdue`: "Mark the action done" sets its `status` to `done`, or adds
 * `status done` when it has none.
 */
import { GrammarUtils } from 'langium';
import { isAction } from '../../generated/ast.js';
import { appendToBlock, rangeOf } from './block-edits.js';
import { containerAt, localFix, type QuickFix } from './quick-fix.js';

export const markActionDone: QuickFix = context => {
    const action = containerAt(context, isAction);
    if (!action || action.status === 'done') {
        return [];
    }
    // A `status` written twice (itself a diagnostic) is set to `done` both times.
    const statuses = GrammarUtils.findNodesForProperty(action.$cstNode, 'status');
    const edits = statuses.length > 0
        ? statuses.map(status => ({ range: rangeOf(context.document, status.offset, status.end), newText: 'done' }))
        : appendToBlock(context.document, action, ['status done']);
    return localFix(context, 'Mark the action done', edits);
};
