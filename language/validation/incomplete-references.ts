/**
 * Calmer typing, in the language core: a control reference being typed
 * (`controls A.5.1, A.8.`) is not a complete token, so the lexer rejects each `.`, the
 * parser trips over the number between them and the linker misses a control named `A`:
 * four errors for one unfinished word. They are folded into the first, which says what
 * the place expects. The CLI and the editor show the same one finding; the server also
 * holds back new findings on the line being edited (server/calm-diagnostics.ts).
 */
import type { LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { ANNEX_A_BY_ID } from '../builtins/annex-a.js';
import { IssueCodes } from './issue-codes.js';

/** `A.` followed by digits and dots, starting a word: an Annex A control ID, complete or not. */
const ANNEX_LIKE = /(?<![\w.-])A\.[0-9.]*/g;
const COMPLETE_ANNEX_ID = /^A\.[0-9]+\.[0-9]+(\.[0-9]+)?$/;

/** Codes an unfinished control ID draws besides its syntax errors. */
const FOLDED = new Set<unknown>([IssueCodes.SyntaxError, IssueCodes.UnresolvedReference]);

export function foldIncompleteReferences(document: LangiumDocument, diagnostics: Diagnostic[]): Diagnostic[] {
    if (!diagnostics.some(diagnostic => diagnostic.code === IssueCodes.SyntaxError)) {
        return diagnostics;
    }
    const text = document.textDocument.getText();
    const offsetOf = (diagnostic: Diagnostic) => document.textDocument.offsetAt(diagnostic.range.start);
    let result = diagnostics;
    for (const match of text.matchAll(ANNEX_LIKE)) {
        const written = match[0];
        if (COMPLETE_ANNEX_ID.test(written)) {
            continue;
        }
        const start = match.index;
        const end = start + written.length;
        const inside = (diagnostic: Diagnostic) => FOLDED.has(diagnostic.code) && offsetOf(diagnostic) >= start && offsetOf(diagnostic) < end;
        const folded = result.filter(inside);
        // Only where the parser found a syntax error: `A.8.` in a string or a comment is text.
        if (!folded.some(diagnostic => diagnostic.code === IssueCodes.SyntaxError)) {
            continue;
        }
        const first = folded.reduce((earliest, diagnostic) => (offsetOf(diagnostic) < offsetOf(earliest) ? diagnostic : earliest));
        const one: Diagnostic = {
            ...first,
            code: IssueCodes.SyntaxError,
            range: { start: document.textDocument.positionAt(start), end: document.textDocument.positionAt(end) },
            message: `The control reference \`${written}\` is incomplete: write an Annex A control ID such as \`${exampleFor(written)}\`.`,
            data: { code: IssueCodes.SyntaxError }
        };
        result = [...result.filter(diagnostic => !inside(diagnostic) || diagnostic === first).map(diagnostic => (diagnostic === first ? one : diagnostic))];
    }
    return result;
}

/** A real control of the theme being typed (`A.8.` → `A.8.1`), or of the first theme. */
function exampleFor(written: string): string {
    const theme = /^A\.([0-9]+)/.exec(written)?.[1];
    const candidate = theme ? `A.${theme}.1` : undefined;
    return candidate && ANNEX_A_BY_ID.has(candidate) ? candidate : 'A.5.1';
}
