/**
 * The parser's messages rewritten for people who write risk models, not grammars:
 * one line, token names in words, and what to do.
 */
const TOKEN_WORDS: Record<string, string> = {
    INT: 'a number',
    ID: 'a name',
    STRING: 'a quoted string',
    DATE: 'a date (YYYY-MM-DD)',
    ANNEX_ID: 'an Annex A control (A.5.1)',
    EOF: 'the end of the file'
};

const DECLARATIONS = '`role`, `method`, `scope`, `asset`, `threat`, `vulnerability`, `control` or `risk`';

function tokenWord(token: string): string {
    return TOKEN_WORDS[token] ?? `\`${token}\``;
}

function found(text: string): string {
    return text === '' || text === 'EOF' ? 'the end of the file' : `\`${text}\``;
}

export function friendlySyntaxMessage(message: string): string {
    const character = /^unexpected character: ->(.*)<- at offset: \d+, skipped (\d+) characters?\.?$/s.exec(message);
    if (character) {
        return `Unexpected character \`${character[1]}\`: remove it. Names use letters, digits, \`_\` and \`-\`; text goes in "double quotes"; comments start with // or /*.`;
    }
    const sequences = /^Expecting: (?:one of these possible Token sequences|expecting at least one iteration which starts with one of these possible Token sequences)::?\s*([\s\S]*?)\s*but found: '([\s\S]*)'$/.exec(message);
    if (sequences) {
        const options = [...sequences[1].matchAll(/\[([^\]]*)\]/g)].map(match => match[1].split(/,\s*/).map(tokenWord).join(' '));
        const unique = [...new Set(options)];
        const choices = unique.length > 2 ? `one of ${unique.slice(0, -1).join(', ')} or ${unique.at(-1)}` : unique.join(' or ');
        return `Expected ${choices} but found ${found(sequences[2])}.`;
    }
    const single = /^Expecting token of type '([^']*)' but found `([\s\S]*)`\.$/.exec(message);
    if (single) {
        if (single[1] === 'EOF') {
            return `Unexpected ${found(single[2])}: a declaration starts here with ${DECLARATIONS}. Check for a stray or missing brace above.`;
        }
        return `Expected ${tokenWord(single[1])} but found ${found(single[2])}.`;
    }
    return message.replace(/\s*\n\s*/g, ' ');
}
