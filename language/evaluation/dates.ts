/**
 * Calendar dates as written in the model: `YYYY-MM-DD` strings. They compare as
 * strings; arithmetic counts calendar days, so that no time zone shifts a day.
 */
import type { DurationUnit } from '../generated/ast.js';

export type IsoDate = string;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when the text is a date that exists in the calendar (2026-02-30 is not). */
export function isRealDate(text: string): boolean {
    const match = DATE_PATTERN.exec(text);
    if (!match) {
        return false;
    }
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Why a `YYYY-MM-DD` text is not a real date ("April 2027 has 30 days"), or undefined when it is one. */
export function whyNotRealDate(text: string): string | undefined {
    const match = DATE_PATTERN.exec(text);
    if (!match) {
        return 'it is not written as YYYY-MM-DD';
    }
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (month < 1 || month > 12) {
        return `there is no month ${match[2]}`;
    }
    const days = daysInMonth(year, month);
    if (day < 1 || day > days) {
        return `${MONTH_NAMES[month - 1]} ${year} has ${days} days`;
    }
    return undefined;
}

function daysInMonth(year: number, month: number): number {
    return month === 2 ? (isLeapYear(year) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

function isLeapYear(year: number): boolean {
    return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

interface CivilDate {
    readonly year: number;
    readonly month: number;
    readonly day: number;
}

function parse(date: IsoDate): CivilDate {
    const [year, month, day] = date.split('-').map(Number);
    return { year, month, day };
}

/** The dates a model can write: four-digit years. Anything else would not compare as text. */
function format({ year, month, day }: CivilDate): IsoDate | undefined {
    if (!(year >= 1 && year <= 9999)) {
        return undefined;
    }
    const pad = (n: number, width: number) => String(n).padStart(width, '0');
    return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

// Calendar arithmetic by day numbers (proleptic Gregorian, day 0 = 1970-01-01), without
// Date: Date.UTC reads years below 100 as 19xx and throws past ±275,760 years.
function toDayNumber({ year, month, day }: CivilDate): number {
    const y = month <= 2 ? year - 1 : year;
    const era = Math.floor(y / 400);
    const yearOfEra = y - era * 400;
    const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
    const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
    return era * 146_097 + dayOfEra - 719_468;
}

function fromDayNumber(dayNumber: number): CivilDate {
    const z = dayNumber + 719_468;
    const era = Math.floor(z / 146_097);
    const dayOfEra = z - era * 146_097;
    const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
    const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
    const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
    const month = shiftedMonth + (shiftedMonth < 10 ? 3 : -9);
    return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day: dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1 };
}

/** Today in the local calendar of the machine running the check. */
export function today(now: Date = new Date()): IsoDate {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Adds a duration. Months and years keep the day of the month and clamp it to the
 * month's end (2026-01-31 + 1 month = 2026-02-28), as people count contract terms.
 * Undefined when the amount is not a whole number (a half-typed duration) or the result
 * lies outside 0001-01-01..9999-12-31: such a date cannot be written in a model, so no
 * rule may compare against it.
 */
export function addDuration(date: IsoDate, amount: number, unit: DurationUnit): IsoDate | undefined {
    if (!Number.isSafeInteger(amount)) {
        return undefined;
    }
    const start = parse(date);
    switch (unit) {
        case 'day':
        case 'days':
            return addDays(start, amount);
        case 'week':
        case 'weeks':
            return addDays(start, amount * 7);
        case 'month':
        case 'months':
            return addMonths(start, amount);
        case 'year':
        case 'years':
            return addMonths(start, amount * 12);
    }
}

function addDays(start: CivilDate, days: number): IsoDate | undefined {
    return Number.isSafeInteger(days) ? format(fromDayNumber(toDayNumber(start) + days)) : undefined;
}

function addMonths(start: CivilDate, months: number): IsoDate | undefined {
    const monthIndex = start.month - 1 + months;
    if (!Number.isSafeInteger(monthIndex)) {
        return undefined;
    }
    const year = start.year + Math.floor(monthIndex / 12);
    const month = ((monthIndex % 12) + 12) % 12 + 1;
    if (!(year >= 1 && year <= 9999)) {
        return undefined;
    }
    return format({ year, month, day: Math.min(start.day, daysInMonth(year, month)) });
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
    return toDayNumber(parse(to)) - toDayNumber(parse(from));
}
