/**
 * Durations as written in the method (`lasts 12 months`, `review every 1 year`, and any
 * later `NUMBER UNIT` property): which ones the product can count with. A duration of 0,
 * or one longer than 1000 years, is `duration-invalid` (specification 11.6), and the
 * evaluation never counts with it, so that no date rule can run past the calendar.
 */
import type { Duration, DurationUnit } from '../generated/ast.js';

export interface Term {
    readonly amount: number;
    readonly unit: DurationUnit;
}

/** 1000 years in each unit: 365,242 days is 1000 Gregorian years (365.2425 days each), rounded down. */
const LONGEST: Readonly<Record<DurationUnit, number>> = {
    day: 365_242,
    days: 365_242,
    week: 52_177,
    weeks: 52_177,
    month: 12_000,
    months: 12_000,
    year: 1_000,
    years: 1_000
};

/**
 * Why a duration cannot be counted with, as the end of a sentence ("0 days is no time
 * at all"), or undefined when it can. A duration the parser left without a number or a
 * unit (`review every months` while typing) is a syntax error, not this one: undefined.
 */
export function durationProblem(duration: Pick<Duration, 'amount' | 'unit'>): string | undefined {
    const { amount, unit } = duration;
    if (typeof amount !== 'number' || unit === undefined || !(unit in LONGEST)) {
        return undefined;
    }
    if (amount === 0) {
        return `0 ${unit} is no time at all`;
    }
    if (!(amount <= LONGEST[unit])) {
        return `it does not fit in 1000 years (at most ${LONGEST[unit].toLocaleString('en-US')} ${unit})`;
    }
    return undefined;
}

/** The term to count with: undefined for a missing, half-typed or invalid duration. */
export function validTerm(duration: Pick<Duration, 'amount' | 'unit'> | undefined): Term | undefined {
    if (!duration || !Number.isSafeInteger(duration.amount) || duration.amount < 1 || durationProblem(duration) !== undefined) {
        return undefined;
    }
    return { amount: duration.amount, unit: duration.unit };
}

/** A term as a person reads it; a missing or invalid duration (duration-invalid) leaves none. */
export function formatTerm(term: Term | undefined): string {
    return term ? `${term.amount} ${term.unit}` : '(no valid duration)';
}
