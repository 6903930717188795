/**
 * `syntax-error` on a residual written impact first: "Write the likelihood first" swaps the
 * two parts as written (names or numbers, and anything between them, stay as they are).
 */
import { isResidual } from '../../generated/ast.js';
import { reversedResidualParts } from '../../validation/residual-order.js';
import { rangeOf } from './block-edits.js';
import { containerAt, localFix, type QuickFix } from './quick-fix.js';

export const swapResidualOrder: QuickFix = context => {
    const residual = containerAt(context, isResidual);
    const parts = residual ? reversedResidualParts(residual) : undefined;
    if (!parts) {
        return [];
    }
    const text = context.document.textDocument.getText();
    const { impact, likelihood } = parts;
    const swapped = text.slice(likelihood.offset, likelihood.end) + text.slice(impact.end, likelihood.offset) + text.slice(impact.offset, impact.end);
    return localFix(context, 'Write the likelihood first', [{ range: rangeOf(context.document, impact.offset, likelihood.end), newText: swapped }], true);
};
