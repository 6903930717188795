/**
 * Text edits that add a property line to a declaration's `{ … }` block in the layout the
 * formatter gives it: two spaces per nesting level, one property per line. A block its
 * author wrote on one line (`{ owner CISO due 2026-12-31 }`) stays on one line. Only
 * whitespace is ever replaced, so comments stay where they are.
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

/**
 * Adds `lines` (one or more lines, without indentation) as the last entry of the node's
 * block: after the last property (and any comment after it), before the `}`.
 */
export function appendToBlock(document: LangiumDocument, node: AstNode, lines: readonly string[]): TextEdit | undefined {
    const block = braces(node);
    if (!block) {
        return undefined;
    }
    const text = document.textDocument.getText();
    const eol = lineBreakOf(document);
    const indent = indentationOf(document, node);
    const inner = indent + INDENT;
    // Everything between the end of the content and `}` is whitespace.
    let contentEnd = block.close;
    while (contentEnd > block.open && /\s/.test(text[contentEnd - 1])) {
        contentEnd--;
    }
    const closeOnOwnLine = text.slice(contentEnd, block.close).includes('\n');
    const indented = lines.map(line => inner + line).join(eol);
    if (closeOnOwnLine) {
        return insertAt(document, contentEnd, eol + indented);
    }
    if (lines.length === 1) {
        // A one-line block stays on one line.
        return { range: rangeOf(document, contentEnd, block.close), newText: ` ${lines[0]} ` };
    }
    return { range: rangeOf(document, contentEnd, block.close), newText: eol + indented + eol + indent };
}

/**
 * Adds `line` as the first entry of the node's block, or right after the CST element that
 * ends at `after` (an offset inside the block) when given. A block that does not exist yet
 * (`action "Title"`) is opened.
 */
export function prependToBlock(document: LangiumDocument, node: AstNode, line: string, after?: number): TextEdit | undefined {
    const eol = lineBreakOf(document);
    const indent = indentationOf(document, node);
    const block = braces(node);
    if (!block) {
        const end = node.$cstNode?.end;
        return end === undefined ? undefined : insertAt(document, end, ` {${eol}${indent}${INDENT}${line}${eol}${indent}}`);
    }
    const start = after ?? block.open;
    const text = document.textDocument.getText();
    const lineEnd = endOfLine(text, start);
    const rest = text.slice(start, lineEnd).trim();
    if (rest === '' || rest.startsWith('//')) {
        // The block continues on the next line: the new line goes first there
        // (after a trailing comment, not into it).
        return insertAt(document, lineEnd, eol + indent + INDENT + line);
    }
    return insertAt(document, start, ` ${line}`);
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
