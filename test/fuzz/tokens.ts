/**
 * Cuts a `.risk` text into tokens for mutation and shrinking. Whitespace, comments and
 * unterminated strings or comments are tokens too, so joining the tokens gives the text back
 * exactly, whatever it contains.
 */
const TOKEN = /\s+|"(?:\\[\s\S]|[^"\\])*"?|\/\/[^\n\r]*|\/\*[\s\S]*?(?:\*\/|$)|[A-Za-z0-9_.-]+|[\s\S]/g;

export interface Token {
    readonly text: string;
    readonly offset: number;
    /** Whitespace (or a comment): separates tokens rather than meaning something. */
    readonly blank: boolean;
}

export function tokenize(text: string): Token[] {
    return [...text.matchAll(TOKEN)].map(match => ({
        text: match[0],
        offset: match.index,
        blank: /^\s/.test(match[0]) || match[0].startsWith('//') || match[0].startsWith('/*')
    }));
}

/** The tokens that mean something: names, numbers, strings, keywords, punctuation. */
export function solidTokens(text: string): Token[] {
    return tokenize(text).filter(token => !token.blank);
}
