/**
 * What one `risk diff` run found, in the terms every diff formatter prints: the
 * changes with display paths, each side's posture and check summary, and the findings
 * new at HEAD, resolved since BASE, and unchanged, matched by fingerprint.
 */
import type { ChangeKind, Effect } from '../language/diff/change.js';
import type { PostureSummary, Verdict } from '../language/diff/model-diff.js';
import type { IsoDate } from '../language/evaluation/dates.js';
import type { Finding, Summary } from './findings.js';
import { fingerprintsOf } from './fingerprint.js';

export interface DisplayChange {
    readonly kind: ChangeKind;
    readonly subject: string | readonly string[];
    readonly effect: Effect;
    readonly before: string | null;
    readonly after: string | null;
    /** Relative to the working directory, with forward slashes; null when the change has no place in a file. */
    readonly file: string | null;
    readonly line: number | null;
    readonly message: string;
    /** The location is in the BASE version (something HEAD no longer has). */
    readonly atBase: boolean;
    /** The file relative to the side's root (repository root or folder), for links. */
    readonly rootPath: string | null;
}

export interface DiffSideReport {
    readonly label: string;
    readonly commit?: string;
    readonly files: number;
    readonly posture: PostureSummary;
    readonly check: Summary;
    /** Files that do not parse, relative to the working directory: the diff covers what could be evaluated. */
    readonly unparsable: readonly string[];
}

export interface FindingsDiff {
    readonly new: readonly Finding[];
    readonly resolved: readonly Finding[];
    /** HEAD's findings that BASE had too (JSON prints their number). */
    readonly unchanged: readonly Finding[];
}

export interface DiffReport {
    readonly asOf: IsoDate;
    readonly verdict: Verdict;
    readonly changes: readonly DisplayChange[];
    readonly base: DiffSideReport;
    readonly head: DiffSideReport;
    readonly findings: FindingsDiff;
    /** The folder HEAD's paths are relative to in links (repository root or --to folder). */
    readonly headRoot: string;
}

export interface DiffFormatOptions {
    readonly color: boolean;
    readonly linkBase?: string;
}

/** Findings matched by fingerprint (code + subject IDs), never by file or line. */
export function diffFindings(base: readonly Finding[], head: readonly Finding[]): FindingsDiff {
    const baseFingerprints = fingerprintsOf(base);
    const headFingerprints = fingerprintsOf(head);
    const inBase = new Set(baseFingerprints);
    const inHead = new Set(headFingerprints);
    return {
        new: head.filter((_, index) => !inBase.has(headFingerprints[index])),
        resolved: base.filter((_, index) => !inHead.has(baseFingerprints[index])),
        unchanged: head.filter((_, index) => inBase.has(headFingerprints[index]))
    };
}
