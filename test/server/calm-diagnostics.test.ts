/**
 * Calmer typing (server/calm-diagnostics.ts): while the user types, findings an edit adds
 * wait for a pause; findings it removes go at once; findings shown before stay shown.
 * The clock and the timers are the test's own (or vitest's fake ones): no test waits for real time.
 */
import type { LangiumSharedServices } from 'langium/lsp';
import { DiagnosticSeverity, Emitter, type Connection, type Diagnostic, type PublishDiagnosticsParams } from 'vscode-languageserver';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { CalmDiagnostics, installCalmDiagnostics, TYPING_PAUSE_MS } from '../../server/calm-diagnostics.js';

const URI = 'file:///model/risks.risk';
const OTHER = 'file:///model/roles.risk';

function finding(code: string, line: number, message = `${code} on line ${line + 1}`): Diagnostic {
    return { code, message, severity: DiagnosticSeverity.Error, range: { start: { line, character: 2 }, end: { line, character: 9 } } };
}

let now: number;
let timers: Array<{ at: number; callback: () => void; cancelled: boolean }>;
let sent: PublishDiagnosticsParams[];
let calm: CalmDiagnostics;

/** Moves the test's clock on, firing the timers that fall due. */
function advance(ms: number): void {
    const until = now + ms;
    for (let due = nextDue(until); due; due = nextDue(until)) {
        now = due.at;
        due.cancelled = true;
        due.callback();
    }
    now = until;
}

function nextDue(until: number) {
    return timers.filter(timer => !timer.cancelled && timer.at <= until).sort((a, b) => a.at - b.at)[0];
}

const codesSent = () => sent.map(params => `${params.uri === URI ? 'risks' : 'roles'}: ${params.diagnostics.map(diagnostic => diagnostic.code).join(', ')}`);

beforeEach(() => {
    now = 1_000_000;
    timers = [];
    sent = [];
    calm = new CalmDiagnostics({
        send: params => sent.push(params),
        now: () => now,
        setTimeout: (callback, ms) => {
            const timer = { at: now + ms, callback, cancelled: false };
            timers.push(timer);
            return { cancel: () => { timer.cancelled = true; } };
        }
    });
});

describe('while nobody types', () => {
    test('every publication goes out whole, at once', () => {
        calm.publish({ uri: URI, diagnostics: [finding('not-assessed', 3), finding('syntax-error', 5)] });
        expect(codesSent()).toEqual(['risks: not-assessed, syntax-error']);
        expect(timers).toEqual([]);
    });
});

describe('while the user types', () => {
    beforeEach(() => {
        calm.publish({ uri: URI, diagnostics: [finding('missing-owner', 0)] });
        sent = [];
    });

    test('`controls A.5.1, A.8.`: the new errors wait for a pause, the finding shown before stays', () => {
        calm.noteEdit();
        advance(50);
        const typed = [finding('missing-owner', 0), finding('syntax-error', 4), finding('syntax-error', 4, 'another'), finding('unresolved-reference', 4)];
        calm.publish({ uri: URI, diagnostics: typed });
        expect(codesSent()).toEqual(['risks: missing-owner']);

        // The pause counts from the keystroke, not from the publication.
        advance(TYPING_PAUSE_MS - 50 - 1);
        expect(sent).toHaveLength(1);
        advance(1);
        expect(codesSent()).toEqual(['risks: missing-owner', 'risks: missing-owner, syntax-error, syntax-error, unresolved-reference']);
    });

    test('typed on to `A.8.2` before the pause: the errors are never shown', () => {
        calm.noteEdit();
        calm.publish({ uri: URI, diagnostics: [finding('missing-owner', 0), finding('syntax-error', 4)] });
        advance(200);
        calm.noteEdit();
        calm.publish({ uri: URI, diagnostics: [finding('missing-owner', 0)] });
        advance(TYPING_PAUSE_MS * 3);
        expect(codesSent()).toEqual(['risks: missing-owner', 'risks: missing-owner']);
    });

    test('each keystroke moves the pause on', () => {
        calm.noteEdit();
        calm.publish({ uri: URI, diagnostics: [finding('missing-owner', 0), finding('syntax-error', 4)] });
        for (let key = 0; key < 5; key++) {
            advance(TYPING_PAUSE_MS - 100);
            calm.noteEdit();
        }
        expect(sent).toHaveLength(1);
        advance(TYPING_PAUSE_MS);
        expect(codesSent().at(-1)).toBe('risks: missing-owner, syntax-error');
    });

    test('a finding the edit fixes goes at once', () => {
        calm.noteEdit();
        calm.publish({ uri: URI, diagnostics: [] });
        expect(codesSent()).toEqual(['risks: ']);
    });

    test('a finding shown before keeps showing where it moved to when a line is added above it', () => {
        calm.noteEdit();
        calm.publish({ uri: URI, diagnostics: [{ ...finding('missing-owner', 0), range: { start: { line: 1, character: 2 }, end: { line: 1, character: 9 } } }] });
        expect(sent[0].diagnostics[0].range.start.line).toBe(1);
        expect(timers.filter(timer => !timer.cancelled)).toEqual([]);
    });

    test('new findings in other files wait too: a half-typed risk makes its role look unused', () => {
        calm.noteEdit();
        calm.publish({ uri: OTHER, diagnostics: [finding('unused', 0)] });
        expect(codesSent()).toEqual(['roles: ']);
        advance(TYPING_PAUSE_MS);
        expect(codesSent()).toEqual(['roles: ', 'roles: unused']);
    });

    test('a publication after the pause goes out whole', () => {
        calm.noteEdit();
        advance(TYPING_PAUSE_MS);
        calm.publish({ uri: URI, diagnostics: [finding('missing-owner', 0), finding('not-assessed', 2)] });
        expect(codesSent()).toEqual(['risks: missing-owner, not-assessed']);
    });

    test('the same finding twice where it was shown once: the second waits', () => {
        calm.noteEdit();
        calm.publish({ uri: URI, diagnostics: [finding('missing-owner', 0), finding('missing-owner', 0)] });
        expect(codesSent()).toEqual(['risks: missing-owner']);
    });
});

describe('between Langium and the client (installCalmDiagnostics)', () => {
    test('opening a document is not typing; changing it is', async () => {
        vi.useFakeTimers();
        try {
            const published: PublishDiagnosticsParams[] = [];
            const connection = { sendDiagnostics: async (params: PublishDiagnosticsParams) => { published.push(params); } };
            const opened = new Emitter<{ document: { uri: string } }>();
            const changed = new Emitter<{ document: { uri: string } }>();
            const shared = { workspace: { TextDocuments: { onDidOpen: opened.event, onDidChangeContent: changed.event } } };
            installCalmDiagnostics(connection as unknown as Connection, shared as unknown as LangiumSharedServices);

            // didOpen fires both events: the findings of an opened file show at once.
            opened.fire({ document: { uri: URI } });
            changed.fire({ document: { uri: URI } });
            await connection.sendDiagnostics({ uri: URI, diagnostics: [finding('missing-owner', 0)] });
            expect(published.map(params => params.diagnostics.length)).toEqual([1]);

            // didChange: the new finding waits for the pause.
            changed.fire({ document: { uri: URI } });
            await connection.sendDiagnostics({ uri: URI, diagnostics: [finding('missing-owner', 0), finding('syntax-error', 3)] });
            expect(published.map(params => params.diagnostics.length)).toEqual([1, 1]);
            vi.advanceTimersByTime(TYPING_PAUSE_MS);
            expect(published.map(params => params.diagnostics.length)).toEqual([1, 1, 2]);
        } finally {
            vi.useRealTimers();
        }
    });
});
