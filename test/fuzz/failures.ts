/** What the harness reports when a property does not hold, and how failures are told apart. */

export type Property =
    /** An exception escaped a request, the build or an export. */
    | 'exception'
    /** An exception was caught and shown to the user as a diagnostic (`internal-error`, or a validator's exception text). */
    | 'swallowed-exception'
    /** An exception was caught and only written to the log. */
    | 'logged-exception'
    /** A request took longer than the time limit on a small file. */
    | 'slow'
    /** Formatting a formatted file changed it again. */
    | 'format-not-idempotent'
    /** The formatted file has other diagnostics or other exports than the original. */
    | 'format-changes-meaning'
    /** The process running the input died (out of memory) or did not finish. */
    | 'crash'
    | 'hang';

export interface Failure {
    readonly property: Property;
    /** The step that failed: `build`, `hover`, `export register md`, … */
    readonly step: string;
    readonly message: string;
    /** A stack trace or a diff, for the person who fixes it. */
    readonly detail?: string;
}

/**
 * Two failures with the same signature are taken for the same bug: the property, the step
 * (every export is one) and the message with its numbers and quoted text blanked out.
 */
export function signatureOf(failure: Failure): string {
    const message = failure.message
        .split('\n')[0]
        .replace(/"[^"]*"|`[^`]*`|'[^']*'/g, '…')
        .replace(/\d+/g, 'N')
        .slice(0, 160);
    // One bug in the export builders fails every kind and format: one signature for them all.
    const step = failure.step.replace(/^(risk\/export) .*/, '$1');
    return `${failure.property} in ${step}: ${message}`;
}

export function describeError(error: unknown): { message: string; detail?: string } {
    if (error instanceof Error) {
        return { message: `${error.name}: ${error.message}`, detail: error.stack };
    }
    return { message: String(error) };
}
