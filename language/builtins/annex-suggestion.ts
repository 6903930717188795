import { ANNEX_A, ANNEX_A_BY_ID, type AnnexEntry } from './annex-a.js';

/**
 * The Annex A control numerically nearest to an unknown ID: `A.5.38` → `A.5.37`,
 * `A.9.1` → `A.8.1`. Edit distance would rank `A.5.3` as close as `A.5.37`.
 */
export function nearestAnnexControl(id: string): AnnexEntry | undefined {
    const match = /^A\.(\d+)\.(\d+)$/.exec(id);
    if (!match) {
        return undefined;
    }
    const clauses = [...new Set(ANNEX_A.map(entry => Number(entry.id.split('.')[1])))];
    const wanted = Number(match[1]);
    const clause = clauses.reduce((best, candidate) => Math.abs(candidate - wanted) < Math.abs(best - wanted) ? candidate : best);
    const inClause = ANNEX_A.filter(entry => entry.id.startsWith(`A.${clause}.`));
    const number = Math.min(Math.max(Number(match[2]), 1), inClause.length);
    return ANNEX_A_BY_ID.get(`A.${clause}.${number}`);
}
