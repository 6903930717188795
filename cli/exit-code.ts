/** The exit code of `risk check` from what it found and the fail options. */
import { ExitCode } from './errors.js';
import type { Summary } from './findings.js';
import type { FailLevel } from './options.js';

export function exitCodeFor(summary: Summary, failOn: FailLevel, maxWarnings: number | undefined): number {
    const failing = {
        error: summary.errors,
        warning: summary.errors + summary.warnings,
        info: summary.errors + summary.warnings + summary.infos,
        never: 0
    }[failOn];
    const tooManyWarnings = maxWarnings !== undefined && summary.warnings > maxWarnings;
    return failing > 0 || tooManyWarnings ? ExitCode.Findings : ExitCode.Ok;
}
