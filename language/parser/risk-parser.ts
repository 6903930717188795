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
    const parser = new RiskParser(services);
    shapeNewNodes(parser, services.shared.AstReflection);
    createParser(services.Grammar, parser, services.parser.Lexer.definition);
    parser.finalize();
    return parser;
}

/**
 * AST nodes with room for every property of their type. Langium creates a node as
 * `{ $type }` and adds each property as it is parsed, by computed name; V8 turns an object
 * that receives more than a dozen properties that way into a hash table: a risk, its
 * treatment and its residual took about 2.6 KB in that form (heap snapshot of 2,000
 * risks), and reading their properties is slower. V8 sizes an object made by a
 * constructor for the `this.<name> =` assignments written in the constructor, whether
 * they run or not: a constructor per node type that names all its properties but sets
 * only `$type` makes nodes with room for all of them, filled in the order they are parsed
 * (the key order, which the AST walks follow, stays that of the text), on the plain
 * object prototype. The source of each constructor is made from the grammar's property
 * names only. The parser pushes every new node on its stack before it fills it in: that
 * is where the roomy node replaces it.
 */
function shapeNewNodes(parser: RiskParser, reflection: LangiumCoreServices['shared']['AstReflection']): void {
    const constructors = new Map<string, (new () => object) | undefined>();
    const constructorOf = (type: string): (new () => object) | undefined => {
        if (!constructors.has(type)) {
            constructors.set(type, roomyConstructor(type, reflection));
        }
        return constructors.get(type);
    };
    const stack = (parser as unknown as { stack: object[] }).stack;
    const push = stack.push;
    stack.push = function (...items: object[]): number {
        return push.apply(this, items.map(item => {
            const type = (item as { $type?: unknown }).$type;
            const Node = typeof type === 'string' && isFresh(item) ? constructorOf(type) : undefined;
            return Node ? new Node() : item;
        }));
    };
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

function roomyConstructor(type: string, reflection: LangiumCoreServices['shared']['AstReflection']): (new () => object) | undefined {
    let properties: string[];
    try {
        properties = Object.keys(reflection.getTypeMetaData(type).properties);
    } catch {
        return undefined;
    }
    const fields = ['$container', '$containerProperty', '$containerIndex', '$cstNode', ...properties];
    if (!IDENTIFIER.test(type) || !properties.every(property => IDENTIFIER.test(property))) {
        return undefined;
    }
    // The assignments in the branch that never runs only tell V8 how much room to make.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    const Node = new Function(`this.$type = '${type}';\nif (this.$type === undefined) {\n${fields.map(field => `    this.${field} = undefined;`).join('\n')}\n}`) as new () => object;
    Node.prototype = Object.prototype;
    return Node;
}

/** A node just created (`{ $type }`), not one pushed again after an unassigned rule call. */
function isFresh(item: object): boolean {
    let keys = 0;
    for (const key in item) {
        if (++keys > 1 || key !== '$type') {
            return false;
        }
    }
    return keys === 1;
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
