/**
 * Delta debugging (Zeller's ddmin): the smallest input that still fails the same way. It
 * drops whole files first, then lines, then tokens, then characters, keeping every
 * step that still fails.
 */
import type { ModelFiles } from './corpus.js';
import { tokenize } from './tokens.js';

/** Does this input still fail the same way? */
export type StillFails = (files: ModelFiles) => Promise<boolean>;

export interface ShrinkOptions {
    /** Stop after this many runs of the input (each is a full exercise). */
    readonly maxTests?: number;
}

class Budget {
    used = 0;
    constructor(readonly max: number) {}
    get exhausted(): boolean {
        return this.used >= this.max;
    }
}

export async function shrink(files: ModelFiles, stillFails: StillFails, options: ShrinkOptions = {}): Promise<ModelFiles> {
    const budget = new Budget(options.maxTests ?? 1500);
    const test = async (candidate: ModelFiles): Promise<boolean> => {
        budget.used++;
        return stillFails(candidate);
    };
    let current = { ...files };
    // Whole files.
    const names = await ddmin(Object.keys(current), async subset => subset.length > 0 && test(Object.fromEntries(subset.map(name => [name, current[name]]))), budget);
    current = Object.fromEntries(names.map(name => [name, current[name]]));
    const splitters: Array<(text: string) => string[]> = [
        text => text.split(/(?<=\n)/),
        text => tokenize(text).map(token => token.text),
        text => text.length <= 4000 ? [...text] : [text]
    ];
    for (const split of splitters) {
        for (const name of Object.keys(current)) {
            const parts = split(current[name]);
            if (parts.length < 2 || budget.exhausted) {
                continue;
            }
            const kept = await ddmin(parts, subset => test({ ...current, [name]: subset.join('') }), budget);
            current = { ...current, [name]: kept.join('') };
        }
    }
    return current;
}

/** The classic ddmin over a list: remove chunks, then complements, at ever finer granularity. */
async function ddmin<T>(items: T[], fails: (subset: T[]) => Promise<boolean>, budget: Budget): Promise<T[]> {
    let current = items;
    let granularity = 2;
    while (current.length >= 2 && !budget.exhausted) {
        const size = Math.ceil(current.length / granularity);
        const chunks: T[][] = [];
        for (let start = 0; start < current.length; start += size) {
            chunks.push(current.slice(start, start + size));
        }
        let reduced = false;
        for (let index = 0; index < chunks.length && !budget.exhausted; index++) {
            const complement = chunks.filter((_, other) => other !== index).flat();
            if (await fails(complement)) {
                current = complement;
                granularity = Math.max(granularity - 1, 2);
                reduced = true;
                break;
            }
        }
        if (!reduced) {
            if (granularity >= current.length) {
                break;
            }
            granularity = Math.min(granularity * 2, current.length);
        }
    }
    return current;
}
