/**
 * Publishes a document's diagnostics only when they differ from the ones last published
 * for it. After an edit the server validates the changed file and re-runs the model-wide
 * rules on every other file; in a large model almost all of those come out as before,
 * and sending them again (megabytes per keystroke) would only make the editor redraw.
 *
 * Langium publishes from its own handler (`addDiagnosticsHandler`, on every validated
 * document and with an empty list for every deleted one); this filter sits on the
 * connection's `sendDiagnostics`, so that every path that publishes goes through it.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Connection, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';

export class PublishedDiagnostics {
    /** What the client was last sent for each document. */
    private readonly shown = new Map<string, Diagnostic[]>();

    /**
     * Whether publishing `params` would change what the client shows; remembers them when
     * it would. A document's first publication always goes out, empty or not: a client
     * (or a test) may wait for it as the sign that the document was checked.
     */
    changes(params: PublishDiagnosticsParams): boolean {
        const shown = this.shown.get(params.uri);
        if (shown && sameDiagnostics(shown, params.diagnostics)) {
            return false;
        }
        // A copy: the document's own list may be extended by a later validation pass.
        this.shown.set(params.uri, structuredClone(params.diagnostics));
        return true;
    }
}

/** Makes `connection.sendDiagnostics` skip every publication that would change nothing on the client. */
export function publishOnlyChangedDiagnostics(connection: Pick<Connection, 'sendDiagnostics'>): PublishedDiagnostics {
    const published = new PublishedDiagnostics();
    const send = connection.sendDiagnostics.bind(connection);
    connection.sendDiagnostics = params => published.changes(params) ? send(params) : Promise.resolve();
    return published;
}

/**
 * Equal for the client, field by field (the fields of an LSP diagnostic): the message,
 * code and range first, which tell almost every difference, and a deep comparison only of
 * the small objects. It runs on every finding of every file after each keystroke, where
 * isDeepStrictEqual of the whole lists cost more than the model-wide rules.
 */
function sameDiagnostics(shown: readonly Diagnostic[], current: readonly Diagnostic[]): boolean {
    return shown.length === current.length && current.every((diagnostic, index) => sameDiagnostic(shown[index], diagnostic));
}

function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
    return a.message === b.message
        && a.code === b.code
        && a.severity === b.severity
        && a.range.start.line === b.range.start.line
        && a.range.start.character === b.range.start.character
        && a.range.end.line === b.range.end.line
        && a.range.end.character === b.range.end.character
        && a.source === b.source
        && a.codeDescription?.href === b.codeDescription?.href
        && isDeepStrictEqual(a.tags, b.tags)
        && isDeepStrictEqual(a.relatedInformation, b.relatedInformation)
        && isDeepStrictEqual(a.data, b.data);
}
