/**
 * The nastiest inputs of a seed, for the process-level tests (test/cli/fuzz-processes.test.ts),
 * which cannot afford thousands of processes: those that combine several kinds of hostile
 * content, found in input order so the choice is the same on every run.
 */
import { fuzzInput, type FuzzInput } from './inputs.js';

const HOSTILE: ReadonlyArray<readonly [string, RegExp]> = [
    ['NUL', /\u0000/],
    ['BOM', /\uFEFF/],
    ['CR', /\r/],
    ['control character', /[\u0001-\u0008\u000B\u000C\u000E-\u001F]/],
    ['lone surrogate', /[\uD800-\uDBFF](?![\uDC00-\uDFFF])/],
    ['huge number', /\b\d{10,}\b/],
    ['odd date', /\b(0000-|9999-|\d{4}-(00|1[3-9])-|\d{4}-\d{2}-(00|3[2-9]))/],
    ['long token', /[^\s]{1000,}/],
    ['unterminated comment', /\/\*(?![\s\S]*\*\/)/],
    ['deep nesting', /(\{\s*){10,}|(\}\s*){10,}/],
    ['unit without amount', /every\s+(days?|weeks?|months?|years?)\b/],
    ['nameless declaration', /\b(risk|asset|role|control)\s+"/]
];

export function nastinessOf(input: FuzzInput): string[] {
    const text = Object.values(input.files).join('\n');
    return HOSTILE.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
}

/** The first `count` inputs of the seed with at least two kinds of hostile content. */
export function nastiestInputs(seed: number, count: number): FuzzInput[] {
    const chosen: FuzzInput[] = [];
    for (let index = 0; chosen.length < count && index < count * 200; index++) {
        const input = fuzzInput(seed, index);
        if (nastinessOf(input).length >= 2) {
            chosen.push(input);
        }
    }
    return chosen;
}
