/** What one `risk check` run found: the input of every formatter. */
import type { IsoDate } from '../language/evaluation/dates.js';
import type { Finding, Summary } from './findings.js';

export interface CheckReport {
    readonly asOf: IsoDate;
    /** The working directory that paths are relative to. */
    readonly cwd: string;
    /** How many distinct files were checked. */
    readonly fileCount: number;
    /** Sorted by file, then position. */
    readonly findings: readonly Finding[];
    readonly summary: Summary;
    /** With --baseline: the revision, and how many findings were hidden because it has them too. */
    readonly baseline?: { readonly revision: string; readonly hidden: number };
}

export interface FormatOptions {
    /** Pretty output only: ANSI colours. */
    readonly color: boolean;
}
