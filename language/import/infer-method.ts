/**
 * The method a register implies: likelihood and impact scales from the values its
 * cells use (numbers, names, or both as in `3 Likely`), and levels from its Risk
 * Level column, as bands of `likelihood * impact` when the sheet's levels allow that,
 * otherwise as a matrix. Every row whose stated level differs from the inferred
 * method's is reported, never silently changed.
 */
import { ImportError } from './read-table.js';

export interface ScaleEntry {
    readonly value: number;
    readonly name: string;
}

/** A value as written in a likelihood or impact cell. */
export interface ScaleReading {
    readonly value?: number;
    readonly name?: string;
    /** Where it was read, for messages: `row 4, column E`. */
    readonly where: string;
}

/** Words registers use for scale values and levels, by their usual rank (0 lowest). */
const RANKS: Readonly<Record<string, number>> = {
    verylow: 0, rare: 0, negligible: 0, insignificant: 0, minimal: 0, improbable: 0, remote: 0, none: 0,
    low: 1, unlikely: 1, minor: 1, limited: 1, small: 1,
    medium: 2, moderate: 2, possible: 2, noticeable: 2, occasional: 2, mid: 2,
    high: 3, likely: 3, major: 3, probable: 3, serious: 3, significant: 3, considerable: 3, substantial: 3,
    veryhigh: 4, almostcertain: 4, severe: 4, critical: 4, frequent: 4, certain: 4, extreme: 4,
    catastrophic: 5
};

/** Default names of an n-point numeric scale when the sheet gives numbers only. */
const DEFAULT_NAMES: Readonly<Record<number, readonly string[]>> = {
    2: ['Low', 'High'],
    3: ['Low', 'Medium', 'High'],
    4: ['Low', 'Medium', 'High', 'VeryHigh'],
    5: ['VeryLow', 'Low', 'Medium', 'High', 'VeryHigh']
};

/** `Very high` -> `VeryHigh`, `Almost certain` -> `AlmostCertain`: a name the language accepts. */
export function identifier(text: string, fallback: string): string {
    const words = text.normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, ' ').trim().split(/\s+/).filter(Boolean);
    let name = words.map(word => (word === word.toUpperCase() ? word : word[0].toUpperCase() + word.slice(1))).join('');
    name = name.replace(/[^A-Za-z0-9_-]/g, '');
    if (!/^[A-Za-z]/.test(name)) {
        name = name === '' ? fallback : `${fallback}${name}`;
    }
    return name.slice(0, 40);
}

export function rankOf(name: string): number | undefined {
    return RANKS[name.toLowerCase().replace(/[^a-z]/g, '')];
}

/** Reads `3`, `3 Likely`, `3 - Likely`, `Likely (3)` or `Likely`. */
export function readScaleCell(text: string | number, where: string): ScaleReading {
    if (typeof text === 'number') {
        return { value: text, where };
    }
    const trimmed = text.trim();
    const leading = /^(\d+)(?:\s*[-–:.)]?\s*(.*))?$/.exec(trimmed);
    if (leading) {
        return { value: Number(leading[1]), name: leading[2] ? leading[2].trim() : undefined, where };
    }
    const trailing = /^(.*?)\s*\((\d+)\)$/.exec(trimmed);
    if (trailing) {
        return { value: Number(trailing[2]), name: trailing[1], where };
    }
    return { name: trimmed, where };
}

export interface InferredScale {
    readonly entries: readonly ScaleEntry[];
    /** Value of a reading on this scale. */
    valueOf(reading: ScaleReading): number;
    readonly notes: readonly string[];
}

/** A scale from every reading of it in the sheet. */
export function inferScale(kind: 'likelihood' | 'impact', readings: readonly ScaleReading[]): InferredScale {
    const notes: string[] = [];
    if (readings.length === 0) {
        throw new ImportError(`no row gives a ${kind}: the sheet needs a ${kind === 'likelihood' ? 'Likelihood' : 'Impact'} column with values such as 1-3 or Low/Medium/High (or name yours with --map "Your column=${kind}")`);
    }
    const numbered = readings.filter(reading => reading.value !== undefined);
    const named = readings.filter(reading => reading.value === undefined);
    if (numbered.length > 0 && named.length > 0) {
        throw new ImportError(`the ${kind} column mixes numbers (${numbered[0].where}) and names (${named[0].where}): write one or the other, or both together as in '3 Likely'`);
    }
    if (numbered.length > 0) {
        for (const reading of numbered) {
            if (!Number.isInteger(reading.value) || reading.value! < 1 || reading.value! > 10) {
                throw new ImportError(`${reading.where}: ${kind} ${reading.value} is not a whole number from 1 to 10`);
            }
        }
        const max = Math.max(3, ...numbered.map(reading => reading.value!));
        const names = new Map<number, string>();
        for (const reading of numbered) {
            if (reading.name) {
                const name = identifier(reading.name, 'V');
                const known = names.get(reading.value!);
                if (known && known !== name) {
                    throw new ImportError(`${reading.where}: ${kind} ${reading.value} is called '${reading.name}' here and '${known}' elsewhere`);
                }
                names.set(reading.value!, name);
            }
        }
        const defaults = DEFAULT_NAMES[max];
        const entries = Array.from({ length: max }, (_, index) => ({ value: index + 1, name: names.get(index + 1) ?? defaults?.[index] ?? `${kind === 'likelihood' ? 'L' : 'I'}${index + 1}` }));
        const unnamed = entries.filter(entry => !names.has(entry.value));
        if (unnamed.length > 0) {
            notes.push(`${kind} scale 1-${max} from the numbers in the sheet; names guessed: ${unnamed.map(entry => `${entry.value} ${entry.name}`).join(', ')}`);
        } else {
            notes.push(`${kind} scale from the sheet: ${entries.map(entry => `${entry.value} ${entry.name}`).join(', ')}`);
        }
        if (new Set(entries.map(entry => entry.name)).size !== entries.length) {
            throw new ImportError(`the ${kind} scale would have two values with the same name (${entries.map(entry => `${entry.value} ${entry.name}`).join(', ')}): name each value once`);
        }
        return { entries, notes, valueOf: reading => reading.value! };
    }
    const distinct = orderNames(kind, named);
    const entries = distinct.map((name, index) => ({ value: index + 1, name: identifier(name, 'V') }));
    notes.push(`${kind} scale ordered by the usual meaning of its names: ${entries.map(entry => `${entry.value} ${entry.name}`).join(', ')}`);
    const byName = new Map(distinct.map((name, index) => [name.toLowerCase(), index + 1]));
    return { entries, notes, valueOf: reading => byName.get(reading.name!.toLowerCase())! };
}

/** Distinct names, lowest first, by the usual meaning of the words. */
function orderNames(what: string, readings: ReadonlyArray<{ readonly name?: string; readonly where: string }>): string[] {
    const distinct = new Map<string, { name: string; rank: number }>();
    for (const reading of readings) {
        const key = reading.name!.toLowerCase();
        if (distinct.has(key)) continue;
        const rank = rankOf(reading.name!);
        if (rank === undefined) {
            throw new ImportError(`${reading.where}: cannot tell where ${what} '${reading.name}' ranks; write numbers (1 = lowest), or words such as Low, Medium, High, Very high`);
        }
        const clash = [...distinct.values()].find(other => other.rank === rank);
        if (clash) {
            throw new ImportError(`${reading.where}: ${what} '${reading.name}' and '${clash.name}' mean the same rank; use one of them, or numbers`);
        }
        distinct.set(key, { name: reading.name!, rank });
    }
    return [...distinct.values()].sort((a, b) => a.rank - b.rank).map(entry => entry.name);
}

export interface LevelReading {
    readonly likelihood: number;
    readonly impact: number;
    /** The level as written in the sheet. */
    readonly level: string;
    readonly where: string;
}

export interface InferredLevels {
    readonly form: 'banded' | 'matrix';
    /** Level names, lowest first. */
    readonly levels: readonly string[];
    readonly bands: ReadonlyArray<{ readonly name: string; readonly from: number; readonly to: number }>;
    /** matrix[likelihood - 1][impact - 1]: a level name. */
    readonly matrix: ReadonlyArray<readonly string[]>;
    /** The level the inferred method gives likelihood x impact. */
    levelOf(likelihood: number, impact: number): string;
    readonly notes: readonly string[];
}

/**
 * Levels as bands of likelihood x impact when every level the sheet states covers
 * scores that no other level does; otherwise a matrix of the levels stated per cell.
 */
export function inferLevels(readings: readonly LevelReading[], likelihood: number, impact: number): InferredLevels {
    const notes: string[] = [];
    const maxScore = likelihood * impact;
    if (readings.length === 0) {
        const names = ['Low', 'Medium', 'High'];
        const third = Math.max(1, Math.floor(maxScore / 3));
        const bands = [
            { name: names[0], from: 1, to: third },
            { name: names[1], from: third + 1, to: Math.max(third + 1, 2 * third) },
            { name: names[2], from: Math.max(third + 1, 2 * third) + 1, to: maxScore }
        ];
        notes.push(`no Risk Level column: levels guessed as thirds of likelihood x impact (${bands.map(band => `${band.name} ${band.from}..${band.to}`).join(', ')})`);
        return banded(bands, notes);
    }
    const names = orderNames('level', readings.map(reading => ({ name: reading.level, where: reading.where })));
    const canonical = new Map(names.map(name => [name.toLowerCase(), identifier(name, 'Level')]));
    const levels = names.map(name => canonical.get(name.toLowerCase())!);
    const scores = levels.map(level => readings.filter(reading => canonical.get(reading.level.toLowerCase()) === level).map(reading => reading.likelihood * reading.impact));
    const separable = scores.every((own, index) => index === 0 || Math.max(...scores[index - 1]) < Math.min(...own));
    if (separable) {
        const bands = levels.map((name, index) => ({
            name,
            from: index === 0 ? 1 : Math.min(...scores[index]),
            to: index === levels.length - 1 ? maxScore : Math.min(...scores[index + 1]) - 1
        }));
        notes.push(`levels as bands of likelihood x impact, from the Risk Level column: ${bands.map(band => `${band.name} ${band.from}..${band.to}`).join(', ')}`);
        return banded(bands, notes);
    }
    // A matrix: per cell the level most rows state (ties: the higher); empty cells take the
    // highest level of any stated cell they dominate, so that the matrix never decreases.
    const rank = new Map(levels.map((level, index) => [level, index]));
    const stated: Array<Array<string | undefined>> = Array.from({ length: likelihood }, () => Array.from({ length: impact }, () => undefined));
    for (let l = 1; l <= likelihood; l++) {
        for (let i = 1; i <= impact; i++) {
            const here = readings.filter(reading => reading.likelihood === l && reading.impact === i).map(reading => canonical.get(reading.level.toLowerCase())!);
            if (here.length > 0) {
                const counts = new Map<string, number>();
                here.forEach(level => counts.set(level, (counts.get(level) ?? 0) + 1));
                stated[l - 1][i - 1] = [...counts].sort((a, b) => b[1] - a[1] || rank.get(b[0])! - rank.get(a[0])!)[0][0];
            }
        }
    }
    let guessed = 0;
    const matrix = stated.map((row, l) => row.map((level, i) => {
        if (level) return level;
        guessed++;
        let best = 0;
        stated.forEach((other, l2) => other.forEach((candidate, i2) => {
            if (candidate && l2 <= l && i2 <= i) best = Math.max(best, rank.get(candidate)!);
        }));
        return levels[best];
    }));
    notes.push(`levels as a matrix: the sheet gives the same score different levels, so each likelihood x impact cell takes the level its rows state${guessed > 0 ? `; ${guessed} cell${guessed === 1 ? '' : 's'} no row uses guessed from the cells below and left of it` : ''}`);
    return { form: 'matrix', levels, bands: [], matrix, levelOf: (l, i) => matrix[l - 1][i - 1], notes };
}

function banded(bands: ReadonlyArray<{ name: string; from: number; to: number }>, notes: string[]): InferredLevels {
    return {
        form: 'banded',
        levels: bands.map(band => band.name),
        bands,
        matrix: [],
        levelOf: (l, i) => bands.find(band => l * i >= band.from && l * i <= band.to)?.name ?? bands[bands.length - 1].name,
        notes
    };
}

/** The canonical (identifier) form of a level as written in the sheet. */
export function levelIdentifier(level: string): string {
    return identifier(level, 'Level');
}
