/**
 * A small seeded random source (mulberry32): the same seed gives the same inputs on every
 * machine and Node version, which `Math.random` cannot promise.
 */
export class Random {
    private state: number;

    constructor(seed: number) {
        this.state = seed >>> 0;
    }

    /** The generator of input `index` of a run with `seed`: any input can be made again on its own. */
    static forInput(seed: number, index: number): Random {
        return new Random(Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35));
    }

    /** A float in [0, 1). */
    next(): number {
        this.state = (this.state + 0x6d2b79f5) >>> 0;
        let t = this.state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    }

    /** An integer in [0, bound). */
    int(bound: number): number {
        return Math.floor(this.next() * bound);
    }

    /** An integer in [min, max]. */
    between(min: number, max: number): number {
        return min + this.int(max - min + 1);
    }

    chance(probability: number): boolean {
        return this.next() < probability;
    }

    pick<T>(items: readonly T[]): T {
        return items[this.int(items.length)];
    }

    /** Up to `count` distinct items, in their original order. */
    some<T>(items: readonly T[], count: number): T[] {
        const chosen = new Set<number>();
        while (chosen.size < Math.min(count, items.length)) {
            chosen.add(this.int(items.length));
        }
        return [...chosen].sort((a, b) => a - b).map(index => items[index]);
    }
}
