/**
 * User settings: the as-of date every date rule uses (CLI `--as-of`, editor setting
 * `risk.asOf`), and which inlay hints the editor shows (`risk.inlayHints.*`).
 */
import { today, type IsoDate } from '../evaluation/dates.js';

/** Each kind of inlay hint, on or off. */
export interface InlayHintSettings {
    /** Inherent and residual score and level, and whether the residual is within appetite. */
    readonly scores: boolean;
    /** The name of a scale value written as a number (`likelihood 3 ‹Likely›`). */
    readonly scaleNames: boolean;
    /** Whether an acceptance is valid on the as-of date. */
    readonly acceptance: boolean;
}

const DEFAULT_INLAY_HINTS: InlayHintSettings = { scores: true, scaleNames: true, acceptance: true };

export class RiskSettings {
    private fixedAsOf?: IsoDate;
    private hints: InlayHintSettings = DEFAULT_INLAY_HINTS;

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
}

function withoutUndefined(settings: Partial<InlayHintSettings>): Partial<InlayHintSettings> {
    return Object.fromEntries(Object.entries(settings).filter(([, value]) => typeof value === 'boolean'));
}
