/**
 * Completion opens by itself after a space or a comma (the server's trigger characters),
 * but only where a value is expected: after a keyword (`likelihood `, `owner `, `by `,
 * `controls `) or a list's comma (`controls A.5.1, `). A space typed anywhere else — after
 * a value, inside a string or a comment — opens nothing. This module answers the cheap
 * question on the text; the provider then offers values only, never a new entry.
 */
import { CompletionTriggerKind, type CompletionParams } from 'vscode-languageserver';

/** Typed characters on which the client asks for completion without Ctrl+Space. */
export const TRIGGER_CHARACTERS = [' ', ','];

export function isTriggeredByCharacter(params: CompletionParams): boolean {
    return params.context?.triggerKind === CompletionTriggerKind.TriggerCharacter;
}

/**
 * Whether the text before `offset` ends where a value may follow: a keyword of the
 * language or a comma, outside strings and comments of its line.
 */
export function endsBeforeValue(text: string, offset: number, keywords: ReadonlySet<string>): boolean {
    const line = text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset);
    const code = codeOf(line);
    if (code === undefined) {
        return false;
    }
    const before = code.trimEnd();
    if (before.endsWith(',')) {
        return true;
    }
    const word = /(?<![A-Za-z0-9_.-])[A-Za-z][A-Za-z0-9_-]*$/.exec(before)?.[0];
    return word !== undefined && keywords.has(word);
}

/** The line up to its end, or undefined when that end is inside a string or a comment. */
function codeOf(line: string): string | undefined {
    let inString = false;
    let inComment = false;
    for (let index = 0; index < line.length; index++) {
        const char = line[index];
        if (inComment) {
            if (char === '*' && line[index + 1] === '/') {
                inComment = false;
                index++;
            }
        } else if (inString) {
            if (char === '\\') {
                index++;
            } else if (char === '"') {
                inString = false;
            }
        } else if (char === '"') {
            inString = true;
        } else if (char === '/' && line[index + 1] === '/') {
            return undefined;
        } else if (char === '/' && line[index + 1] === '*') {
            inComment = true;
            index++;
        }
    }
    return inString || inComment ? undefined : line;
}
