/**
 * One register cell read as what the model needs: text, a list, a date (ISO text, an
 * Excel date or an Excel serial number), a number, a treatment option or a status.
 * Every failure names the row and column.
 */
import { isRealDate } from '../evaluation/dates.js';
import { ImportError, type RawValue } from './read-table.js';

/** `row 4, column E ('Due Date')`. */
export interface Where {
    readonly row: number;
    readonly column: string;
    readonly header: string;
}

export function whereText(where: Where): string {
    return `row ${where.row}, column ${where.column} ('${where.header}')`;
}

export function cellText(raw: RawValue): string | null {
    if (raw === null) return null;
    if (raw instanceof Date) return isoDate(raw);
    const text = String(raw).trim();
    return text === '' ? null : text;
}

/** Items separated by commas, semicolons or line breaks. */
export function cellList(raw: RawValue): string[] {
    const text = cellText(raw);
    return text ? text.split(/[,;\n\r]+/).map(item => item.trim()).filter(Boolean) : [];
}

function isoDate(date: Date): string {
    return date.toISOString().slice(0, 10);
}

/** Excel's day 0 is 1899-12-30 (its 1900 leap-year bug included). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

export interface DateReading {
    readonly date: string;
    /** Set when the cell held an Excel serial number. */
    readonly note?: string;
}

export function cellDate(raw: RawValue, where: Where): DateReading | null {
    if (raw === null) return null;
    if (raw instanceof Date) return { date: isoDate(raw) };
    const text = String(raw).trim();
    const serial = typeof raw === 'number' ? raw : /^\d{5}(\.\d+)?$/.test(text) ? Number(text) : undefined;
    if (serial !== undefined) {
        if (serial < 1 || serial > 2_958_465) {
            throw new ImportError(`${whereText(where)}: ${serial} is not a date; write it as YYYY-MM-DD`);
        }
        const date = isoDate(new Date(EXCEL_EPOCH + Math.floor(serial) * 86_400_000));
        return { date, note: `${where.header} ${serial} is an Excel serial date: read as ${date}` };
    }
    const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/.exec(text);
    if (iso) {
        const date = `${iso[1]}-${iso[2].padStart(2, '0')}-${iso[3].padStart(2, '0')}`;
        if (isRealDate(date)) return { date };
    }
    throw new ImportError(`${whereText(where)}: '${text}' is not a date the import can read without guessing the day and month order; write it as YYYY-MM-DD`);
}

export function cellNumber(raw: RawValue, where: Where): number | null {
    if (raw === null) return null;
    if (typeof raw === 'number') return raw;
    const text = String(raw).trim();
    if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
    throw new ImportError(`${whereText(where)}: '${text}' is text in a number column; write a number, or leave the cell empty`);
}

export type TreatmentOption = 'reduce' | 'accept' | 'share' | 'avoid';

/** The option a treatment cell names, and the party of `share with …`; undefined for free text. */
export function treatmentOption(text: string): { option: TreatmentOption; party?: string } | undefined {
    const match = /^\s*(reduce|mitigate|modify|treat|accept|retain|tolerate|share|transfer|insure|avoid|terminate|eliminate)\b(?:\s+with\s+(.+))?\s*$/i.exec(text);
    if (!match) return undefined;
    const word = match[1].toLowerCase();
    const option: TreatmentOption = ['accept', 'retain', 'tolerate'].includes(word) ? 'accept'
        : ['share', 'transfer', 'insure'].includes(word) ? 'share'
            : ['avoid', 'terminate', 'eliminate'].includes(word) ? 'avoid' : 'reduce';
    return { option, party: match[2]?.trim() };
}

export type RiskStatus = 'identified' | 'assessed' | 'treating' | 'accepted' | 'closed';
export type ActionStatus = 'planned' | 'in-progress' | 'done' | 'cancelled';

const RISK_STATUSES: readonly RiskStatus[] = ['identified', 'assessed', 'treating', 'accepted', 'closed'];

/** A status cell: a risk status of the language, or the state of the row's action as registers write it. */
export function readStatus(text: string): { risk?: RiskStatus; action?: ActionStatus } | undefined {
    const word = text.toLowerCase().replace(/[^a-z]/g, '');
    if ((RISK_STATUSES as readonly string[]).includes(word)) {
        return { risk: word as RiskStatus };
    }
    if (['open', 'new', 'notstarted', 'todo', 'planned', 'pending'].includes(word)) return { action: 'planned' };
    if (['inprogress', 'ongoing', 'started', 'underway', 'wip'].includes(word)) return { action: 'in-progress' };
    if (['done', 'completed', 'complete', 'implemented', 'resolved', 'finished'].includes(word)) return { action: 'done' };
    if (['cancelled', 'canceled', 'dropped', 'withdrawn'].includes(word)) return { action: 'cancelled' };
    if (['accepted', 'retained'].includes(word)) return { risk: 'accepted' };
    return undefined;
}

/** `A.5.17`, `A 5.17`, `A.9.4.2`, `5.17`: the Annex A ID written, or undefined for an own control. */
export function annexId(text: string): string | undefined {
    const match = /^\s*(?:A\s*\.?\s*)?(\d{1,2})\.(\d{1,2})(?:\.(\d{1,2}))?\b/i.exec(text);
    if (!match || (!/^\s*A/i.test(text) && match[3] === undefined && !/^\s*\d{1,2}\.\d{1,2}\s*$/.test(text))) {
        return undefined;
    }
    return `A.${Number(match[1])}.${Number(match[2])}${match[3] !== undefined ? `.${Number(match[3])}` : ''}`;
}
