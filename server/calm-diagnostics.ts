/**
 * Calmer typing: while the user types, findings that the edit *adds* wait until typing
 * pauses; findings the edit removes go at once, and findings that were shown stay shown.
 *
 * A half-typed line is wrong for an instant: `controls A.5.1, A.8.` is a syntax error
 * until the `2` is typed (one: language/validation/incomplete-references.ts folds the
 * rest), and a `likelihood` whose value is being replaced is a syntax error and `unused`
 * on the role and asset the broken risk no longer reaches. Editors that do this well (TypeScript in VS
 * Code) wait for a pause before they show new errors. Here the server does it, between
 * the validation and the client, for every editor alike:
 *
 * * after a change to an open document (`textDocument/didChange`, not opening it, not a
 *   change on disk), for {@link TYPING_PAUSE_MS} ms, a publication sends only the
 *   findings that were published before (matched by code, severity and message, at their
 *   new position, so that a line inserted above moves them without a flicker);
 * * when that time has passed with no further change, every document whose findings were
 *   held back gets its complete, current list.
 *
 * Nothing else changes: the CLI, exports and the status bar's counts read the validation
 * itself, not what the editor was sent. Documented in docs/language.md §13.
 */
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';

/** How long after the last keystroke new findings wait. */
export const TYPING_PAUSE_MS = 800;

/** What the gate needs of the world: sending to the client, a clock and a timer. */
export interface CalmDiagnosticsHost {
    send(params: PublishDiagnosticsParams): void;
    now(): number;
    setTimeout(callback: () => void, ms: number): { cancel(): void };
}

export class CalmDiagnostics {
    /** What the client shows now, per document URI. */
    private readonly shown = new Map<string, readonly Diagnostic[]>();
    /** The complete current findings of documents whose new findings are held back. */
    private readonly held = new Map<string, PublishDiagnosticsParams>();
    private lastEdit = Number.NEGATIVE_INFINITY;
    private timer?: { cancel(): void };

    constructor(private readonly host: CalmDiagnosticsHost, private readonly pauseMs = TYPING_PAUSE_MS) {}

    /** The user changed an open document. */
    noteEdit(): void {
        this.lastEdit = this.host.now();
        if (this.held.size > 0) {
            this.schedule();
        }
    }

    /** Publishes a document's findings, holding back those it adds while the user types. */
    publish(params: PublishDiagnosticsParams): void {
        if (!this.typing()) {
            this.held.delete(params.uri);
            this.sendNow(params);
            return;
        }
        const calm = keptFrom(this.shown.get(params.uri) ?? [], params.diagnostics);
        if (calm.length === params.diagnostics.length) {
            this.held.delete(params.uri);
        } else {
            this.held.set(params.uri, params);
            this.schedule();
        }
        this.sendNow({ ...params, diagnostics: calm });
    }

    /** Stops the timer; held findings are dropped (the connection is closing). */
    dispose(): void {
        this.timer?.cancel();
        this.timer = undefined;
        this.held.clear();
    }

    private typing(): boolean {
        return this.host.now() - this.lastEdit < this.pauseMs;
    }

    private schedule(): void {
        this.timer?.cancel();
        const wait = Math.max(0, this.lastEdit + this.pauseMs - this.host.now());
        this.timer = this.host.setTimeout(() => this.release(), wait);
    }

    /** Typing paused: every held document gets its complete findings. */
    private release(): void {
        this.timer = undefined;
        if (this.typing()) {
            this.schedule();
            return;
        }
        const held = [...this.held.values()];
        this.held.clear();
        held.forEach(params => this.sendNow(params));
    }

    private sendNow(params: PublishDiagnosticsParams): void {
        this.shown.set(params.uri, params.diagnostics);
        if (params.diagnostics.length === 0) {
            this.shown.delete(params.uri);
        }
        this.host.send(params);
    }
}

/** The new findings that were shown already: each shown finding keeps at most one new one. */
function keptFrom(shown: readonly Diagnostic[], current: Diagnostic[]): Diagnostic[] {
    // Usually the same findings in the same order (the other files, after a keystroke):
    // all kept, told without building a key for each of thousands of findings.
    if (shown.length === current.length && current.every((diagnostic, index) => sameFinding(shown[index], diagnostic))) {
        return current;
    }
    const available = new Map<string, number>();
    for (const diagnostic of shown) {
        const key = identity(diagnostic);
        available.set(key, (available.get(key) ?? 0) + 1);
    }
    return current.filter(diagnostic => {
        const key = identity(diagnostic);
        const count = available.get(key) ?? 0;
        if (count === 0) {
            return false;
        }
        available.set(key, count - 1);
        return true;
    });
}

function sameFinding(a: Diagnostic, b: Diagnostic): boolean {
    return a.message === b.message && a.code === b.code && a.severity === b.severity;
}

/** A finding apart from where it is: the same finding moves when lines are added above it. */
function identity(diagnostic: Diagnostic): string {
    return `${diagnostic.severity}\u0000${String(diagnostic.code)}\u0000${diagnostic.message}`;
}

/**
 * Puts the gate between Langium's publication of findings (which calls
 * `connection.sendDiagnostics`) and the client, and tells it of every change the user
 * types. Call before `startLanguageServer`.
 */
export function installCalmDiagnostics(connection: Connection, shared: LangiumSharedServices): CalmDiagnostics {
    const send = connection.sendDiagnostics.bind(connection);
    const calm = new CalmDiagnostics({
        send: params => void send(params),
        now: () => Date.now(),
        setTimeout: (callback, ms) => {
            const timer = setTimeout(callback, ms);
            timer.unref();
            return { cancel: () => clearTimeout(timer) };
        }
    });
    connection.sendDiagnostics = async params => calm.publish(params);
    // Opening a document fires a content change too; only the changes after it are typing.
    const opening = new Set<string>();
    const documents = shared.workspace.TextDocuments;
    documents.onDidOpen(event => opening.add(event.document.uri));
    documents.onDidChangeContent(event => {
        if (!opening.delete(event.document.uri)) {
            calm.noteEdit();
        }
    });
    return calm;
}
