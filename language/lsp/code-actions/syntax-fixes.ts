/**
 * `syntax-error` fixes, where one edit is certain:
 * - a word a block does not take, near one of its keywords: "Change `dew` to `due`" (the
 *   validator put the keyword in `data.suggestion`);
 * - a residual written impact first: "Write the likelihood first".
 */
import { swapResidualOrder } from './residual-order-fix.js';
import { dataOf, localFix, type QuickFix } from './quick-fix.js';

const fixMisspeltKeyword: QuickFix = context => {
    const { suggestion } = dataOf(context.diagnostic);
    const written = context.document.textDocument.getText(context.diagnostic.range);
    if (!suggestion || written === suggestion || !/^[A-Za-z][A-Za-z0-9_-]*$/.test(written)) {
        return [];
    }
    return localFix(context, `Change '${written}' to '${suggestion}'`, [{ range: context.diagnostic.range, newText: suggestion }], true);
};

export const fixSyntaxError: QuickFix = context => [...fixMisspeltKeyword(context), ...swapResidualOrder(context)];
