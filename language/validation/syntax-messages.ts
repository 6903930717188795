/**
 * The parser's messages rewritten for people who write risk models, not grammars:
 * one line, token names in words, and what to do.
 */
import type { BlockEntries } from './block-properties.js';
import { listOf, nearestName } from './suggestions.js';

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

export interface BlockEntryMessage {
    readonly message: string;
    /** The entry keyword nearest to what was written, when there is one. */
    readonly suggestion?: string;
}

/**
 * Something a block does not take, where the parser wanted its closing brace: say what the
 * block takes instead, and the nearest keyword to a misspelt one.
 */
export function blockEntryMessage(found: string, block: BlockEntries): BlockEntryMessage {
    const takes = listOf([...block.keywords.map(keyword => `\`${keyword}\``), ...block.terminals.map(tokenWord)]);
    const where = `${/^[aeiou]/.test(block.opener) ? 'an' : 'a'} \`${block.opener}\` block`;
    if (found === '') {
        return { message: `${capitalised(where)} is not closed before the end of the file: add its closing \`}\`.` };
    }
    if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(found)) {
        return { message: `Expected an entry of ${where} or its closing \`}\` but found \`${found}\`. ${capitalised(where)} takes ${takes}.` };
    }
    // Keywords are short and many: allow a third of the word to differ (two letters at least),
    // so that `dew` finds `due` but `category` does not become `integrity`.
    const suggestion = nearestName(found, block.words, Math.max(2, Math.floor(found.length / 3)));
    const didYouMean = suggestion ? ` Did you mean \`${suggestion}\`?` : '';
    return {
        message: `\`${found}\` is not something ${where} takes.${didYouMean} It takes ${takes}${block.keywords.length + block.terminals.length > 1 ? ',' : ''} and ends with \`}\`.`,
        suggestion
    };
}

function capitalised(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
