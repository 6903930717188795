/**
 * Reading a node's own properties off its concrete syntax tree, cheaply: the grammar
 * assignment of each syntax node is looked up once per grammar element (there are a few
 * hundred) instead of once per parsed node (there are hundreds of thousands), and a
 * search stops at what it looks for.
 *
 * Langium's `findNodeForProperty`, which places every diagnostic reported on a property,
 * walks all of the node's children and climbs the grammar from each; a large model
 * reports thousands of diagnostics on every build.
 */
import { AstUtils, GrammarAST, isCompositeCstNode, type AstNode, type CstNode } from 'langium';
import type { Range } from 'vscode-languageserver-types';

const ASSIGNMENTS = new WeakMap<GrammarAST.AbstractElement, GrammarAST.Assignment | null>();

/** The grammar assignment a parsed element belongs to. */
export function assignmentOf(element: GrammarAST.AbstractElement | undefined): GrammarAST.Assignment | undefined {
    if (!element) {
        return undefined;
    }
    let assignment = ASSIGNMENTS.get(element);
    if (assignment === undefined) {
        assignment = AstUtils.getContainerOfType(element, GrammarAST.isAssignment) ?? null;
        ASSIGNMENTS.set(element, assignment);
    }
    return assignment ?? undefined;
}

/**
 * Calls `visit` with each syntax node assigned to a property of `node` itself, with the
 * children of its composite node as siblings, in text order; stops when `visit` returns
 * true. A declaration parsed through an unassigned rule call (`Element: Role | Risk | …`)
 * has its tokens one composite node deeper: composites of the same node are descended into.
 */
export function visitOwnAssignments(node: AstNode, visit: (child: CstNode, assignment: GrammarAST.Assignment, siblings: readonly CstNode[], index: number) => boolean | void): void {
    const walk = (cst: CstNode | undefined): boolean => {
        const content = isCompositeCstNode(cst) ? cst.content : [];
        for (let index = 0; index < content.length; index++) {
            const child = content[index];
            const assignment = assignmentOf(child.grammarSource);
            if (assignment) {
                if (visit(child, assignment, content, index) === true) {
                    return true;
                }
            } else if (isCompositeCstNode(child) && child.astNode === node && walk(child)) {
                return true;
            }
        }
        return false;
    };
    walk(node.$cstNode);
}

/**
 * Where `node`'s property is written: the `index`-th value of it (the last one when there
 * are fewer), as Langium's `findNodeForProperty` finds it; undefined when it is not written.
 */
export function propertyRange(node: AstNode, property: string, index = 0): Range | undefined {
    let found: CstNode | undefined;
    let seen = 0;
    visitOwnAssignments(node, (child, assignment) => {
        if (assignment.feature !== property) {
            return false;
        }
        found = child;
        return seen++ >= index;
    });
    return found?.range;
}
