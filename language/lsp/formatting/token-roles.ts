/**
 * What each token of a parsed `.risk` file is to the layout: where blocks open and close,
 * which tokens begin a declaration or a property, and which constructs are table rows
 * whose columns line up with their neighbours'.
 */
import { AstUtils, CstUtils, GrammarAST, GrammarUtils, isCompositeCstNode, isLeafCstNode, type AstNode, type CompositeCstNode, type CstNode, type LeafCstNode } from 'langium';
import { droppedNodeOf } from '../../parser/risk-parser.js';

/** The keywords that begin a property inside the block of each declaration. */
const PROPERTY_KEYWORDS: Readonly<Record<string, ReadonlySet<string>>> = {
    Scope: new Set(['owner', 'includes', 'excludes']),
    Asset: new Set(['owner', 'confidentiality', 'integrity', 'availability', 'supports', 'tags']),
    Threat: new Set(['source', 'tags']),
    Vulnerability: new Set(['on', 'tags']),
    Control: new Set(['implements', 'status', 'owner', 'tags']),
    Risk: new Set(['owner', 'scope', 'threat', 'exploits', 'on', 'harms', 'affects', 'consequence', 'controls', 'likelihood', 'impact', 'status', 'reviewed', 'identified', 'tags']),
    Action: new Set(['owner', 'due', 'completed', 'status', 'controls']),
    Acceptance: new Set(['by', 'level']),
    AcceptCriteria: new Set(['appetite', 'major', 'lasts', 'longest'])
};

/** Nested constructs that are a property of their own inside their container's block. */
const GROUP_NODES: ReadonlySet<string> = new Set([
    'LikelihoodScale', 'ImpactScale', 'Score', 'Levels', 'Matrix', 'AcceptCriteria', 'ReviewCadence',
    'LikelihoodValue', 'ImpactValue', 'Level', 'MatrixRowLabel',
    'Approval', 'PrimaryCategory', 'SupportingCategory',
    'Treatment', 'Action', 'Residual', 'Acceptance',
    'TreatWithin', 'ApplicabilityDecision'
]);

/** One-line declarations written as table rows: keyword, name, title, then the rest. */
const DECLARATION_ROWS: ReadonlySet<string> = new Set(['Role', 'Scope', 'Asset', 'Threat', 'Vulnerability', 'Control', 'AnnexControl', 'Action']);

/** Method tables: a scale's values, the level bands and the matrix rows. */
const METHOD_ROWS: ReadonlySet<string> = new Set(['LikelihoodValue', 'ImpactValue', 'Level']);

export interface Token {
    readonly cst: LeafCstNode;
    readonly text: string;
    readonly comment: 'line' | 'block' | undefined;
}

/** A construct that, written alone on a line, is a row of a table: its cells, in token indices. */
export interface RowShape {
    /** Rows of one kind, one after the other at one indentation, are aligned column by column. */
    readonly kind: string;
    /** The space between aligned columns. */
    readonly gutter: number;
    readonly first: number;
    readonly last: number;
    /** Each cell: the token indices it holds, in order (an empty cell holds a place: a level without a range). */
    readonly cells: readonly (readonly number[])[];
}

export interface TokenRoles {
    readonly tokens: readonly Token[];
    /** The index of the matching brace, for `{` and `}`. */
    readonly partner: ReadonlyMap<number, number>;
    /** Tokens that begin a top-level declaration. */
    readonly elementStarts: ReadonlySet<number>;
    /** Tokens that begin a property or a nested construct inside a block. */
    readonly groupStarts: ReadonlySet<number>;
    /** Row shapes by their first token. */
    readonly rows: ReadonlyMap<number, RowShape[]>;
}

export function tokenRoles(root: CompositeCstNode): TokenRoles {
    const leaves = CstUtils.flattenCst(root).filter(leaf => leaf.text.trim() !== '').toArray();
    const index = new Map<CstNode, number>(leaves.map((leaf, i) => [leaf, i]));
    const tokens: Token[] = leaves.map(leaf => ({ cst: leaf, text: leaf.text, comment: commentKind(leaf) }));
    const firstOf = (node: CstNode): number | undefined => {
        const leaf = firstCodeLeaf(node);
        return leaf ? index.get(leaf) : undefined;
    };
    const lastOf = (node: CstNode): number | undefined => {
        const leaf = lastCodeLeaf(node);
        return leaf ? index.get(leaf) : undefined;
    };

    const elementStarts = new Set<number>();
    for (const child of root.content) {
        const first = child.hidden ? undefined : firstOf(child);
        if (first !== undefined) {
            elementStarts.add(first);
        }
    }

    const partner = new Map<number, number>();
    const open: number[] = [];
    const groupStarts = new Set<number>();
    tokens.forEach((token, i) => {
        if (token.comment) {
            return;
        }
        if (isKeyword(token.cst, '{')) {
            open.push(i);
        } else if (isKeyword(token.cst, '}') && open.length > 0) {
            const opening = open.pop()!;
            partner.set(opening, i);
            partner.set(i, opening);
        } else if (isPropertyKeyword(token.cst) || isJustification(token.cst)) {
            groupStarts.add(i);
        }
    });

    const rows = new Map<number, RowShape[]>();
    const addRow = (shape: RowShape | undefined): void => {
        if (shape) {
            rows.set(shape.first, [...(rows.get(shape.first) ?? []), shape]);
        }
    };
    for (const cst of CstUtils.streamCst(root)) {
        if (!isCompositeCstNode(cst) || cst === root || !isOutermost(cst)) {
            continue;
        }
        const type = nodeOf(cst).$type;
        const first = firstOf(cst);
        const last = lastOf(cst);
        if (first === undefined || last === undefined) {
            continue;
        }
        if (GROUP_NODES.has(type)) {
            groupStarts.add(first);
        }
        if (DECLARATION_ROWS.has(type)) {
            addRow(declarationRow(type, first, last, tokens));
        } else if (METHOD_ROWS.has(type)) {
            addRow(methodRow(type, innermost(cst), first, last, index));
        } else if (type === 'Matrix') {
            matrixRows(innermost(cst), index).forEach(addRow);
        }
    }
    return { tokens, partner, elementStarts, groupStarts, rows };
}

/** `threat Phishing "…" { source external }`: keyword, name (empty for an unnamed action), title, the rest. */
function declarationRow(kind: string, first: number, last: number, tokens: readonly Token[]): RowShape | undefined {
    const named = tokens[first + 1]?.cst.tokenType.name !== 'STRING';
    const title = named ? first + 2 : first + 1;
    if (title > last || tokens[title].cst.tokenType.name !== 'STRING') {
        return undefined;
    }
    const cells: number[][] = [[first], named ? [first + 1] : [], [title]];
    if (title < last) {
        cells.push(range(title + 1, last));
    }
    return { kind, gutter: 1, first, last, cells };
}

/** `2 Possible "About once every 1-3 years"` and `Moderate 3..4 "Plan improvements"`. */
function methodRow(kind: string, cst: CompositeCstNode, first: number, last: number, index: ReadonlyMap<CstNode, number>): RowShape {
    const cells: number[][] = [];
    for (const child of cst.content) {
        if (child.hidden) {
            continue;
        }
        const from = index.get(firstCodeLeaf(child)!);
        const to = index.get(lastCodeLeaf(child)!);
        if (from !== undefined && to !== undefined) {
            cells.push(range(from, to));
        }
    }
    // A level without a range keeps its description in the description column.
    if (kind === 'Level' && cells.length === 2 && !cst.content.some(isCompositeCstNode)) {
        cells.splice(1, 0, []);
    }
    return { kind, gutter: 1, first, last, cells };
}

/** `High: Moderate High Critical`: a row label and the cells up to the next label. */
function matrixRows(matrix: CompositeCstNode, index: ReadonlyMap<CstNode, number>): RowShape[] {
    const rows: RowShape[] = [];
    let current: number[][] | undefined;
    const close = (): void => {
        if (current) {
            rows.push({ kind: 'MatrixRow', gutter: 1, first: current[0][0], last: current[current.length - 1].at(-1)!, cells: current });
        }
    };
    for (const child of matrix.content) {
        if (!isCompositeCstNode(child)) {
            continue;
        }
        const from = index.get(firstCodeLeaf(child)!);
        const to = index.get(lastCodeLeaf(child)!);
        if (from === undefined || to === undefined) {
            continue;
        }
        if (nodeOf(child).$type === 'MatrixRowLabel') {
            close();
            current = [range(from, to)];
        } else {
            current?.push(range(from, to));
        }
    }
    close();
    return rows;
}

function isPropertyKeyword(leaf: LeafCstNode): boolean {
    const keyword = leaf.grammarSource;
    if (!GrammarAST.isKeyword(keyword)) {
        return false;
    }
    // `status identified`: a value keyword of a data type rule is never a property.
    const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule);
    if (rule && GrammarUtils.isDataTypeRule(rule)) {
        return false;
    }
    return PROPERTY_KEYWORDS[nodeOf(leaf.container ?? leaf).$type]?.has(keyword.value) ?? false;
}

/** The justification of an acceptance is a property of its own. */
function isJustification(leaf: LeafCstNode): boolean {
    return leaf.tokenType.name === 'STRING' && nodeOf(leaf.container ?? leaf).$type === 'Acceptance';
}

function commentKind(leaf: LeafCstNode): Token['comment'] {
    if (!leaf.hidden) {
        return undefined;
    }
    return leaf.text.startsWith('//') ? 'line' : 'block';
}

/** The first syntax node of an AST node (a data type rule's tokens, such as `in-progress`, belong to their node's). */
function isOutermost(cst: CompositeCstNode): boolean {
    return !cst.container || nodeOf(cst.container) !== nodeOf(cst);
}

/** The composite whose children are the node's own tokens: a rule called without assignment (`Element`) wraps it in one more. */
function innermost(cst: CompositeCstNode): CompositeCstNode {
    let current = cst;
    for (;;) {
        const code = current.content.filter(child => !child.hidden);
        if (code.length !== 1 || !isCompositeCstNode(code[0]) || nodeOf(code[0]) !== nodeOf(current)) {
            return current;
        }
        current = code[0];
    }
}

function firstCodeLeaf(node: CstNode): LeafCstNode | undefined {
    if (isLeafCstNode(node)) {
        return node.hidden ? undefined : node;
    }
    if (!isCompositeCstNode(node)) {
        return undefined;
    }
    for (const child of node.content) {
        const leaf = firstCodeLeaf(child);
        if (leaf) {
            return leaf;
        }
    }
    return undefined;
}

function lastCodeLeaf(node: CstNode): LeafCstNode | undefined {
    if (isLeafCstNode(node)) {
        return node.hidden ? undefined : node;
    }
    if (!isCompositeCstNode(node)) {
        return undefined;
    }
    for (let i = node.content.length - 1; i >= 0; i--) {
        const leaf = lastCodeLeaf(node.content[i]);
        if (leaf) {
            return leaf;
        }
    }
    return undefined;
}

export function isKeyword(node: CstNode, value: string): boolean {
    return isLeafCstNode(node) && !node.hidden && GrammarAST.isKeyword(node.grammarSource) && node.grammarSource.value === value;
}

/** The AST node whose text a syntax node is, including a block the parser dropped (written twice). */
function nodeOf(cst: CstNode): AstNode {
    return droppedNodeOf(cst) ?? cst.astNode;
}

function range(from: number, to: number): number[] {
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
