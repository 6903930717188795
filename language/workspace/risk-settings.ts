/**
 * User settings that change what the model means: today the as-of date every date
 * rule uses. Set by the CLI (`--as-of`) or the editor setting `risk.asOf`.
 */
import { today, type IsoDate } from '../evaluation/dates.js';

export class RiskSettings {
    private fixedAsOf?: IsoDate;

    /** The as-of date: the one set, or today. */
    asOf(): IsoDate {
        return this.fixedAsOf ?? today();
    }

    /** Fixes the as-of date (a checked `YYYY-MM-DD`), or returns to today with `undefined`. */
    setAsOf(date: IsoDate | undefined): void {
        this.fixedAsOf = date;
    }
}
