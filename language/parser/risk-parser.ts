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
import { AstUtils, createParser, CstUtils, isCompositeCstNode, LangiumParser, type AstNode, type CstNode, type LangiumCoreServices, type ParseResult } from 'langium';

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

/** Points every syntax node of an AST node that is not in the tree at its enclosing node in the tree. */
export function detachDroppedNodes(root: AstNode): void {
    const rootCst = root.$cstNode;
    if (!rootCst) {
        return;
    }
    const inTree = new Set<AstNode>(AstUtils.streamAst(root));
    for (const cst of CstUtils.streamCst(rootCst)) {
        // A composite node owns an AST node; leaves take their container's.
        if (isCompositeCstNode(cst) && cst !== rootCst && !inTree.has(cst.astNode)) {
            if (cst.astNode.$cstNode === cst) {
                DROPPED.set(cst, cst.astNode);
            }
            // Unset, a composite node answers with its container's AST node.
            (cst as { astNode: AstNode | undefined }).astNode = undefined;
        }
    }
}
