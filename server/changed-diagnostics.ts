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
        if (shown && isDeepStrictEqual(shown, params.diagnostics)) {
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
