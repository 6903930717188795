/**
 * The declared name nearest to a misspelt one, for "did you mean" suggestions. By default a
 * suggestion may change up to half of the name; `maxDistance` tightens that where the
 * candidates are many short keywords, any of which would be "near" a stray word.
 */
export function nearestName(misspelt: string, candidates: Iterable<string>, maxDistance = Math.max(2, Math.ceil(misspelt.length / 2))): string | undefined {
    // The distance costs the product of both lengths: two names of 70,000 characters (found
    // by the fuzzer) took minutes. Nobody misspells a name that long into another one.
    if (misspelt.length > LONGEST_SUGGESTED_NAME) {
        return undefined;
    }
    const target = misspelt.toLowerCase();
    let best: string | undefined;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const candidate of candidates) {
        // The lengths' difference is a lower bound of the distance: too far, not computed.
        if (Math.abs(candidate.length - target.length) > maxDistance) {
            continue;
        }
        const distance = editDistance(target, candidate.toLowerCase());
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    // A suggestion that changes more than half of the name is noise, not help.
    return best !== undefined && bestDistance <= maxDistance ? best : undefined;
}

/** Names longer than this get no "did you mean" suggestion. */
const LONGEST_SUGGESTED_NAME = 200;

export function editDistance(a: string, b: string): number {
    let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
        }
        previous = current;
    }
    return previous[b.length];
}

/** "a, b or c" */
export function listOf(items: readonly string[], conjunction = 'or'): string {
    return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`;
}
