/**
 * Compares IDs the way people read them: runs of digits by their number
 * (`R-2` before `R-10`), everything else by character.
 */
export function compareIds(a: string, b: string): number {
    const chunks = /(\d+|\D+)/g;
    const left = a.match(chunks) ?? [];
    const right = b.match(chunks) ?? [];
    for (let i = 0; i < Math.min(left.length, right.length); i++) {
        const [x, y] = [left[i], right[i]];
        if (x === y) {
            continue;
        }
        const numeric = /^\d/.test(x) && /^\d/.test(y);
        if (numeric && Number(x) !== Number(y)) {
            return Number(x) - Number(y);
        }
        return x < y ? -1 : 1;
    }
    return left.length !== right.length ? left.length - right.length : a < b ? -1 : a > b ? 1 : 0;
}
