/**
 * User settings: the as-of date every date rule uses (CLI `--as-of`, editor setting
 * `risk.asOf`), which inlay hints the editor shows (`risk.inlayHints.*`), and how the
 * editor writes exports (`risk.export.*`). The editor's values arrive checked by
 * risk-configuration.ts.
 */
import { today, type IsoDate } from '../evaluation/dates.js';

/** Each kind of inlay hint, on or off. */
export interface InlayHintSettings {
    /** Inherent and residual score and level, and whether the residual is within appetite. */
    readonly scores: boolean;
    /** The name of a scale value written as a number (`likelihood 3 ‹Likely›`). */
    readonly scaleNames: boolean;
    /** Whether an acceptance is valid on the as-of date, and the tier of authority of its role. */
    readonly acceptance: boolean;
    /** The days a deferred treatment decision may still wait on the as-of date. */
    readonly deferral: boolean;
}

const DEFAULT_INLAY_HINTS: InlayHintSettings = { scores: true, scaleNames: true, acceptance: true, deferral: true };

/** How exports started from the editor are written. */
export interface ExportSettings {
    /** Start a CSV with a UTF-8 byte-order mark, for Excel (the CLI's `--bom`). */
    readonly csvBom: boolean;
}

const DEFAULT_EXPORT: ExportSettings = { csvBom: false };

export class RiskSettings {
    private fixedAsOf?: IsoDate;
    private hints: InlayHintSettings = DEFAULT_INLAY_HINTS;
    private exportSettings: ExportSettings = DEFAULT_EXPORT;

    /** The as-of date: the one set, or today. */
    asOf(): IsoDate {
        return this.fixedAsOf ?? today();
    }

    /** Fixes the as-of date (a checked `YYYY-MM-DD`), or returns to today with `undefined`. */
    setAsOf(date: IsoDate | undefined): void {
        this.fixedAsOf = date;
    }

    /** Which inlay hints to show; all of them unless set otherwise. */
    get inlayHints(): InlayHintSettings {
        return this.hints;
    }

    /**
     * Sets the inlay hint kinds. A kind left out is on, so the editor can pass its
     * configuration as it stands; `undefined` turns every kind back on.
     */
    setInlayHints(settings: Partial<InlayHintSettings> | undefined): void {
        this.hints = { ...DEFAULT_INLAY_HINTS, ...withoutUndefined(settings ?? {}) };
    }

    /** How the editor writes exports; no byte-order mark unless set. */
    get exports(): ExportSettings {
        return this.exportSettings;
    }

    /** Sets the export settings; a setting left out (or `undefined`) takes its default. */
    setExports(settings: Partial<ExportSettings> | undefined): void {
        this.exportSettings = { ...DEFAULT_EXPORT, ...withoutUndefined(settings ?? {}) };
    }
}

function withoutUndefined<T extends object>(settings: Partial<T>): Partial<T> {
    return Object.fromEntries(Object.entries(settings).filter(([, value]) => typeof value === 'boolean')) as Partial<T>;
}
