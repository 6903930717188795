/**
 * Whether a justification or reason is written. A quick fix inserts a placeholder that
 * begins with `TODO` and says what to write (an SoA `include`/`exclude` line, a deferral's
 * reason); until the user replaces it, the line counts as unjustified, so the fix never
 * silences the finding it was offered for.
 */

/** The prefix of every placeholder a quick fix writes; a text beginning with it is not yet a justification. */
export const PLACEHOLDER_PREFIX = 'TODO';

export type JustificationState = 'missing' | 'placeholder' | 'written';

export function justificationState(text: string | undefined): JustificationState {
    const trimmed = (text ?? '').trim();
    if (trimmed === '') {
        return 'missing';
    }
    return trimmed.toUpperCase().startsWith(PLACEHOLDER_PREFIX) ? 'placeholder' : 'written';
}

/** `"TODO: say why A.7.6 is excluded"`: a string literal the user has to rewrite. */
export function placeholderText(what: string): string {
    return JSON.stringify(`${PLACEHOLDER_PREFIX}: ${what}`);
}
