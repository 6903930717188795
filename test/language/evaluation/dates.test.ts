import { describe, expect, test } from 'vitest';
import { addDuration, daysBetween, isRealDate, today, whyNotRealDate } from '../../../language/evaluation/dates.js';

describe('isRealDate', () => {
    test.each([
        ['2026-02-28', true],
        ['2026-02-29', false],
        ['2026-02-30', false],
        ['2028-02-29', true],
        ['2000-02-29', true],
        ['2100-02-29', false],
        ['2026-04-30', true],
        ['2026-04-31', false],
        ['2026-12-31', true],
        ['2026-13-01', false],
        ['2026-00-10', false],
        ['2026-01-00', false],
        ['2026-1-05', false],
        ['26-01-05', false],
        ['2026-01-05T00:00', false]
    ])('%s → %s', (text, real) => {
        expect(isRealDate(text)).toBe(real);
    });
});

describe('whyNotRealDate', () => {
    test('names the month length or the missing month', () => {
        expect(whyNotRealDate('2026-02-30')).toBe('February 2026 has 28 days');
        expect(whyNotRealDate('2028-02-30')).toBe('February 2028 has 29 days');
        expect(whyNotRealDate('2027-04-31')).toBe('April 2027 has 30 days');
        expect(whyNotRealDate('2026-13-01')).toBe('there is no month 13');
        expect(whyNotRealDate('2026-1-5')).toBe('it is not written as YYYY-MM-DD');
    });

    test('is undefined exactly for real dates', () => {
        for (const date of ['2026-01-31', '2028-02-29', '2026-11-23']) {
            expect(whyNotRealDate(date)).toBeUndefined();
            expect(isRealDate(date)).toBe(true);
        }
    });
});

describe('addDuration', () => {
    test('months keep the day of the month', () => {
        expect(addDuration('2026-11-15', 12, 'months')).toBe('2027-11-15');
        expect(addDuration('2026-11-15', 1, 'month')).toBe('2026-12-15');
        expect(addDuration('2026-12-15', 1, 'month')).toBe('2027-01-15');
        expect(addDuration('2026-01-15', 25, 'months')).toBe('2028-02-15');
    });

    test('months clamp to the end of a shorter month', () => {
        expect(addDuration('2026-01-31', 1, 'month')).toBe('2026-02-28');
        expect(addDuration('2028-01-31', 1, 'month')).toBe('2028-02-29');
        expect(addDuration('2026-03-31', 1, 'month')).toBe('2026-04-30');
        expect(addDuration('2026-08-31', 3, 'months')).toBe('2026-11-30');
        // The clamp does not carry over: the end of February plus one month is March 28.
        expect(addDuration('2026-02-28', 1, 'month')).toBe('2026-03-28');
    });

    test('years are twelve months, so 29 February lands on 28 February', () => {
        expect(addDuration('2028-02-29', 1, 'year')).toBe('2029-02-28');
        expect(addDuration('2028-02-29', 4, 'years')).toBe('2032-02-29');
        expect(addDuration('2026-11-15', 2, 'years')).toBe('2028-11-15');
    });

    test('negative amounts go back', () => {
        expect(addDuration('2026-03-31', -1, 'month')).toBe('2026-02-28');
        expect(addDuration('2026-01-15', -1, 'month')).toBe('2025-12-15');
        expect(addDuration('2026-01-01', -1, 'day')).toBe('2025-12-31');
    });

    test('days and weeks count calendar days across month, year and daylight-saving changes', () => {
        expect(addDuration('2026-01-31', 1, 'day')).toBe('2026-02-01');
        expect(addDuration('2026-12-31', 1, 'day')).toBe('2027-01-01');
        expect(addDuration('2028-02-28', 1, 'day')).toBe('2028-02-29');
        expect(addDuration('2026-03-28', 2, 'days')).toBe('2026-03-30');
        expect(addDuration('2026-10-24', 2, 'days')).toBe('2026-10-26');
        expect(addDuration('2026-11-23', 30, 'days')).toBe('2026-12-23');
        expect(addDuration('2026-12-28', 1, 'week')).toBe('2027-01-04');
        expect(addDuration('2026-02-01', 4, 'weeks')).toBe('2026-03-01');
    });

    test('a result beyond the dates a model can write (0001-01-01 to 9999-12-31) is no date, not an exception', () => {
        expect(addDuration('2026-11-23', 99_999_999, 'years')).toBeUndefined();
        expect(addDuration('2026-11-23', 1e20, 'days')).toBeUndefined();
        expect(addDuration('2026-11-23', 1e20, 'months')).toBeUndefined();
        expect(addDuration('9999-12-31', 1, 'day')).toBeUndefined();
        expect(addDuration('9999-12-01', 1, 'month')).toBeUndefined();
        expect(addDuration('0001-01-01', -1, 'day')).toBeUndefined();
        expect(addDuration('9999-12-30', 1, 'day')).toBe('9999-12-31');
    });

    test('an amount that is not a whole number (a half-typed duration) is no date', () => {
        expect(addDuration('2026-11-23', Number.NaN, 'months')).toBeUndefined();
        expect(addDuration('2026-11-23', undefined as unknown as number, 'months')).toBeUndefined();
        expect(addDuration('2026-11-23', 1.5, 'days')).toBeUndefined();
    });

    test('years below 100 are not read as 19xx', () => {
        expect(addDuration('0050-01-31', 1, 'month')).toBe('0050-02-28');
        expect(addDuration('0099-12-31', 1, 'day')).toBe('0100-01-01');
        expect(daysBetween('0050-01-01', '0051-01-01')).toBe(365);
    });
});

describe('daysBetween', () => {
    test('whole days, negative when the second date is earlier', () => {
        expect(daysBetween('2026-11-23', '2026-11-23')).toBe(0);
        expect(daysBetween('2026-11-23', '2026-12-23')).toBe(30);
        expect(daysBetween('2026-12-23', '2026-11-23')).toBe(-30);
        expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
        expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
        expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
        expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
    });

    test('daylight-saving changes do not shift a day', () => {
        expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
        expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    });

    test('agrees with addDuration', () => {
        expect(daysBetween('2026-11-23', addDuration('2026-11-23', 100, 'days')!)).toBe(100);
        expect(daysBetween('2026-11-23', addDuration('2026-11-23', 6, 'weeks')!)).toBe(42);
    });
});

describe('today', () => {
    test('is the local calendar date, zero-padded', () => {
        expect(today(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
        expect(today(new Date(2026, 10, 23, 0, 0))).toBe('2026-11-23');
    });
});
