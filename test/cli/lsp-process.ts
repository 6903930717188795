/**
 * A minimal LSP client for tests: `risk lsp --stdio` (the built bin/risk.cjs) as an editor
 * runs it, spoken to with Content-Length framing over the process's standard streams.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { expect } from 'vitest';
import { NODE, REPO_ROOT, RISK_BIN } from './run-risk.js';

export interface Message {
    jsonrpc: '2.0';
    id?: number | string;
    method?: string;
    params?: unknown;
    result?: unknown;
    error?: { code: number; message: string };
}

/** A minimal LSP client over the process's standard streams. */
export class LspProcess {
    readonly process: ChildProcessWithoutNullStreams;
    readonly received: Message[] = [];
    readonly exited: Promise<number | null>;
    stderr = '';
    private buffer = Buffer.alloc(0);
    private nextId = 1;
    private readonly waiters: Array<{ accept: (message: Message) => boolean; resolve: (message: Message) => void }> = [];
    /** Answers to requests from the server, by method. */
    readonly handlers = new Map<string, (params: unknown) => unknown>();

    constructor() {
        if (!existsSync(RISK_BIN)) {
            throw new Error(`${RISK_BIN} is missing: run \`npm run build\` first (npm test does).`);
        }
        this.process = spawn(NODE, [RISK_BIN, 'lsp', '--stdio'], { cwd: REPO_ROOT, stdio: 'pipe' });
        this.process.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
        this.process.stderr.on('data', (chunk: Buffer) => {
            this.stderr += chunk.toString('utf8');
        });
        this.exited = new Promise(resolve => this.process.on('exit', code => resolve(code)));
    }

    request(method: string, params?: unknown): Promise<Message> {
        const id = this.nextId++;
        this.send({ jsonrpc: '2.0', id, method, params });
        return this.waitFor(message => message.id === id && message.method === undefined, `the response to ${method}`);
    }

    /** initialize and initialized with one workspace folder whose `risk` settings pin the as-of date. */
    async openWorkspace(folderPath: string, asOf: string): Promise<void> {
        const folder = pathToFileURL(folderPath).href;
        this.handlers.set('workspace/configuration', params => (params as { items: unknown[] }).items.map(() => ({ asOf })));
        await this.request('initialize', {
            processId: process.pid,
            rootUri: folder,
            workspaceFolders: [{ uri: folder, name: 'workspace' }],
            capabilities: { workspace: { configuration: true } }
        });
        this.notify('initialized', {});
    }

    /** shutdown and exit, and the process ends with code 0. */
    async close(): Promise<void> {
        await this.request('shutdown');
        this.notify('exit');
        expect(await this.exited).toBe(0);
    }

    notify(method: string, params?: unknown): void {
        this.send({ jsonrpc: '2.0', method, params });
    }

    /** The first message received (already, or from now on) that passes the test. */
    waitFor(accept: (message: Message) => boolean, what: string, timeout = 20_000): Promise<Message> {
        const seen = this.received.find(accept);
        if (seen) {
            return Promise.resolve(seen);
        }
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`no ${what} within ${timeout} ms; received: ${this.received.map(message => message.method ?? `response ${message.id}`).join(', ')}; stderr: ${this.stderr}`)), timeout);
            this.waiters.push({ accept, resolve: message => {
                clearTimeout(timer);
                resolve(message);
            } });
        });
    }

    private send(message: Message): void {
        const body = Buffer.from(JSON.stringify(message), 'utf8');
        this.process.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
    }

    private receive(chunk: Buffer): void {
        this.buffer = Buffer.concat([this.buffer, chunk]);
        for (;;) {
            const headerEnd = this.buffer.indexOf('\r\n\r\n');
            if (headerEnd < 0) {
                return;
            }
            const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
            const start = headerEnd + 4;
            if (this.buffer.length < start + length) {
                return;
            }
            const message = JSON.parse(this.buffer.subarray(start, start + length).toString('utf8')) as Message;
            this.buffer = this.buffer.subarray(start + length);
            this.dispatch(message);
        }
    }

    private dispatch(message: Message): void {
        this.received.push(message);
        if (message.method !== undefined && message.id !== undefined) {
            // A request from the server: answer it, with null when the test has nothing to say.
            const handler = this.handlers.get(message.method);
            this.send({ jsonrpc: '2.0', id: message.id, result: handler ? handler(message.params) : null });
        }
        for (const waiter of [...this.waiters]) {
            if (waiter.accept(message)) {
                this.waiters.splice(this.waiters.indexOf(waiter), 1);
                waiter.resolve(message);
            }
        }
    }
}
