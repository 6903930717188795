/** What one `risk check` run found: the input of every formatter. */
import type { IsoDate } from '../language/evaluation/dates.js';
import type { Finding, Summary } from './findings.js';
import { pathInside } from './repository-root.js';

export interface CheckReport {
    readonly asOf: IsoDate;
    /** The working directory that paths are relative to. */
    readonly cwd: string;
    /**
     * The folder CI tools resolve paths against: the root of the git repository the
     * working directory is in, or the working directory outside any repository.
     */
    readonly sourceRoot: string;
    /** How many distinct files were checked. */
    readonly fileCount: number;
    /** The models checked (a model is the folder of its method), by folder relative to the working directory. */
    readonly models: readonly { readonly folder: string; readonly files: number }[];
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

/**
 * The finding's path relative to the report's source root, as GitHub and GitLab want
 * it; a file outside that root keeps its path relative to the working directory.
 */
export function sourcePath(finding: Finding, report: CheckReport): string {
    return pathInside(finding.absolutePath, report.sourceRoot) ?? finding.file;
}
