/**
 * Mutations of a seed model: what half-typed, pasted, truncated, mis-encoded or hostile
 * files look like. Each input applies one to three mutations to one file of a seed model.
 */
import type { ModelFiles, SeedModel } from './corpus.js';
import type { Random } from './random.js';
import { solidTokens, tokenize } from './tokens.js';

export const KEYWORDS = [
    'role', 'management', 'method', 'scale', 'likelihood', 'impact', 'score', 'levels', 'matrix', 'accept', 'appetite', 'major',
    'lasts', 'review', 'every', 'day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years', 'scope', 'owner', 'includes',
    'excludes', 'approved', 'by', 'on', 'asset', 'confidentiality', 'integrity', 'availability', 'supports', 'primary', 'supporting',
    'information', 'process', 'service', 'system', 'software', 'hardware', 'network', 'people', 'site', 'supplier', 'threat', 'source',
    'external', 'internal', 'environmental', 'vulnerability', 'control', 'implements', 'status', 'planned', 'partial', 'implemented',
    'annex', 'theme', 'risk', 'exploits', 'harms', 'consequence', 'controls', 'treatment', 'with', 'reduce', 'share', 'transfer',
    'avoid', 'residual', 'acceptance', 'level', 'until', 'identified', 'assessed', 'treating', 'accepted', 'closed', 'action', 'due',
    'in-progress', 'done', 'cancelled', 'reviewed', '{', '}', ':', ',', '..', '*', '+'
];

export const HUGE_NUMBERS = ['0', '00', '2147483647', '2147483648', '4294967295', '4294967296', '9007199254740993', '99999999', '99999999999999999999', '1'.repeat(400)];

export const ODD_DATES = ['0000-00-00', '9999-12-31', '2026-02-30', '2026-13-01', '1970-01-01', '0001-01-01', '2026-00-15', '9999-99-99', '2024-02-29', '2025-02-29'];

type Mutation = (text: string, random: Random) => string;

const lines = (text: string): string[] => text.split(/(?<=\n)/);

const at = (text: string, offset: number, insert: string, remove = 0): string => text.slice(0, offset) + insert + text.slice(offset + remove);

function randomToken(text: string, random: Random): { text: string; offset: number } | undefined {
    const tokens = solidTokens(text);
    return tokens.length > 0 ? random.pick(tokens) : undefined;
}

/** A long run of text of the given kind: a random chunk, repeated. */
function longRun(random: Random, alphabet: string): string {
    const length = random.pick([300, 5_000, 70_000]);
    const chunk = Array.from({ length: 97 }, () => alphabet[random.int(alphabet.length)]).join('');
    return chunk.repeat(Math.ceil(length / chunk.length)).slice(0, length);
}

const RANDOM_CHARACTERS = ['\u0000', '\uFEFF', '\uFFFD', '\u00A0', '\u2028', '\u200B', '\t', '\r', '\u001B', 'é', '😀', '\uD800', '"', '\\', '/', '*', '{', '}', '@', '#', '$', '=', ';', '`', '\'', '<', '>'];

export const MUTATIONS: Readonly<Record<string, Mutation>> = {
    deleteLine: (text, random) => {
        const all = lines(text);
        all.splice(random.int(all.length), random.between(1, 3));
        return all.join('');
    },
    duplicateLine: (text, random) => {
        const all = lines(text);
        const index = random.int(all.length);
        const count = random.between(1, 12);
        all.splice(index, 0, ...all.slice(index, index + count));
        return all.join('');
    },
    swapLines: (text, random) => {
        const all = lines(text);
        const [a, b] = [random.int(all.length), random.int(all.length)];
        [all[a], all[b]] = [all[b], all[a]];
        return all.join('');
    },
    deleteToken: (text, random) => {
        const token = randomToken(text, random);
        return token ? at(text, token.offset, '', token.text.length) : text;
    },
    duplicateToken: (text, random) => {
        const token = randomToken(text, random);
        return token ? at(text, token.offset, `${token.text} `) : text;
    },
    swapTokens: (text, random) => {
        const tokens = tokenize(text);
        const solid = tokens.map((token, index) => ({ token, index })).filter(entry => !entry.token.blank);
        if (solid.length < 2) {
            return text;
        }
        const [a, b] = [random.pick(solid).index, random.pick(solid).index];
        const texts = tokens.map(token => token.text);
        [texts[a], texts[b]] = [texts[b], texts[a]];
        return texts.join('');
    },
    replaceWithKeyword: (text, random) => {
        const token = randomToken(text, random);
        return token ? at(text, token.offset, random.pick(KEYWORDS), token.text.length) : text;
    },
    insertKeyword: (text, random) => {
        const token = randomToken(text, random);
        return token ? at(text, token.offset, `${random.pick(KEYWORDS)} `) : text;
    },
    /** Truncation where people stop typing: mid-token, after a keyword, after `{`, before `}`, inside a string. */
    truncate: (text, random) => {
        const tokens = solidTokens(text);
        if (tokens.length === 0) {
            return text.slice(0, random.int(text.length + 1));
        }
        const token = random.pick(tokens);
        switch (random.int(4)) {
            case 0: return text.slice(0, token.offset);
            case 1: return text.slice(0, token.offset + token.text.length);
            case 2: return text.slice(0, token.offset + random.int(token.text.length + 1));
            default: return text.slice(0, random.int(text.length + 1));
        }
    },
    randomBytes: (text, random) => {
        const count = random.between(1, 8);
        let result = text;
        for (let index = 0; index < count; index++) {
            const insert = random.chance(0.5) ? random.pick(RANDOM_CHARACTERS) : String.fromCharCode(random.int(0x3000));
            result = at(result, random.int(result.length + 1), insert, random.int(2));
        }
        return result;
    },
    nul: (text, random) => at(text, random.int(text.length + 1), '\u0000'.repeat(random.between(1, 3))),
    bom: (text, random) => random.chance(0.8) ? `\uFEFF${text}` : at(text, random.int(text.length + 1), '\uFEFF'),
    crlf: text => text.replace(/\r?\n/g, '\r\n'),
    cr: text => text.replace(/\r?\n/g, '\r'),
    mixedLineEnds: (text, random) => text.replace(/\r?\n/g, () => random.pick(['\n', '\r\n', '\r', '\n\r'])),
    hugeNumber: (text, random) => {
        const numbers = solidTokens(text).filter(token => /^\d+$/.test(token.text));
        const token = numbers.length > 0 ? random.pick(numbers) : randomToken(text, random);
        return token ? at(text, token.offset, random.pick(HUGE_NUMBERS), token.text.length) : text;
    },
    oddDate: (text, random) => {
        const dates = solidTokens(text).filter(token => /^\d{4}-\d{2}-\d{2}$/.test(token.text));
        const token = dates.length > 0 ? random.pick(dates) : randomToken(text, random);
        return token ? at(text, token.offset, random.pick(ODD_DATES), token.text.length) : text;
    },
    longString: (text, random) => {
        const strings = solidTokens(text).filter(token => token.text.startsWith('"'));
        const token = strings.length > 0 ? random.pick(strings) : randomToken(text, random);
        return token ? at(text, token.offset, `"${longRun(random, 'abc é\\n\\"=+-@\t')}"`, token.text.length) : text;
    },
    longIdentifier: (text, random) => {
        const names = solidTokens(text).filter(token => /^[A-Za-z][A-Za-z0-9_-]*$/.test(token.text) && !KEYWORDS.includes(token.text));
        const token = names.length > 0 ? random.pick(names) : randomToken(text, random);
        return token ? at(text, token.offset, `X${longRun(random, 'abcXYZ019_-')}`, token.text.length) : text;
    },
    unterminatedString: (text, random) => {
        const strings = solidTokens(text).filter(token => token.text.startsWith('"') && token.text.length > 1);
        if (strings.length > 0 && random.chance(0.7)) {
            const token = random.pick(strings);
            return at(text, token.offset + token.text.length - 1, '', 1);
        }
        return at(text, random.int(text.length + 1), '"');
    },
    unterminatedComment: (text, random) => at(text, random.int(text.length + 1), random.pick(['/*', '/* never closed', '//', '*/', '/'])),
    deepNesting: (text, random) => at(text, random.int(text.length + 1), random.pick(['{', '}', '{ {', '} }']).repeat(random.pick([1, 10, 500]))),
    empty: () => ''
};

const NAMES = Object.keys(MUTATIONS);

export interface MutatedInput {
    readonly files: ModelFiles;
    readonly description: string;
}

/** One to three mutations of one file of the seed model; the model's other files are kept. */
export function mutate(seed: SeedModel, random: Random): MutatedInput {
    const names = Object.keys(seed.files);
    const file = random.pick(names);
    let text = seed.files[file];
    const applied: string[] = [];
    const count = random.pick([1, 1, 1, 2, 2, 3]);
    for (let index = 0; index < count; index++) {
        const name = random.pick(NAMES);
        text = MUTATIONS[name](text, random);
        applied.push(name);
    }
    return { files: { ...seed.files, [file]: text }, description: `${seed.source} (${file}): ${applied.join(', ')}` };
}
