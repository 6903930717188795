/**
 * Quick fixes that insert a template with fields to fill (a justification, a date, an
 * action's title). Code actions carry no snippets of their own; LSP 3.18 lets a workspace
 * edit carry a `SnippetTextEdit` when the client says it applies them
 * (`workspace.workspaceEdit.snippetEditSupport`, which vscode-languageclient 10+ sends):
 * the editor then selects the first field and Tab moves to the next. Other clients get
 * the same text with each field's default written out.
 *
 * Templates use the snippet syntax for their fields only (`${1:default}`); the rest is
 * literal text and is escaped here.
 *
 * An editor inserts a snippet edit as it inserts any snippet: VS Code indents every line
 * after the first by the leading whitespace of the line the edit starts on
 * (SnippetSession.adjustWhitespace), so a template written with its final indentation
 * would land one level too deep. Snippet edits therefore carry their lines relative to
 * that line, and are moved to the start of their line when that is not possible.
 */
import type { LangiumDocument } from 'langium';
import type { CodeAction, SnippetTextEdit, TextDocumentEdit, TextEdit } from 'vscode-languageserver-types';
import { quickFix, type FixContext } from './quick-fix.js';

/** A field: `${1:default}`, with a default that holds no `$`, `}` or `\`. */
const FIELD = /\$\{(\d+):([^$}\\]*)\}/g;

/** A field of a template, to fill in when the fix is applied. */
export function field(tabStop: number, defaultText: string): string {
    if (/[$}\\]/.test(defaultText)) {
        throw new Error(`A snippet field's default may not hold $, } or \\: ${defaultText}`);
    }
    return `\${${tabStop}:${defaultText}}`;
}

/** The template as plain text: every field replaced by its default. */
export function plainTextOf(template: string): string {
    return template.replace(FIELD, (_, _tabStop: string, defaultText: string) => defaultText);
}

/** The template as an LSP snippet: literal text escaped, fields kept. */
export function snippetOf(template: string): string {
    let snippet = '';
    let last = 0;
    for (const match of template.matchAll(FIELD)) {
        snippet += escapeLiteral(template.slice(last, match.index)) + match[0];
        last = match.index + match[0].length;
    }
    return snippet + escapeLiteral(template.slice(last));
}

function escapeLiteral(text: string): string {
    return text.replace(/[$}\\]/g, character => `\\${character}`);
}

/**
 * A quick fix in the diagnostic's document whose edits are templates (their `newText`
 * written with fields): a snippet edit where the client applies them, plain text elsewhere.
 */
export function templateFix(context: FixContext, title: string, edits: Array<TextEdit | undefined>, isPreferred = false): CodeAction[] {
    const templates = edits.filter((edit): edit is TextEdit => edit !== undefined);
    if (templates.length === 0) {
        return [];
    }
    const uri = context.document.uri.toString();
    if (!context.snippetEdits) {
        return [quickFix(context, title, { [uri]: templates.map(edit => ({ range: edit.range, newText: plainTextOf(edit.newText) })) }, isPreferred)];
    }
    const snippets = templates.map(edit => snippetEditOf(context.document, edit));
    const change: TextDocumentEdit = { textDocument: { uri, version: versionOf(context.document) }, edits: snippets };
    const action = quickFix(context, title, {}, isPreferred);
    return [{ ...action, edit: { documentChanges: [change] } }];
}

/**
 * The template as a snippet edit that an editor indenting the snippet's lines by the
 * leading whitespace of the insertion line inserts exactly as the template says: that
 * whitespace is taken off the lines after the first, or, when a line does not start with
 * it (or is empty, and would gain trailing blanks), the edit starts at the beginning of
 * the line instead, where there is none, and rewrites the line's text before it unchanged.
 */
export function snippetEditOf(document: LangiumDocument, edit: TextEdit): SnippetTextEdit {
    const text = document.textDocument.getText();
    const start = document.textDocument.offsetAt(edit.range.start);
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const before = text.slice(lineStart, start);
    const leading = /^[ \t]*/.exec(before)![0];
    const [first, ...rest] = edit.newText.split(/(?<=\n)/);
    if (rest.every(line => line.startsWith(leading))) {
        const relative = [first, ...rest.map(line => line.slice(leading.length))].join('');
        return { range: edit.range, snippet: { kind: 'snippet', value: snippetOf(relative) } };
    }
    const range = { start: document.textDocument.positionAt(lineStart), end: edit.range.end };
    return { range, snippet: { kind: 'snippet', value: escapeLiteral(before) + snippetOf(edit.newText) } };
}

function versionOf(document: LangiumDocument): number | null {
    return document.textDocument.version ?? null;
}
