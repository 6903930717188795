/**
 * Whether a justification says why. A decision recorded with an empty reason, or with a
 * placeholder someone meant to replace (`TODO`, `TBD`, `...`, the text the editor's quick
 * fix inserts), documents nothing: it does not count as a justification.
 */

/**
 * What the editor's "Add an acceptance" and "Add a justification" quick fixes insert
 * where the reason goes: a prompt, not a reason, so left as it is it keeps the
 * acceptance incomplete.
 */
export const JUSTIFICATION_PROMPT = 'Say why this residual risk is acceptable';

/** Markers people leave for text still to be written, as a word of their own in capitals. */
const PLACEHOLDER_MARKER = /\b(TODO|TBD|FIXME|XXX)\b/;

/** The same markers as the whole text, in any case: `todo`, `Tbd.` */
const PLACEHOLDER_ONLY = /^(todo|tbd|fixme|xxx|n\/a|tba)$/i;

/** A text that opens with a marker, in any case: `todo: say why`, `Tbd - ask the DPO`. */
const PLACEHOLDER_OPENING = /^(todo|tbd|fixme|xxx)\b/i;

/** What the quick fixes that add an SoA line or a deferral reason write first: the text opens with it. */
const PLACEHOLDER_PREFIX = 'TODO';

/** Nothing a reader could take for a reason: no letter and no digit (`...`, `…`, `-`, `?`). */
const NO_WORDS = /^[^\p{L}\p{N}]*$/u;

export type JustificationState = 'written' | 'missing' | 'placeholder';

export function justificationState(text: string | undefined): JustificationState {
    const trimmed = (text ?? '').trim();
    if (trimmed === '') {
        return 'missing';
    }
    const words = trimmed.replace(/[\s.:;!?…-]+$/u, '');
    if (NO_WORDS.test(trimmed) || PLACEHOLDER_ONLY.test(words) || PLACEHOLDER_OPENING.test(trimmed) || PLACEHOLDER_MARKER.test(trimmed)
        || words.toLowerCase() === JUSTIFICATION_PROMPT.toLowerCase()) {
        return 'placeholder';
    }
    return 'written';
}

/** `"TODO: say why A.7.6 is excluded"`: a string literal the user has to rewrite. */
export function placeholderText(what: string): string {
    return JSON.stringify(`${PLACEHOLDER_PREFIX}: ${what}`);
}
