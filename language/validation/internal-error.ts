/**
 * An exception inside a check or an editor feature is a bug in the tool, never a fault
 * of the model: it becomes one `internal-error` diagnostic that says so and how to
 * report it, and a line in the log. The CLI shows no stack trace unless RISK_DEBUG=1
 * (cli/main.ts); the language server writes the log to its output and keeps serving.
 */
export const REPORT_URL = 'https://github.com/risk-language/risk-language/issues';

/** The message of the `internal-error` diagnostic for an exception while doing `task`. */
export function internalErrorMessage(task: string, error: unknown): string {
    return `Internal error in Risk Language while ${task}: ${describeError(error)}. This is a bug in the tool, not in your model: please report it at ${REPORT_URL} with this file (or the smallest part of it that still shows the error). Other findings of this file may be missing until it is fixed.`;
}

/** Logs the exception; the stack goes along, and the CLI prints it only with RISK_DEBUG=1. */
export function logInternalError(task: string, error: unknown): void {
    console.error(`Risk: internal error while ${task}:`, error);
}

export function describeError(error: unknown): string {
    const text = error instanceof Error ? error.message : String(error);
    return text.split('\n')[0].replace(/[.\s]+$/, '');
}
