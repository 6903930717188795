/**
 * Document formatting ("Format Document" in the editor): the canonical layout of a `.risk`
 * file, as in the specification's examples.
 *
 * * Two spaces per level, whatever the editor's tab settings: the layout is the language's.
 * * A block's `{` ends its declaration line; inside, one property per line; `}` on a line
 *   of its own. Method sub-blocks (`scale`, `levels`, `matrix`, `accept`), treatments,
 *   actions and acceptances are blocks like any other; a matrix row is one line
 *   (`High: Moderate High Critical`); so is each `include`/`exclude` line of the
 *   `applicability` block, `treat LEVEL within …`, and a `treatment defer until … "…"`.
 * * Threats, vulnerabilities and controls keep the shape their author chose: a block written
 *   on one line stays on one line (`threat Phishing "…" { source external }`); a block
 *   spread over lines gets one property per line.
 * * Single spaces between the tokens of a line; comma lists as `a, b, c`. A line break the
 *   author put after a comma is kept, the continuation indented one level deeper than the
 *   property it continues.
 * * At most one blank line wherever the author left blank lines; none after `{` or before
 *   `}`. Top-level declarations are on lines of their own; a declaration that takes more
 *   than one line is set off from its neighbours by exactly one blank line.
 * * Comments stay where they are: a trailing comment stays on its line, one space after the
 *   token it follows; a comment on a line of its own is indented like the line after it.
 * * The file ends with exactly one line break.
 *
 * Only whitespace between tokens is ever changed. A document with syntax errors is not
 * formatted at all (Langium's default): its tree is not reliable enough to move text around.
 */
import { CstUtils, GrammarAST, isCompositeCstNode, isLeafCstNode, type AstNode, type CompositeCstNode, type CstNode, type LangiumDocument, type LeafCstNode } from 'langium';
import { AbstractFormatter, Formatting, type FormattingAction, type FormattingContext } from 'langium/lsp';
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver-types';
import { isModel } from '../generated/ast.js';
import { droppedNodeOf } from '../parser/risk-parser.js';

/** The keywords that begin a property line inside the block of each declaration. */
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

/** Nested nodes that begin a line of their own inside their container's block. */
const LINE_NODES: ReadonlySet<string> = new Set([
    'LikelihoodScale', 'ImpactScale', 'Score', 'Levels', 'Matrix', 'AcceptCriteria', 'ReviewCadence',
    'LikelihoodValue', 'ImpactValue', 'Level', 'MatrixRowLabel',
    'Approval', 'PrimaryCategory', 'SupportingCategory',
    'Treatment', 'Action', 'Residual', 'Acceptance',
    'TreatWithin', 'ApplicabilityDecision'
]);

/** One-line constructs whose long comma lists (`exclude A.7.1, A.7.2, …`) may go on over continuation lines. */
const CONTINUED_LINES: ReadonlySet<string> = new Set(['ApplicabilityDecision']);

/** Blocks that stay on one line when their author wrote them on one line. */
const COMPACTABLE: ReadonlySet<string> = new Set(['Threat', 'Vulnerability', 'Control']);

/** The canonical indentation: two spaces, whatever the editor's settings. */
const CANONICAL_OPTIONS = { tabSize: 2, insertSpaces: true } as const;

const oneSpace = Formatting.oneSpace();
const noSpace = Formatting.noSpace();
/** A property line: on a new line one level in, keeping at most one blank line before it. */
const propertyLine: FormattingAction = { options: {}, moves: [{ tabs: 1, lines: 1 }, { tabs: 1, lines: 2 }] };
/** The first property line of a block: no blank line after `{`. */
const firstPropertyLine: FormattingAction = Formatting.indent();
/** The item after a comma: one space, or — where the author broke the line — a continuation line. */
const afterComma: FormattingAction = { options: {}, moves: [{ characters: 1 }, { tabs: 2, lines: 1 }] };
/**
 * The same after a comma of a line that is a node of its own (`exclude A.7.1, …` in the
 * `applicability` block): the node already stands one level in, so one more level.
 */
const afterCommaInLineNode: FormattingAction = { options: {}, moves: [{ characters: 1 }, { tabs: 1, lines: 1 }] };
/** A top-level declaration after a one-line one: its own line, at most one blank line before it. */
const declarationLine: FormattingAction = { options: {}, moves: [{ lines: 1 }, { lines: 2 }] };
/** A top-level declaration next to a multi-line one: exactly one blank line between them. */
const separatedDeclaration: FormattingAction = Formatting.newLines(2);

/** How many line breaks may precede a comment on a line of its own. */
interface LineBreaks {
    readonly min: number;
    readonly max: number;
}

export class RiskFormatter extends AbstractFormatter {

    /** The document's leaves (tokens and comments) in text order, for the formatting run under way. */
    private leaves: LeafCstNode[] = [];
    private leafIndex = new Map<CstNode, number>();
    /** Line breaks before comments on lines of their own, where the default (1 to 2) does not apply. */
    private commentBreaks = new Map<CstNode, LineBreaks>();

    protected override doDocumentFormat(document: LangiumDocument, options: FormattingOptions, range?: Range): TextEdit[] {
        const root = document.parseResult.value.$cstNode;
        this.leaves = root ? CstUtils.flattenCst(root).toArray() : [];
        this.leafIndex = new Map(this.leaves.map((leaf, index) => [leaf, index]));
        this.commentBreaks = new Map();
        try {
            const edits = super.doDocumentFormat(document, { ...options, ...CANONICAL_OPTIONS }, range);
            if (!range) {
                edits.push(...this.finalNewline(document));
            }
            return document.textDocument.getText().includes('\r\n')
                ? edits.map(edit => ({ range: edit.range, newText: edit.newText.replace(/\n/g, '\r\n') }))
                : edits;
        } finally {
            this.leaves = [];
            this.leafIndex = new Map();
            this.commentBreaks = new Map();
        }
    }

    /**
     * Formats the nodes of the tree of tokens rather than those of the AST: a property given twice
     * (`treatment accept` after `treatment share`) keeps only the last node in the AST, but the
     * text of the first one is still there to be laid out.
     */
    protected override iterateAstFormatting(document: LangiumDocument, range?: Range): void {
        const root = document.parseResult.value;
        this.format(root);
        if (!root.$cstNode) {
            return;
        }
        const seen = new Set<AstNode>([root]);
        const nodes = CstUtils.streamCst(root.$cstNode).iterator();
        for (let next = nodes.next(); !next.done; next = nodes.next()) {
            const cst = next.value;
            if (!isCompositeCstNode(cst) || seen.has(nodeOf(cst))) {
                continue;
            }
            seen.add(nodeOf(cst));
            if (this.insideRange(cst.range, range)) {
                this.format(nodeOf(cst));
            } else {
                nodes.prune();
            }
        }
    }

    protected format(node: AstNode): void {
        const cst = this.ownComposite(node);
        if (!cst) {
            return;
        }
        if (isModel(node)) {
            this.formatModel(cst);
        } else {
            this.formatNode(node, cst);
        }
    }

    // ------------------------------------------------------------ top level

    private formatModel(root: CompositeCstNode): void {
        const formatter = this.getNodeFormatter(root.astNode);
        let previousElement: CstNode | undefined;
        for (const child of root.content) {
            const anchor = this.lineBefore(child);
            if (child.hidden) {
                if (!this.isTrailing(child)) {
                    this.commentBreaks.set(child, !anchor
                        ? { min: 0, max: 0 }
                        : this.endsMultiLineElement(anchor, previousElement) ? { min: 2, max: 2 } : { min: 1, max: 2 });
                }
                continue;
            }
            let formatting: FormattingAction;
            if (!anchor) {
                formatting = Formatting.newLines(0);
            } else if (anchor.hidden) {
                formatting = declarationLine;
            } else {
                formatting = this.isMultiLine(previousElement) || this.isMultiLine(child) ? separatedDeclaration : declarationLine;
            }
            formatter.cst([child]).prepend(formatting);
            previousElement = child;
        }
    }

    /** Whether `anchor` is the last token of a declaration that takes more than one line. */
    private endsMultiLineElement(anchor: LeafCstNode, previousElement: CstNode | undefined): boolean {
        return !anchor.hidden && previousElement !== undefined && anchor.end === previousElement.end && this.isMultiLine(previousElement);
    }

    /** Whether a top-level declaration takes more than one line once formatted. */
    private isMultiLine(element: CstNode | undefined): boolean {
        if (!element || !isCompositeCstNode(element)) {
            return false;
        }
        const cst = this.innermost(element);
        const braces = this.braces(cst);
        if (!braces) {
            return false;
        }
        const interior = cst.content.slice(braces.open + 1, braces.close);
        return interior.length > 0 && this.isExpanded(nodeOf(cst), cst, braces);
    }

    // ------------------------------------------------------------ declarations and their parts

    private formatNode(node: AstNode, cst: CompositeCstNode): void {
        const formatter = this.getNodeFormatter(node);
        const children = cst.content;
        const braces = this.braces(cst);
        const headerEnd = braces ? braces.open : children.length;
        // The header: `risk R-001 "title"`, or a whole one-line construct such as `residual likelihood 2 impact 3`.
        for (let index = 1; index < headerEnd; index++) {
            const child = children[index];
            if (!child.hidden) {
                formatter.cst([child]).prepend(this.inlineSpacing(children, index, CONTINUED_LINES.has(node.$type) ? afterCommaInLineNode : undefined));
            }
        }
        if (!braces) {
            return;
        }
        const open = children[braces.open];
        const close = children[braces.close];
        formatter.cst([open]).prepend(oneSpace);
        const expanded = this.isExpanded(node, cst, braces);
        const interior = children.slice(braces.open + 1, braces.close);
        for (let index = braces.open + 1; index < braces.close; index++) {
            const child = children[index];
            const afterOpen = this.lineBefore(child) === open;
            if (child.hidden) {
                if (expanded) {
                    formatter.cst([child]).prepend(Formatting.indent());
                    if (afterOpen) {
                        this.commentBreaks.set(child, { min: 1, max: 1 });
                    }
                }
            } else if (this.isPropertyStart(node, child)) {
                formatter.cst([child]).prepend(expanded ? (afterOpen ? firstPropertyLine : propertyLine) : oneSpace);
            } else {
                formatter.cst([child]).prepend(this.inlineSpacing(children, index, expanded ? afterComma : undefined));
            }
        }
        if (interior.length === 0) {
            formatter.cst([close]).prepend(noSpace);
        } else {
            formatter.cst([close]).prepend(expanded ? Formatting.newLine() : oneSpace);
        }
    }

    /** The space before a token that continues a line; after a comma, `continuation` keeps an author's line break. */
    private inlineSpacing(children: readonly CstNode[], index: number, continuation: FormattingAction | undefined): FormattingAction {
        const child = children[index];
        if (this.isKeyword(child, ',') || this.isKeyword(child, ':') || this.isKeyword(child, '..')) {
            return noSpace;
        }
        const previous = this.previousSibling(children, index);
        if (previous && this.isKeyword(previous, '..')) {
            return noSpace;
        }
        if (previous && this.isKeyword(previous, ',')) {
            return continuation ?? oneSpace;
        }
        return oneSpace;
    }

    private isPropertyStart(node: AstNode, child: CstNode): boolean {
        if (isCompositeCstNode(child) && nodeOf(child) !== node) {
            return LINE_NODES.has(nodeOf(child).$type);
        }
        if (!isLeafCstNode(child)) {
            return false;
        }
        if (GrammarAST.isKeyword(child.grammarSource)) {
            return PROPERTY_KEYWORDS[node.$type]?.has(child.grammarSource.value) ?? false;
        }
        // The justification of an acceptance is a string on a line of its own.
        return node.$type === 'Acceptance' && child.tokenType.name === 'STRING';
    }

    /** Whether a block gets one property per line (rather than staying on one line). */
    private isExpanded(node: AstNode, cst: CompositeCstNode, braces: { open: number; close: number }): boolean {
        if (!COMPACTABLE.has(node.$type)) {
            return true;
        }
        return cst.content[braces.open].range.start.line !== cst.content[braces.close].range.end.line;
    }

    /** The indices of a node's own `{` and `}`, if it has a block. */
    private braces(cst: CompositeCstNode): { open: number; close: number } | undefined {
        const open = cst.content.findIndex(child => this.isKeyword(child, '{'));
        const close = cst.content.findLastIndex(child => this.isKeyword(child, '}'));
        return open >= 0 && close > open ? { open, close } : undefined;
    }

    // ------------------------------------------------------------ comments

    protected override createHiddenTextEdits(previous: CstNode | undefined, hidden: CstNode, formatting: FormattingAction | undefined, context: FormattingContext): TextEdit[] {
        const start = hidden.range.start;
        if (previous && previous.range.end.line === start.line) {
            // A trailing comment: one space after the token it follows, like any other token of the line.
            return [{ range: { start: previous.range.end, end: start }, newText: ' ' }];
        }
        // A comment on a line of its own: the line breaks before it, then the indentation of its level.
        const breaks = this.commentBreaks.get(hidden) ?? { min: 1, max: 2 };
        const from = previous ? previous.range.end : { line: 0, character: 0 };
        const lines = previous ? Math.min(Math.max(start.line - from.line, breaks.min), breaks.max) : 0;
        const move = this.findFittingMove({ start: { line: start.line, character: 0 }, end: start }, formatting?.moves ?? [], context);
        const indentation = ' '.repeat(this.getIndentationCharacterCount(context, move));
        const edits: TextEdit[] = [{ range: { start: from, end: start }, newText: '\n'.repeat(lines) + indentation }];
        // The further lines of a block comment move with its first line (Langium's edits, without the first line's).
        edits.push(...super.createHiddenTextEdits(previous, hidden, formatting, context).filter(edit => edit.range.start.line > start.line));
        return edits;
    }

    private isTrailing(comment: CstNode): boolean {
        const before = this.previousLeaf(comment);
        return before !== undefined && before.range.end.line === comment.range.start.line;
    }

    // ------------------------------------------------------------ end of file

    private finalNewline(document: LangiumDocument): TextEdit[] {
        const last = this.leaves[this.leaves.length - 1];
        if (!last) {
            return [];
        }
        const text = document.textDocument.getText();
        const eol = text.includes('\r\n') ? '\r\n' : '\n';
        if (text.slice(last.end) === eol) {
            return [];
        }
        return [{ range: { start: last.range.end, end: document.textDocument.positionAt(text.length) }, newText: '\n' }];
    }

    // ------------------------------------------------------------ tree helpers

    /**
     * The composite node whose children are the node's own tokens. A rule called without an
     * assignment (`Element`, `Scale`, `MatrixEntry`) wraps the node's composite in one more.
     */
    private ownComposite(node: AstNode): CompositeCstNode | undefined {
        const cst = node.$cstNode;
        return cst && isCompositeCstNode(cst) ? this.innermost(cst) : undefined;
    }

    private innermost(cst: CompositeCstNode): CompositeCstNode {
        let current = cst;
        while (current.content.length === 1) {
            const only = current.content[0];
            if (!isCompositeCstNode(only) || nodeOf(only) !== nodeOf(current)) {
                break;
            }
            current = only;
        }
        return current;
    }

    /**
     * The token or comment that ends the line before the node, as far as layout is concerned:
     * the previous leaf, looking through comments that trail on its line.
     */
    private lineBefore(node: CstNode): LeafCstNode | undefined {
        let before = this.previousLeaf(node);
        while (before?.hidden && this.isTrailing(before)) {
            before = this.previousLeaf(before);
        }
        return before;
    }

    private previousLeaf(node: CstNode): LeafCstNode | undefined {
        const index = this.leafIndex.get(this.firstLeaf(node));
        return index ? this.leaves[index - 1] : undefined;
    }

    private firstLeaf(node: CstNode): CstNode {
        let current = node;
        while (isCompositeCstNode(current) && current.content.length > 0) {
            current = current.content[0];
        }
        return current;
    }

    private previousSibling(children: readonly CstNode[], index: number): CstNode | undefined {
        for (let i = index - 1; i >= 0; i--) {
            if (!children[i].hidden) {
                return children[i];
            }
        }
        return undefined;
    }

    private isKeyword(node: CstNode, value: string): boolean {
        return isLeafCstNode(node) && GrammarAST.isKeyword(node.grammarSource) && node.grammarSource.value === value;
    }
}

/** The AST node whose text a syntax node is, including a block the parser dropped (written twice). */
function nodeOf(cst: CstNode): AstNode {
    return droppedNodeOf(cst) ?? cst.astNode;
}
