/**
 * Calendar dates as written in the model: `YYYY-MM-DD` strings. They compare as
 * strings; arithmetic goes through UTC so that no time zone shifts a day.
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
    return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toUtc(date: IsoDate): Date {
    const [year, month, day] = date.split('-').map(Number);
    return new Date(Date.UTC(year, month - 1, day));
}

function fromUtc(date: Date): IsoDate {
    return date.toISOString().slice(0, 10);
}

/** Today in the local calendar of the machine running the check. */
export function today(now: Date = new Date()): IsoDate {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Adds a duration. Months and years keep the day of the month and clamp it to the
 * month's end (2026-01-31 + 1 month = 2026-02-28), as people count contract terms.
 */
export function addDuration(date: IsoDate, amount: number, unit: DurationUnit): IsoDate {
    const start = toUtc(date);
    switch (unit) {
        case 'day':
        case 'days':
            return fromUtc(new Date(start.getTime() + amount * 86_400_000));
        case 'week':
        case 'weeks':
            return fromUtc(new Date(start.getTime() + amount * 7 * 86_400_000));
        case 'month':
        case 'months':
            return addMonths(start, amount);
        case 'year':
        case 'years':
            return addMonths(start, amount * 12);
    }
}

function addMonths(start: Date, months: number): IsoDate {
    const monthIndex = start.getUTCMonth() + months;
    const year = start.getUTCFullYear() + Math.floor(monthIndex / 12);
    const month = ((monthIndex % 12) + 12) % 12 + 1;
    const day = Math.min(start.getUTCDate(), daysInMonth(year, month));
    return fromUtc(new Date(Date.UTC(year, month - 1, day)));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
    return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}
