/**
 * Document formatting ("Format Document", "Format Selection", format on type) and `risk fmt`:
 * the layout of language/lsp/formatting/layout.ts turned into text edits. The rules are in
 * docs/language.md, "Formatting".
 *
 * Only the whitespace between tokens ever changes, and a document with syntax errors is not
 * formatted at all: its tree is not reliable enough to move text around.
 */
import { isCompositeCstNode, type LangiumDocument } from 'langium';
import type { Formatter } from 'langium/lsp';
import type { DocumentFormattingParams, DocumentOnTypeFormattingOptions, DocumentOnTypeFormattingParams, DocumentRangeFormattingParams, TextEdit } from 'vscode-languageserver';
import { layoutTokens, type Layout } from './formatting/layout.js';
import { isKeyword } from './formatting/token-roles.js';

/** Lines (0-based, inclusive) whose whitespace may change. */
interface LineSpan {
    readonly first: number;
    readonly last: number;
}

export class RiskFormatter implements Formatter {

    formatDocument(document: LangiumDocument, _params: DocumentFormattingParams): TextEdit[] {
        return formattingEdits(document);
    }

    /** Only the lines of the range change; their alignment is computed from the whole block they are in. */
    formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): TextEdit[] {
        const { start, end } = params.range;
        // A selection that ends at the start of a line does not take that line.
        const last = end.character === 0 && end.line > start.line ? end.line - 1 : end.line;
        return formattingEdits(document, { first: start.line, last });
    }

    /** After `}`: the block it closes; after a line break: the line just finished. */
    formatDocumentOnType(document: LangiumDocument, params: DocumentOnTypeFormattingParams): TextEdit[] {
        const line = params.position.line;
        if (params.ch === '\n') {
            return line > 0 ? formattingEdits(document, { first: line - 1, last: line - 1 }) : [];
        }
        return formattingEdits(document, blockClosedAt(document, params.position.line, params.position.character) ?? { first: line, last: line });
    }

    get formatOnTypeOptions(): DocumentOnTypeFormattingOptions {
        return { firstTriggerCharacter: '}', moreTriggerCharacter: ['\n'] };
    }
}

/** The formatted text of a document, or undefined when it has syntax errors (and cannot be formatted). */
export function formattedText(document: LangiumDocument): string | undefined {
    const layout = layoutOf(document);
    if (!layout) {
        return document.textDocument.getText().trim() === '' && parses(document) ? document.textDocument.getText() : undefined;
    }
    return layout.roles.tokens.map((token, i) => layout.before[i] + token.text).join('') + layout.after;
}

function parses(document: LangiumDocument): boolean {
    return document.parseResult.lexerErrors.length === 0 && document.parseResult.parserErrors.length === 0;
}

function layoutOf(document: LangiumDocument): Layout | undefined {
    const root = document.parseResult.value.$cstNode;
    if (!root || !parses(document) || !isCompositeCstNode(root)) {
        return undefined;
    }
    return layoutTokens(root, document.textDocument.getText());
}

function formattingEdits(document: LangiumDocument, lines?: LineSpan): TextEdit[] {
    const layout = layoutOf(document);
    if (!layout) {
        return [];
    }
    const text = document.textDocument.getText();
    const { tokens } = layout.roles;
    const within = (line: number) => !lines || (line >= lines.first && line <= lines.last);
    const edits: TextEdit[] = [];
    const replace = (from: number, to: number, newText: string, line: number): void => {
        if (within(line) && text.slice(from, to) !== newText) {
            edits.push({ range: { start: document.textDocument.positionAt(from), end: document.textDocument.positionAt(to) }, newText });
        }
    };
    tokens.forEach((token, i) => {
        const from = i === 0 ? 0 : tokens[i - 1].cst.end;
        replace(from, token.cst.offset, layout.before[i], token.cst.range.start.line);
    });
    const last = tokens[tokens.length - 1];
    replace(last.cst.end, text.length, layout.after, last.cst.range.end.line);
    return edits;
}

/** The lines from the `{` to the `}` just typed before `character` on `line`. */
function blockClosedAt(document: LangiumDocument, line: number, character: number): LineSpan | undefined {
    const layout = layoutOf(document);
    if (!layout) {
        return undefined;
    }
    const { tokens, partner } = layout.roles;
    const close = tokens.findIndex(token => isKeyword(token.cst, '}') && token.cst.range.end.line === line && token.cst.range.end.character === character);
    const open = close >= 0 ? partner.get(close) : undefined;
    return open === undefined ? undefined : { first: tokens[open].cst.range.start.line, last: line };
}

