/**
 * The editor half of `npm run bench`: starts `risk lsp --stdio` (the built bin/risk.cjs)
 * as an editor would, opens the generated workspace, types in one 500-risk file and
 * reports what the person at the keyboard feels:
 *
 * - open: from `initialized` to the diagnostics of every file;
 * - keystroke → that file's own diagnostics (median, p90), and how many other files are
 *   re-published per keystroke when the keystroke changes nothing model-wide (see Typist).
 *   The latency is that of the keystrokes whose change the server shows at once (they
 *   remove a finding); a finding a keystroke adds waits for a pause in the typing
 *   (server/calm-diagnostics.ts) and is reported on a row of its own;
 * - inlay hints for a 60-line range asked right after a keystroke (25 ms, as an editor does);
 * - the server's RSS after all keystrokes;
 * - the same keystrokes in a workspace holding only the edited file and what it names
 *   (method, roles, assets, catalogue), and the ratio of the two medians: what the rest
 *   of the workspace costs per keystroke.
 *
 * A build's end is the server's build summary in the log ("Checked N files …"): a file
 * whose diagnostics did not change may not be published again.
 *
 *   node scripts/bench-editor.mjs [--risks 10000] [--keystrokes 100] [--bin OTHER/bin/risk.cjs …]
 *       [--heap MB|none …] [--node-options="FLAGS"|none …]
 *
 * With several `--bin` (say, builds before and after a change), each server runs the
 * same measurements in turn on the same files.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
// The server's own dependency re-exports vscode-jsonrpc, the client side included.
import languageServer from 'vscode-languageserver/node';
import { generateBenchModel } from './generate-bench-model.mjs';

const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = languageServer;

const AS_OF = '2026-11-23';
/** Targets of issue 9, on the project's 2-core machine kind. */
const TARGETS = { ownMs: 100, ratio: 1.5, republished: 0, inlayMs: 50, openMs: 2000, rssMb: 600 };
/** An editor asks for inlay hints this soon after a keystroke. */
const INLAY_DELAY_MS = 25;
const INLAY_KEYSTROKES = 10;
const BUILD_SUMMARY = /^Checked \d+ files?\b/;

const root = new URL('..', import.meta.url).pathname;

/** One language server process on a workspace folder, spoken to over JSON-RPC. */
class Server {
    constructor(folder, bin, nodeOptions = []) {
        this.process = spawn(process.execPath, [...nodeOptions, bin, 'lsp', '--stdio'], { cwd: folder, stdio: 'pipe' });
        this.process.stderr.on('data', chunk => process.stderr.write(chunk));
        this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
        /** Every publishDiagnostics, in order: { uri, count, at }. */
        this.published = [];
        this.builds = 0;
        this.waiters = [];
        this.connection.onNotification('textDocument/publishDiagnostics', params => {
            this.published.push({ uri: params.uri, count: params.diagnostics.length, at: performance.now() });
            this.wake();
        });
        this.connection.onNotification('window/logMessage', params => {
            if (BUILD_SUMMARY.test(params.message)) {
                this.builds++;
                this.wake();
            }
        });
        this.connection.onRequest('workspace/configuration', params => params.items.map(() => ({ asOf: AS_OF })));
        this.connection.onRequest('client/registerCapability', () => null);
        this.connection.onRequest('window/workDoneProgress/create', () => null);
        this.connection.listen();
        this.folder = folder;
    }

    /** Resolves when `test()` holds, checked on every message that may change it. */
    until(test, what, timeoutMs = 600_000) {
        if (test()) {
            return Promise.resolve();
        }
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`no ${what} after ${timeoutMs / 1000} s`)), timeoutMs);
            this.waiters.push({ test, resolve: () => { clearTimeout(timer); resolve(); } });
        });
    }

    wake() {
        this.waiters = this.waiters.filter(waiter => {
            if (waiter.test()) {
                waiter.resolve();
                return false;
            }
            return true;
        });
    }

    /**
     * initialize + initialized; resolves with the milliseconds until the first build's end
     * (every file checked, its diagnostics published), then waits for the server to be quiet.
     */
    async open() {
        const folder = pathToFileURL(this.folder).href;
        await this.connection.sendRequest('initialize', {
            processId: process.pid,
            rootUri: folder,
            workspaceFolders: [{ uri: folder, name: 'bench' }],
            capabilities: { workspace: { configuration: true }, textDocument: { inlayHint: {}, publishDiagnostics: {} } }
        });
        const start = performance.now();
        await this.connection.sendNotification('initialized', {});
        await this.until(() => this.builds > 0, 'end of the first build');
        const openMs = performance.now() - start;
        // The settings may arrive after the first build and start another one.
        let seen = -1;
        while (seen !== this.published.length + this.builds) {
            seen = this.published.length + this.builds;
            await new Promise(resolve => setTimeout(resolve, 1000));
        }
        return openMs;
    }

    /** Megabytes of resident memory of the server process (Linux: /proc). */
    rssMegabytes() {
        const status = readFileSync(`/proc/${this.process.pid}/status`, 'utf8');
        return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
    }

    async close() {
        await this.connection.sendRequest('shutdown');
        await this.connection.sendNotification('exit');
        await new Promise(resolve => this.process.once('exit', resolve));
        this.connection.dispose();
    }
}

/**
 * Types into `file`, near its middle: each keystroke overwrites the first digit of a
 * risk's `reviewed` month, in turn making the date impossible (month 2x) and real again.
 * That changes the file's own diagnostics (`invalid-date` comes and goes), so every
 * keystroke has an answer the client can see, and nothing model-wide.
 */
class Typist {
    constructor(server, path) {
        this.server = server;
        this.uri = pathToFileURL(path).href;
        this.text = readFileSync(path, 'utf8');
        this.version = 1;
        const lines = this.text.split('\n');
        const middle = Math.floor(lines.length / 2);
        this.line = lines.findIndex((text, index) => index >= middle && text.startsWith('  reviewed '));
        this.character = '  reviewed 2026-'.length;
        this.digits = [lines[this.line][this.character], '2'];
    }

    async openInEditor() {
        const builds = this.server.builds;
        await this.server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: this.uri, languageId: 'risk', version: this.version, text: this.text } });
        await this.server.until(() => this.server.builds > builds, 'build after didOpen');
    }

    /** One keystroke; returns the moment it was sent and the index of the next publication. */
    async type() {
        const start = { line: this.line, character: this.character };
        const end = { line: this.line, character: this.character + 1 };
        this.version++;
        const digit = this.digits[(this.version + 1) % 2];
        const mark = this.server.published.length;
        const builds = this.server.builds;
        const at = performance.now();
        await this.server.connection.sendNotification('textDocument/didChange', {
            textDocument: { uri: this.uri, version: this.version },
            contentChanges: [{ range: { start, end }, text: digit }]
        });
        // Month 2x is impossible: this keystroke adds `invalid-date`, the next removes it.
        return { at, mark, builds, adds: digit === '2' };
    }

    /** A keystroke, then its build to the end: own-file latency and the other files re-published. */
    async keystroke() {
        const { at, mark, builds, adds } = await this.type();
        const server = this.server;
        const own = () => server.published.slice(mark).find(entry => entry.uri === this.uri);
        await server.until(() => own() !== undefined && server.builds > builds, 'diagnostics after a keystroke');
        // Publications of other files still arrive before the summary line of their build.
        const others = server.published.slice(mark).filter(entry => entry.uri !== this.uri).length;
        return { ownMs: own().at - at, others, adds };
    }

    /** A keystroke, inlay hints for 60 lines around it asked 25 ms later; the hints' wait. */
    async inlayAfterKeystroke() {
        const { builds } = await this.type();
        await new Promise(resolve => setTimeout(resolve, INLAY_DELAY_MS));
        const start = performance.now();
        const range = { start: { line: Math.max(0, this.line - 30), character: 0 }, end: { line: this.line + 30, character: 0 } };
        await this.server.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri: this.uri }, range });
        const ms = performance.now() - start;
        await this.server.until(() => this.server.builds > builds, 'build after a keystroke');
        return ms;
    }
}

const median = list => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const percentile = (list, p) => [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.ceil(list.length * p) - 1)];

/** Opens `folder`, types `keystrokes` letters in `edited`; the figures. */
async function measure(folder, edited, keystrokes, bin, nodeOptions) {
    const server = new Server(folder, bin, nodeOptions);
    try {
        const openMs = await server.open();
        const typist = new Typist(server, join(folder, edited));
        await typist.openInEditor();
        // The server shows a finding a keystroke removes at once, and holds one it adds
        // until typing pauses (server/calm-diagnostics.ts, 800 ms): the first is the
        // server's latency, the second that pause plus the build.
        const latency = [];
        const heldLatency = [];
        const republished = [];
        const inlay = [];
        const latencyKeystrokes = Math.max(1, keystrokes - INLAY_KEYSTROKES);
        for (let i = 0; i < latencyKeystrokes; i++) {
            const { ownMs, others, adds } = await typist.keystroke();
            (adds ? heldLatency : latency).push(ownMs);
            republished.push(others);
        }
        for (let i = latencyKeystrokes; i < keystrokes; i++) {
            inlay.push(await typist.inlayAfterKeystroke());
        }
        const rssMb = server.rssMegabytes();
        return { openMs, latency, heldLatency, republished, inlay, rssMb, keystrokes };
    } finally {
        await server.close().catch(() => server.process.kill());
    }
}

/** The bench's figures for the editor, for each of `bins` (built CLIs); printed, and returned for bench.mjs. */
export async function benchEditor({ risks = 10_000, keystrokes = 100, bins = [join(root, 'bin/risk.cjs')], runtimes = [{ label: '', nodeOptions: [] }] } = {}) {
    const folder = join(root, '.bench', `editor-${risks}`);
    const { files } = generateBenchModel(folder, risks);
    const riskFiles = files - 4;
    const edited = join('risks', `risks-${String(Math.ceil(riskFiles / 2)).padStart(2, '0')}.risk`);
    // The same file with only what it names: no other risk file.
    const solo = join(root, '.bench', `editor-${risks}-solo`);
    rmSync(solo, { recursive: true, force: true });
    mkdirSync(join(solo, 'risks'), { recursive: true });
    for (const name of ['method.risk', 'roles.risk', 'assets.risk', 'catalogue.risk', edited]) {
        copyFileSync(join(folder, name), join(solo, name));
    }

    // Each build with each set of Node options: `--max-old-space-size` is what
    // `risk.server.maxMemory` adds when the extension starts the server.
    const setups = bins.flatMap(bin => runtimes.map(runtime => ({ bin, runtime })));
    const results = [];
    for (const { bin, runtime } of setups) {
        const whole = await measure(folder, edited, keystrokes, bin, runtime.nodeOptions);
        const alone = await measure(solo, edited, keystrokes, bin, runtime.nodeOptions);
        const label = `${bin.replace(/\/bin\/risk\.cjs$/, '')}${runtimes.length > 1 ? `, ${runtime.label}` : ''}`;
        results.push({ bin, runtime, label, whole, alone, ratio: median(whole.latency) / median(alone.latency) });
    }
    console.log(`\nrisk lsp --stdio, ${risks} risks in ${files} files, typing in ${edited}, Node ${process.versions.node}`);
    const ms = value => `${value.toFixed(0)} ms`;
    const row = (what, value, target) => [what, results.map(value), target];
    const rows = [
        row('keystroke → own diagnostics (median, p90)', ({ whole }) => `${ms(median(whole.latency))}, ${ms(percentile(whole.latency, 0.9))}`, `≤ ${TARGETS.ownMs} ms`),
        row('  same edit, workspace of that file and what it names', ({ alone }) => `${ms(median(alone.latency))}, ${ms(percentile(alone.latency, 0.9))}`, ''),
        row('  ratio of the medians', ({ ratio }) => `${ratio.toFixed(2)}×`, `≤ ${TARGETS.ratio}×`),
        row('  keystroke adding a finding → shown (typing pause 800 ms)', ({ whole }) => `${ms(median(whole.heldLatency))}, ${ms(percentile(whole.heldLatency, 0.9))}`, ''),
        row('other files re-published per keystroke (median, max)', ({ whole }) => `${median(whole.republished)} of ${files - 1}, ${Math.max(...whole.republished)}`, `${TARGETS.republished}`),
        row('inlay hints, 60 lines, 25 ms after a keystroke (median)', ({ whole }) => ms(median(whole.inlay)), `≤ ${TARGETS.inlayMs} ms`),
        row('open → all diagnostics', ({ whole }) => ms(whole.openMs), `≤ ${TARGETS.openMs} ms`),
        row(`server RSS after ${keystrokes} keystrokes`, ({ whole }) => `${whole.rssMb.toFixed(0)} MB`, `≤ ${TARGETS.rssMb} MB`)
    ];
    if (results.length > 1) {
        rows.unshift(['', results.map(({ label }) => label), 'target']);
    }
    const width = Math.max(...rows.map(([what]) => what.length));
    const column = Math.max(16, ...rows.flatMap(([, values]) => values.map(value => value.length)));
    for (const [what, values, target] of rows) {
        console.log(`${what.padEnd(width)}  ${values.map(value => value.padEnd(column)).join('  ')}  ${target && results.length === 1 ? `target ${target}` : target}`);
    }
    return results;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
    const { values } = parseArgs({ options: {
        risks: { type: 'string', default: '10000' },
        keystrokes: { type: 'string', default: '100' },
        bin: { type: 'string', multiple: true },
        // A server heap cap in MB, or `none`; repeatable, to compare caps in one run.
        heap: { type: 'string', multiple: true },
        // Node options of the server, space-separated, or `none`; repeatable like --heap.
        'node-options': { type: 'string', multiple: true }
    } });
    const runtimes = [
        ...(values.heap ?? []).map(heap => {
            if (heap === 'none') {
                return { label: 'heap uncapped', nodeOptions: [] };
            }
            if (!/^[1-9]\d*$/.test(heap)) {
                throw new Error(`--heap takes a number of megabytes or 'none', not: ${heap}`);
            }
            return { label: `heap ${heap}`, nodeOptions: [`--max-old-space-size=${heap}`] };
        }),
        ...(values['node-options'] ?? []).map(options => options === 'none'
            ? { label: 'no Node options', nodeOptions: [] }
            : { label: options, nodeOptions: options.split(/\s+/).filter(Boolean) })
    ];
    await benchEditor({
        risks: Number(values.risks),
        keystrokes: Number(values.keystrokes),
        bins: values.bin?.map(bin => resolve(bin)),
        runtimes: runtimes.length > 0 ? runtimes : undefined
    });
}
