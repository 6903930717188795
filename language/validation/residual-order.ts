/**
 * `residual impact X likelihood Y`: the grammar takes both orders so that the reversed one is
 * one finding with a fix instead of a syntax error and two `duplicate-property` errors on
 * the inherent lines (the parser used to read the stray `likelihood` as the inherent one).
 * The specification writes the likelihood first, as every other line of the model does.
 */
import { GrammarUtils, type CstNode, type ValidationAcceptor } from 'langium';
import type { Residual } from '../generated/ast.js';
import { IssueCodes } from './issue-codes.js';
import { report } from './report.js';

export interface ResidualParts {
    /** `likelihood Y`, from its keyword to its value. */
    readonly likelihood: { readonly offset: number; readonly end: number };
    readonly impact: { readonly offset: number; readonly end: number };
}

/** Where the two parts of a residual written impact first are; undefined when the order is right or a part is missing. */
export function reversedResidualParts(residual: Residual): ResidualParts | undefined {
    // The values' own syntax nodes tell the usual order without searching the block
    // (this runs on every residual of the model).
    const likelihoodValue = residual.likelihood?.$refNode;
    const impactValue = residual.impact?.$refNode;
    if (!likelihoodValue || !impactValue || likelihoodValue.offset < impactValue.offset) {
        return undefined;
    }
    const likelihood = part(residual.$cstNode, 'likelihood');
    const impact = part(residual.$cstNode, 'impact');
    return likelihood && impact && impact.offset < likelihood.offset ? { likelihood, impact } : undefined;
}

function part(cst: CstNode | undefined, property: 'likelihood' | 'impact'): { offset: number; end: number } | undefined {
    const keyword = GrammarUtils.findNodeForKeyword(cst, property);
    const value = GrammarUtils.findNodeForProperty(cst, property);
    return keyword && value ? { offset: keyword.offset, end: value.end } : undefined;
}

export function checkResidualOrder(residual: Residual, accept: ValidationAcceptor): void {
    if (!reversedResidualParts(residual)) {
        return;
    }
    const written = `residual likelihood ${residual.likelihood?.$refText} impact ${residual.impact?.$refText}`;
    report(accept, IssueCodes.SyntaxError, `\`residual\` takes the likelihood first, then the impact: write \`${written}\`.`, { node: residual });
}
