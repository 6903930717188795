/**
 * `syntax-error` where a block met a word it does not take, and one of its keywords is
 * near that word: "Change `dew` to `due`". The validator put the keyword in `data.suggestion`.
 */
import { dataOf, localFix, type QuickFix } from './quick-fix.js';

export const fixMisspeltKeyword: QuickFix = context => {
    const { suggestion } = dataOf(context.diagnostic);
    const written = context.document.textDocument.getText(context.diagnostic.range);
    if (!suggestion || written === suggestion || !/^[A-Za-z][A-Za-z0-9_-]*$/.test(written)) {
        return [];
    }
    return localFix(context, `Change \`${written}\` to \`${suggestion}\``, [{ range: context.diagnostic.range, newText: suggestion }], true);
};
