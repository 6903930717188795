/**
 * Debian's Chromium, headless, driven over the DevTools protocol (Node's WebSocket):
 * open a page, evaluate in it, emulate print media, take full-page screenshots. No
 * browser library is needed, so the test runs wherever `chromium` is installed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM = process.env.RISK_CHROMIUM ?? '/usr/bin/chromium';

export function chromiumAvailable(): boolean {
    return existsSync(CHROMIUM);
}

export interface Browser {
    /** Sends a command to the page. */
    send<T = unknown>(method: string, params?: Record<string, unknown>): Promise<T>;
    /** Evaluates an expression in the page and returns its value (JSON-serialisable). */
    evaluate<T>(expression: string): Promise<T>;
    /** PNG of the page from its top, at the current media and width, at most `maxHeight` pixels tall. */
    screenshot(maxHeight: number): Promise<Buffer>;
    /** URLs the page requested, its own document included. */
    readonly requests: string[];
    close(): Promise<void>;
}

export async function openPage(url: string, width: number, height: number): Promise<Browser> {
    const profile = mkdtempSync(join(tmpdir(), 'risk-chromium-'));
    const child: ChildProcess = spawn(CHROMIUM, [
        '--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--no-first-run', '--mute-audio',
        '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'
    ], { stdio: ['ignore', 'ignore', 'pipe'] });
    const endpoint = await new Promise<string>((resolve, reject) => {
        let text = '';
        const timer = setTimeout(() => reject(new Error(`chromium did not start within 60 s: ${text.slice(-500)}`)), 60_000);
        child.stderr!.on('data', (chunk: Buffer) => {
            text += chunk.toString();
            const match = /DevTools listening on (ws:\/\/\S+)/.exec(text);
            if (match) {
                clearTimeout(timer);
                resolve(match[1]);
            }
        });
        child.on('exit', code => reject(new Error(`chromium exited with ${code}: ${text.slice(-500)}`)));
    });
    const socket = new WebSocket(endpoint);
    await new Promise((resolve, reject) => {
        socket.addEventListener('open', resolve, { once: true });
        socket.addEventListener('error', reject, { once: true });
    });
    let nextId = 1;
    const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
    const listeners: Array<(message: { method: string; params: Record<string, unknown>; sessionId?: string }) => void> = [];
    socket.addEventListener('message', event => {
        const message = JSON.parse(String(event.data));
        if (message.id !== undefined) {
            const waiting = pending.get(message.id);
            pending.delete(message.id);
            if (message.error) waiting?.reject(new Error(`${message.error.message}`));
            else waiting?.resolve(message.result);
        } else {
            listeners.forEach(listener => listener(message));
        }
    });
    const raw = <T>(method: string, params: Record<string, unknown> = {}, sessionId?: string) => new Promise<T>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve: value => resolve(value as T), reject });
        socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    });
    const { targetId } = await raw<{ targetId: string }>('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await raw<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
    const send = <T>(method: string, params: Record<string, unknown> = {}) => raw<T>(method, params, sessionId);
    const requests: string[] = [];
    listeners.push(message => {
        if (message.sessionId === sessionId && message.method === 'Network.requestWillBeSent') {
            requests.push(String((message.params.request as { url: string }).url));
        }
    });
    await send('Network.enable');
    await send('Page.enable');
    await send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: false });
    const loaded = new Promise<void>(resolve => listeners.push(message => {
        if (message.sessionId === sessionId && message.method === 'Page.loadEventFired') resolve();
    }));
    await send('Page.navigate', { url });
    await loaded;
    const evaluate = async <T>(expression: string) => {
        const result = await send<{ result: { value: T }; exceptionDetails?: { text: string } }>('Runtime.evaluate', { expression, returnByValue: true });
        if (result.exceptionDetails) throw new Error(result.exceptionDetails.text);
        return result.result.value;
    };
    return {
        send,
        evaluate,
        requests,
        async screenshot(maxHeight: number) {
            const size = await evaluate<{ width: number; height: number }>('({ width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight })');
            const { data } = await send<{ data: string }>('Page.captureScreenshot', {
                format: 'png', captureBeyondViewport: true, clip: { x: 0, y: 0, width: size.width, height: Math.min(size.height, maxHeight), scale: 1 }
            });
            return Buffer.from(data, 'base64');
        },
        async close() {
            socket.close();
            child.kill();
            await new Promise(resolve => child.once('exit', resolve));
            rmSync(profile, { recursive: true, force: true });
        }
    };
}
