/**
 * Langium's conversion of a STRING token builds the value one character at a time, and
 * V8 keeps every step of such a string as a chain of concatenation nodes (32 bytes per
 * character past the twelfth): a 60-character consequence held 1.5 KB. Titles,
 * consequences and justifications made 156,000 such nodes in a 2,000-risk model
 * (docs/performance.md, "Memory"). Most strings have no escape: their value is a slice
 * of the token. Escapes are decoded exactly as Langium does.
 */
import { DefaultValueConverter, type CstNode, type GrammarAST, type ValueType } from 'langium';

export class RiskValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        return rule.name.toUpperCase() === 'STRING' ? convertString(input) : super.runConverter(rule, input, cstNode);
    }
}

/** The value of a quoted string token: without its quotes, escapes decoded. */
export function convertString(input: string): string {
    if (input.length < 2) {
        return '';
    }
    if (!input.includes('\\')) {
        return input.substring(1, input.length - 1);
    }
    const parts: string[] = [];
    for (let index = 1; index < input.length - 1; index++) {
        const char = input.charAt(index);
        parts.push(char === '\\' ? unescape(input.charAt(++index)) : char);
    }
    return parts.join('');
}

function unescape(char: string): string {
    switch (char) {
        case 'b': return '\b';
        case 'f': return '\f';
        case 'n': return '\n';
        case 'r': return '\r';
        case 't': return '\t';
        case 'v': return '\v';
        case '0': return '\0';
        default: return char;
    }
}
