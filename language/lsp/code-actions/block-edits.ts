/**
 * Text edits that add an entry to a declaration's `{ … }` block, written the way the
 * formatter (language/lsp/formatting/) lays it out, so that formatting the file afterwards
 * leaves the inserted text alone:
 * - a block written over several lines gets the entry on a line of its own, at the
 *   indentation of the block's existing entry lines (two spaces per level when it has none);
 *   the lines of a nested block inserted with it keep that step per level;
 * - a block written on one line (`{ owner CISO  due 2026-12-31 }`) stays on one line for a
 *   one-line entry, two spaces from its neighbours as the formatter separates the
 *   properties of one line; a multi-line entry opens it up, its content on its own line;
 * - an entry for a declaration without a block (`action "Title"`) opens one.
 * The document's own line break (CRLF or LF) is used. Only whitespace is ever replaced,
 * so comments stay where they are.
 */
import { GrammarUtils, type AstNode, type LangiumDocument } from 'langium';
import type { TextEdit } from 'vscode-languageserver-types';

/** One level of indentation: the language's canonical two spaces. */
export const INDENT = '  ';

/** The document's line break: CRLF if it already uses it, LF otherwise. */
export function lineBreakOf(document: LangiumDocument): string {
    return document.textDocument.getText().includes('\r\n') ? '\r\n' : '\n';
}

/** The whitespace at the start of the line holding `offset`. */
export function indentationAt(document: LangiumDocument, offset: number): string {
    const text = document.textDocument.getText();
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

/** The indentation of the line on which a node begins. */
export function indentationOf(document: LangiumDocument, node: AstNode): string {
    return indentationAt(document, node.$cstNode?.offset ?? 0);
}

/** `{` and `}` of the node's own block, when it has one. */
export function braces(node: AstNode): { open: number; close: number } | undefined {
    const open = GrammarUtils.findNodeForKeyword(node.$cstNode, '{');
    const close = GrammarUtils.findNodeForKeyword(node.$cstNode, '}');
    return open && close ? { open: open.end, close: close.offset } : undefined;
}

/** Where a block's entries go and how they are indented. */
interface BlockLayout {
    /** Of the line the declaration starts on, where its closing `}` goes. */
    readonly outer: string;
    /** Of the block's entry lines. */
    readonly entry: string;
    /** One level deeper, for the lines of a nested block. */
    readonly step: string;
}

function layoutOf(document: LangiumDocument, node: AstNode, block?: { open: number; close: number }): BlockLayout {
    const outer = indentationOf(document, node);
    const text = document.textDocument.getText();
    // The first line after the `{` line that holds something is an entry line of this block.
    let entry: string | undefined;
    if (block) {
        const inner = text.slice(block.open, block.close);
        const firstLine = /\n([ \t]*)\S/.exec(inner);
        if (firstLine && firstLine[1].startsWith(outer) && firstLine[1].length > outer.length) {
            entry = firstLine[1];
        }
    }
    const step = entry ? entry.slice(outer.length) : INDENT;
    return { outer, entry: entry ?? outer + step, step };
}

/** The entry's lines (written with two spaces per level) at the block's indentation. */
function indentLines(lines: readonly string[], layout: BlockLayout, eol: string): string {
    return lines.map(line => {
        const depth = Math.floor(/^ */.exec(line)![0].length / INDENT.length);
        return layout.entry + layout.step.repeat(depth) + line.slice(depth * INDENT.length);
    }).join(eol);
}

/** The first offset at or after `offset` that is not whitespace. */
function skipWhitespace(text: string, offset: number, end: number): number {
    while (offset < end && /\s/.test(text[offset])) {
        offset++;
    }
    return offset;
}

/**
 * Adds `lines` (one or more lines, without indentation, nested lines two spaces deeper per
 * level) as the last entry of the node's block: after the last entry (and any comment
 * after it), before the `}`. No edit when the node has no block.
 */
export function appendToBlock(document: LangiumDocument, node: AstNode, lines: readonly string[]): TextEdit[] {
    const block = braces(node);
    if (!block) {
        return [];
    }
    const text = document.textDocument.getText();
    const eol = lineBreakOf(document);
    const layout = layoutOf(document, node, block);
    // Everything between the end of the content and `}` is whitespace.
    let contentEnd = block.close;
    while (contentEnd > block.open && /\s/.test(text[contentEnd - 1])) {
        contentEnd--;
    }
    const indented = indentLines(lines, layout, eol);
    const empty = contentEnd === block.open;
    const closeOnOwnLine = text.slice(contentEnd, block.close).includes('\n');
    if (closeOnOwnLine && !empty) {
        return [insertAt(document, contentEnd, eol + indented)];
    }
    if (lines.length === 1 && !closeOnOwnLine) {
        // A one-line block stays on one line; properties of one line are two spaces apart.
        return [{ range: rangeOf(document, contentEnd, block.close), newText: `${empty ? ' ' : '  '}${lines[0]} ` }];
    }
    const edits: TextEdit[] = [];
    const firstContent = skipWhitespace(text, block.open, block.close);
    if (!empty && !text.slice(block.open, firstContent).includes('\n')) {
        // Opened up: what was on the `{` line goes on a line of its own.
        edits.push({ range: rangeOf(document, block.open, firstContent), newText: eol + layout.entry });
    }
    edits.push({ range: rangeOf(document, contentEnd, block.close), newText: eol + indented + eol + layout.outer });
    return edits;
}

/**
 * Adds `line` as the first entry of the node's block, or right after the CST element that
 * ends at `after` (an offset inside the block) when given. A block that does not exist yet
 * (`action "Title"`) is opened.
 */
export function prependToBlock(document: LangiumDocument, node: AstNode, line: string, after?: number): TextEdit[] {
    const eol = lineBreakOf(document);
    const block = braces(node);
    const layout = layoutOf(document, node, block);
    if (!block) {
        const end = node.$cstNode?.end;
        return end === undefined ? [] : [insertAt(document, end, ` {${eol}${layout.entry}${line}${eol}${layout.outer}}`)];
    }
    const start = after ?? block.open;
    const text = document.textDocument.getText();
    const lineEnd = endOfLine(text, start);
    const rest = text.slice(start, lineEnd).trim();
    if (rest === '' || rest.startsWith('//')) {
        // The block continues on the next line: the new line goes first there
        // (after a trailing comment, not into it).
        return [insertAt(document, lineEnd, eol + layout.entry + line)];
    }
    // On the line of `{` (or of `after`): one space after `{`, two between properties.
    const next = skipWhitespace(text, start, lineEnd);
    const before = start === block.open ? ' ' : '  ';
    const following = text[next] === '}' ? ' ' : '  ';
    return [{ range: rangeOf(document, start, next), newText: `${before}${line}${following}` }];
}

function endOfLine(text: string, offset: number): number {
    const newline = text.indexOf('\n', offset);
    const end = newline < 0 ? text.length : newline;
    return end > offset && text[end - 1] === '\r' ? end - 1 : end;
}

export function insertAt(document: LangiumDocument, offset: number, newText: string): TextEdit {
    return { range: rangeOf(document, offset, offset), newText };
}

export function rangeOf(document: LangiumDocument, start: number, end: number): TextEdit['range'] {
    return { start: document.textDocument.positionAt(start), end: document.textDocument.positionAt(end) };
}
