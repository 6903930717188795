/**
 * The layout of a `.risk` file: the whitespace before each token, decided from the
 * tokens alone, so that only whitespace between tokens ever changes. The rules are in
 * docs/language.md, "Formatting"; in short:
 *
 * * The author's line breaks are kept; indentation is two spaces per open block, a
 *   continuation line (a break inside a property) one level more.
 * * A block written over several lines has `{` at the end of its first line, each
 *   property on the lines between and `}` on a line of its own; a block written on one
 *   line stays on one line.
 * * On one line, tokens are one space apart and properties two (`owner X  due D`); a line
 *   of several properties longer than {@link LINE_WIDTH} columns is split, one per line.
 * * At most one blank line; none after `{` or before `}`.
 * * Consecutive lines form an alignment block (a blank line, a comment line or a change
 *   of indentation ends it): rows of a table line up column by column, and trailing
 *   comments line up with each other.
 */
import type { CompositeCstNode } from 'langium';
import { alignColumns, width, type AlignedLine } from './alignment.js';
import { isKeyword, tokenRoles, type RowShape, type TokenRoles } from './token-roles.js';

/** A line of several properties longer than this (code only, comments apart) is split. */
export const LINE_WIDTH = 100;
export const INDENT = 2;

/** The whitespace before a token. */
type Gap =
    | { readonly kind: 'space'; readonly spaces: number }
    | { readonly kind: 'line'; readonly blank: boolean; readonly depth: number; readonly column?: number };

export interface Layout {
    readonly roles: TokenRoles;
    /** The whitespace to write before each token, then after the last one. */
    readonly before: readonly string[];
    readonly after: string;
}

/**
 * The layout of a document's tokens, or undefined when its text is more than its tokens
 * and whitespace (a lexer error): then nothing may be moved.
 */
export function layoutTokens(root: CompositeCstNode, text: string): Layout | undefined {
    const roles = tokenRoles(root);
    const { tokens } = roles;
    if (tokens.length === 0 || !onlyWhitespaceBetween(roles, text)) {
        return undefined;
    }
    const eol = endOfLine(text);
    const { gaps, blocks } = decideGaps(roles, text);
    splitLongLines(roles, gaps, blocks);
    const lines = toLines(roles, gaps);
    const columns = alignColumns(lines);
    const before = tokens.map((_token, i) => {
        const gap = gaps[i];
        if (i === 0) {
            return '';
        }
        if (gap.kind === 'line') {
            return eol.repeat(gap.blank ? 2 : 1) + ' '.repeat(gap.column ?? gap.depth * INDENT);
        }
        const previous = tokens[i - 1];
        const column = columns.get(i);
        const previousEnd = columns.get(i - 1);
        if (column !== undefined && previousEnd !== undefined) {
            return ' '.repeat(Math.max(0, column - previousEnd - width(previous.text)));
        }
        return ' '.repeat(gap.spaces);
    });
    return { roles, before, after: eol };
}

function onlyWhitespaceBetween({ tokens }: TokenRoles, text: string): boolean {
    let offset = 0;
    for (const token of tokens) {
        if (text.slice(offset, token.cst.offset).trim() !== '' || text.slice(token.cst.offset, token.cst.end) !== token.text) {
            return false;
        }
        offset = token.cst.end;
    }
    return text.slice(offset).trim() === '';
}

/** Where a token is: how many blocks are open around it, and whether the innermost was written over several lines. */
interface BlockPlace {
    readonly depth: number;
    readonly multiLine: boolean;
}

function decideGaps(roles: TokenRoles, text: string): { gaps: Gap[]; blocks: BlockPlace[] } {
    const { tokens, partner, elementStarts, groupStarts } = roles;
    const multiLine = (brace: number): boolean => {
        const other = partner.get(brace);
        if (other === undefined) {
            return false;
        }
        const [open, close] = brace < other ? [brace, other] : [other, brace];
        return close > open + 1 && hasLineBreak(text.slice(tokens[open].cst.end, tokens[close].cst.offset));
    };
    const isOpen = (i: number, multi: boolean): boolean => isKeyword(tokens[i].cst, '{') && partner.has(i) && multiLine(i) === multi;
    const isClose = (i: number, multi: boolean): boolean => isKeyword(tokens[i].cst, '}') && partner.has(i) && multiLine(i) === multi;

    const gaps: Gap[] = [];
    const blocks: BlockPlace[] = [];
    const open: number[] = [];
    let lastCode = -1;
    tokens.forEach((token, i) => {
        if (isKeyword(token.cst, '}') && partner.has(i)) {
            open.pop();
        }
        const depth = open.length;
        blocks.push({ depth, multiLine: open.length > 0 && multiLine(open[open.length - 1]) });
        const previous = i > 0 ? tokens[i - 1] : undefined;
        const breaks = previous ? lineBreaksBetween(text, previous.cst.end, token.cst.offset) : 0;
        // No blank line after `{` (and the comment trailing on its line), none before `}`.
        const afterOpen = lastCode >= 0 && isKeyword(tokens[lastCode].cst, '{') && (i - 1 === lastCode || (previous?.comment !== undefined && gaps[i - 1]?.kind === 'space'));
        const line = (blankAllowed: boolean, lineDepth = depth): Extract<Gap, { kind: 'line' }> => ({ kind: 'line', blank: blankAllowed && breaks > 1 && !afterOpen, depth: lineDepth });
        gaps.push(((): Gap => {
            if (!previous) {
                return { kind: 'line', blank: false, depth: 0 };
            }
            if (token.comment && breaks > 0 && hasLineBreak(token.text)) {
                // A block comment over several lines keeps its layout: its further lines cannot move with it.
                return { ...line(true), column: token.cst.range.start.character };
            }
            if (previous.comment === 'line') {
                return line(!isClose(i, true), token.comment || groupStarts.has(i) || elementStarts.has(i) || isKeyword(token.cst, '}') || isKeyword(token.cst, '{') ? depth : depth + 1);
            }
            if (token.comment) {
                return breaks > 0 ? line(true) : { kind: 'space', spaces: 1 };
            }
            if (isKeyword(token.cst, '{')) {
                return { kind: 'space', spaces: 1 };
            }
            if (isClose(i, true)) {
                return line(false);
            }
            if (isClose(i, false)) {
                return { kind: 'space', spaces: isKeyword(previous.cst, '{') ? 0 : 1 };
            }
            if (isOpen(i - 1, true) || isClose(i - 1, true) || elementStarts.has(i)) {
                return line(true);
            }
            if (isKeyword(token.cst, ',') || isKeyword(token.cst, ':') || isKeyword(token.cst, '..') || isKeyword(previous.cst, '..')) {
                return { kind: 'space', spaces: 0 };
            }
            if (breaks > 0) {
                return line(true, groupStarts.has(i) ? depth : depth + 1);
            }
            return { kind: 'space', spaces: groupStarts.has(i) && !isOpen(i - 1, false) && previous.comment === undefined ? 2 : 1 };
        })());
        if (isKeyword(token.cst, '{') && partner.has(i)) {
            open.push(i);
        }
        if (!token.comment) {
            lastCode = i;
        }
    });
    return { gaps, blocks };
}

/**
 * Line breaks as the lexer and the editor count them: CRLF, LF, and a lone CR (old Mac
 * files), which Langium's positions also take for a line end.
 */
function lineBreaksBetween(text: string, from: number, to: number): number {
    let count = 0;
    for (let i = from; i < to; i++) {
        const code = text.charCodeAt(i);
        if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) {
            count++;
        }
    }
    return count;
}

function hasLineBreak(text: string): boolean {
    return /[\r\n]/.test(text);
}

/** The file's own line end: CRLF or a lone CR where the file uses them, else LF. */
function endOfLine(text: string): string {
    if (text.includes('\r\n')) {
        return '\r\n';
    }
    return text.includes('\r') && !text.includes('\n') ? '\r' : '\n';
}

/**
 * A line of several properties of a block written over several lines that does not fit
 * in {@link LINE_WIDTH} columns gets one property per line.
 */
function splitLongLines(roles: TokenRoles, gaps: Gap[], blocks: readonly BlockPlace[]): void {
    const { tokens } = roles;
    let start = 0;
    while (start < tokens.length) {
        let end = start + 1;
        while (end < tokens.length && gaps[end].kind === 'space') {
            end++;
        }
        const first = gaps[start];
        let length = (first.kind === 'line' ? first.depth : 0) * INDENT;
        const splits: number[] = [];
        for (let i = start; i < end && tokens[i].comment !== 'line'; i++) {
            const gap = gaps[i];
            length += (i > start && gap.kind === 'space' ? gap.spaces : 0) + width(tokens[i].text);
            if (i > start && gap.kind === 'space' && gap.spaces === 2 && blocks[i].multiLine) {
                splits.push(i);
            }
        }
        if (length > LINE_WIDTH && !tokens.slice(start, end).some(token => hasLineBreak(token.text))) {
            for (const i of splits) {
                gaps[i] = { kind: 'line', blank: false, depth: blocks[i].depth };
            }
        }
        start = end;
    }
}

/** The lines the layout makes, as the alignment sees them. */
function toLines(roles: TokenRoles, gaps: readonly Gap[]): AlignedLine[] {
    const { tokens, rows } = roles;
    const lines: AlignedLine[] = [];
    let start = 0;
    while (start < tokens.length) {
        let end = start + 1;
        while (end < tokens.length && gaps[end].kind === 'space') {
            end++;
        }
        const gap = gaps[start];
        const depth = gap.kind === 'line' ? gap.depth : 0;
        const indices = Array.from({ length: end - start }, (_, k) => start + k);
        const trailing = indices.length > 1 && tokens[end - 1].comment === 'line' ? end - 1 : undefined;
        const code = trailing === undefined ? indices : indices.slice(0, -1);
        const alignable = code.every(i => !hasLineBreak(tokens[i].text)) && !code.every(i => tokens[i].comment);
        const shape = alignable ? rowShape(rows.get(start), code) : undefined;
        lines.push({
            indent: depth * INDENT,
            blankBefore: gap.kind === 'line' && gap.blank,
            kind: !alignable ? 'unaligned' : shape?.kind ?? 'code',
            gutter: shape?.gutter ?? 1,
            cells: shape ? shape.cells.map(cell => cell.map(i => ({ index: i, text: tokens[i].text, before: spacesOf(gaps[i]) }))) : [code.map(i => ({ index: i, text: tokens[i].text, before: spacesOf(gaps[i]) }))],
            comment: trailing === undefined ? undefined : { index: trailing, text: tokens[trailing].text }
        });
        start = end;
    }
    return lines;
}

/** The row shape that covers exactly the code of a line, if any, and has no comment inside. */
function rowShape(shapes: readonly RowShape[] | undefined, code: readonly number[]): RowShape | undefined {
    const last = code[code.length - 1];
    const shape = shapes?.find(candidate => candidate.last === last);
    const inCells = new Set(shape?.cells.flat());
    return shape && code.every(i => inCells.has(i)) ? shape : undefined;
}

function spacesOf(gap: Gap): number {
    return gap.kind === 'space' ? gap.spaces : 0;
}
