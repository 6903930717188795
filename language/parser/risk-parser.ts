/**
 * The parser, with one repair: a single-valued block written twice (`levels { … }`
 * twice in a method) keeps the last one, and Langium leaves the first one's syntax
 * nodes pointing at an AST node that is no longer in the tree. Such a node has no
 * container and no document, so hover, definition, references and rename threw on it.
 * After parsing, the text of a dropped node belongs to the block that holds it: it stays
 * in the text (and `duplicate-property` marks it), but no editor feature reaches a node
 * that is not part of the model: references and names are not looked for in dropped
 * text (`isDroppedText`, risk-references.ts). Only the formatter, which lays out every
 * line written, asks for the dropped node (`droppedNodeOf`).
 */
import { createParser, isCompositeCstNode, LangiumParser, type AstNode, type CstNode, type LangiumCoreServices, type ParseResult } from 'langium';

export class RiskParser extends LangiumParser {
    override parse<T extends AstNode = AstNode>(input: string, options?: { rule?: string }): ParseResult<T> {
        const result = super.parse<T>(input, options);
        detachDroppedNodes(result.value);
        return result;
    }
}

export function createRiskParser(services: LangiumCoreServices): RiskParser {
    const parser = createParser(services.Grammar, new RiskParser(services), services.parser.Lexer.definition);
    parser.finalize();
    return parser;
}

const DROPPED = new WeakMap<CstNode, AstNode>();

/** The AST node the parser dropped whose text this syntax node is, for layout only. */
export function droppedNodeOf(cst: CstNode): AstNode | undefined {
    return DROPPED.get(cst);
}

/** True for the text of a block the parser dropped: no declaration or reference is found there. */
export function isDroppedText(cst: CstNode): boolean {
    for (let node: CstNode | undefined = cst; node; node = node.container) {
        if (DROPPED.has(node)) {
            return true;
        }
    }
    return false;
}

/**
 * Points every syntax node of an AST node that is not in the tree at its enclosing node in
 * the tree. It runs after every parse (each keystroke in the editor), so it walks the
 * composite syntax nodes with plain loops and tells a node in the tree by its container
 * chain (the parser links a node to its container when the container is built, and a
 * dropped node is no longer among its container's properties) instead of collecting
 * every AST node first: a tenth of a parse before, a hundredth now.
 */
export function detachDroppedNodes(root: AstNode): void {
    const rootCst = root.$cstNode;
    if (!rootCst || !isCompositeCstNode(rootCst)) {
        return;
    }
    // Pre-order, parents first: a child without an AST node of its own then answers with
    // its nearest enclosing node that is still in the tree.
    const pending: CstNode[] = [...rootCst.content].reverse();
    while (pending.length > 0) {
        const cst = pending.pop()!;
        if (!isCompositeCstNode(cst)) {
            continue;
        }
        const astNode = cst.astNode;
        if (!isInTree(astNode, root)) {
            if (astNode.$cstNode === cst) {
                DROPPED.set(cst, astNode);
            }
            // Unset, a composite node answers with its container's AST node.
            (cst as { astNode: AstNode | undefined }).astNode = undefined;
        }
        for (let index = cst.content.length - 1; index >= 0; index--) {
            pending.push(cst.content[index]);
        }
    }
}

function isInTree(node: AstNode, root: AstNode): boolean {
    let current: AstNode | undefined = node;
    while (current && current !== root) {
        current = current.$container;
    }
    return current === root;
}
