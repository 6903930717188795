/**
 * The method of a model, analysed once: its scales, how a likelihood and an impact
 * become a score and a level, and the acceptance criteria. Every score and level the
 * product shows comes from `MethodModel.assess`; nothing else computes one.
 */
import { matrixRows } from '../model/matrix-rows.js';
import type { ImpactValue, Level, LikelihoodValue, Method, ReviewCadence, TreatWithin } from '../generated/ast.js';
import { validTerm, type Term } from './durations.js';

export type ScaleValueNode = LikelihoodValue | ImpactValue;

export interface ScoredLevel {
    /** Absent with a matrix method: the level alone is defined. */
    readonly score?: number;
    readonly level?: Level;
}

/**
 * Scale values run from 1 to 100: wide enough for any rating scale people use (3 to 10
 * steps, or percentages), and small enough that every score is exact and every rule may
 * loop over the values. A value outside is `scale-invalid` and produces no score.
 */
export const MAX_SCALE_VALUE = 100;

export function isValidScaleValue(value: number): boolean {
    return Number.isInteger(value) && value >= 1 && value <= MAX_SCALE_VALUE;
}

const DEFAULT_ACCEPTANCE_TERM: Term = { amount: 12, unit: 'months' };

export class MethodModel {
    readonly form: 'banded' | 'matrix';
    readonly operator: '*' | '+';
    /** Scale values ordered by their number; duplicates keep the first. */
    readonly likelihood: readonly LikelihoodValue[];
    readonly impact: readonly ImpactValue[];
    /** Levels as listed: lowest first, so the index is the rank. */
    readonly levels: readonly Level[];
    readonly appetite?: Level;
    readonly major?: Level;
    /**
     * The term of an acceptance without `until`: `lasts`, 12 months by default. Undefined
     * when `lasts` is written but invalid (`duration-invalid`): nobody decided a term then,
     * so such acceptances have no lapse date and are not valid.
     */
    readonly acceptanceTerm?: Term;
    /** `accept { longest … }`: the longest term an acceptance may run; no limit without it. */
    readonly longestAcceptance?: Term;

    private readonly rankByLevel: Map<Level, number>;
    private readonly matrixCells = new Map<number, Array<Level | undefined>>();

    constructor(readonly method: Method) {
        this.form = method.matrix ? 'matrix' : 'banded';
        this.operator = method.score?.operator ?? '*';
        this.likelihood = sortedUnique(method.scales.find(scale => scale.kind === 'likelihood')?.values as LikelihoodValue[] | undefined);
        this.impact = sortedUnique(method.scales.find(scale => scale.kind === 'impact')?.values as ImpactValue[] | undefined);
        this.levels = method.levels?.levels ?? [];
        this.rankByLevel = new Map(this.levels.map((level, index) => [level, index]));
        this.appetite = method.accept?.appetite?.ref;
        this.major = method.accept?.major?.ref ?? this.levels.at(-1);
        this.acceptanceTerm = method.accept?.lasts ? validTerm(method.accept.lasts) : DEFAULT_ACCEPTANCE_TERM;
        this.longestAcceptance = validTerm(method.accept?.longest);
        for (const row of method.matrix ? matrixRows(method.matrix).rows : []) {
            const likelihood = row.label.likelihood.ref?.value;
            if (likelihood !== undefined && !this.matrixCells.has(likelihood)) {
                this.matrixCells.set(likelihood, row.cells.map(cell => cell.level.ref));
            }
        }
    }

    /** The rank of a level: 0 for the lowest. Undefined for a level of another method. */
    rank(level: Level | undefined): number | undefined {
        return level ? this.rankByLevel.get(level) : undefined;
    }

    score(likelihood: number, impact: number): number | undefined {
        if (this.form === 'matrix') {
            return undefined;
        }
        return this.operator === '+' ? likelihood + impact : likelihood * impact;
    }

    /** The score and level of a likelihood and an impact, by the method's numbers. */
    assess(likelihood: number, impact: number): ScoredLevel {
        if (this.form === 'matrix') {
            const impactIndex = this.impact.findIndex(value => value.value === impact);
            return { level: impactIndex < 0 ? undefined : this.matrixCells.get(likelihood)?.[impactIndex] };
        }
        const score = this.score(likelihood, impact)!;
        return { score, level: this.levelForScore(score) };
    }

    /** The first band holding the score; a band written backwards (`4..3`) counts as `3..4`. */
    levelForScore(score: number): Level | undefined {
        return this.levels.find(level => level.range
            && Math.min(level.range.min, level.range.max) <= score && score <= Math.max(level.range.min, level.range.max));
    }

    /**
     * Every score the two scales can produce, ascending, each once. Values outside 1..100
     * are invalid (`scale-invalid`) and produce no score a band must cover.
     */
    reachableScores(): number[] {
        const scores = new Set<number>();
        for (const likelihood of this.likelihood.filter(value => isValidScaleValue(value.value))) {
            for (const impact of this.impact.filter(value => isValidScaleValue(value.value))) {
                const score = this.score(likelihood.value, impact.value);
                if (score !== undefined) {
                    scores.add(score);
                }
            }
        }
        return [...scores].sort((a, b) => a - b);
    }

    isAboveAppetite(level: Level | undefined): boolean {
        const rank = this.rank(level);
        const appetite = this.rank(this.appetite);
        return rank !== undefined && appetite !== undefined && rank > appetite;
    }

    isMajor(level: Level | undefined): boolean {
        const rank = this.rank(level);
        const major = this.rank(this.major);
        return rank !== undefined && major !== undefined && rank >= major;
    }

    /**
     * The review cadence for a risk at this level: a level-specific line wins over the
     * general one. A line written twice counts the last time, like any property. A line
     * whose duration is invalid (`duration-invalid`) gives no cadence.
     */
    reviewCadence(level: Level | undefined): Term | undefined {
        const reviews: readonly ReviewCadence[] = this.method.reviews;
        const specific = level ? reviews.findLast(review => review.level?.ref === level) : undefined;
        return validTerm((specific ?? reviews.findLast(review => !review.level))?.every);
    }

    /**
     * `treat LEVEL within …` for a risk at this inherent level (section 11.5). A line
     * written twice counts the last time, like `review`.
     */
    treatmentDeadline(level: Level | undefined): Term | undefined {
        const lines: readonly TreatWithin[] = this.method.treatWithin;
        return level ? validTerm(lines.findLast(line => line.level?.ref === level)?.within) : undefined;
    }
}

function sortedUnique<T extends ScaleValueNode>(values: readonly T[] | undefined): T[] {
    const seen = new Set<number>();
    return (values ?? [])
        .filter(value => !seen.has(value.value) && seen.add(value.value))
        .sort((a, b) => a.value - b.value);
}

