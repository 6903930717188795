/**
 * An error the user can fix: a bad option value, a path that cannot be read. The CLI
 * prints its message on stderr and exits with code 2, without a stack trace.
 */
export class UsageError extends Error {
    override readonly name = 'UsageError';
}

/** Exit codes of every `risk` command. */
export const ExitCode = {
    /** Nothing at or above the fail level. */
    Ok: 0,
    /** Findings at or above the fail level, or more warnings than `--max-warnings`. */
    Findings: 1,
    /** A usage error, a path that cannot be read, or an unexpected failure. */
    Usage: 2
} as const;
