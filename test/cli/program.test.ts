/**
 * The command line in-process, for what a child process cannot show: colour on a
 * terminal, and an unexpected failure.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runCli, type CliIo } from '../../cli/program.js';
import { CLEAN, ERROR, FIXTURE_AS_OF, METHOD, workspace, type Workspace } from './fixtures.js';

let ws: Workspace;

beforeAll(() => {
    ws = workspace({ 'm/method.risk': METHOD, 'm/clean.risk': CLEAN, 'm/error.risk': ERROR });
});

afterAll(() => ws.remove());

function io(options: { isTTY?: boolean; env?: NodeJS.ProcessEnv; write?: (text: string) => void } = {}): CliIo & { out: string[]; err: string[] } {
    const out: string[] = [];
    const err: string[] = [];
    return {
        cwd: ws.dir,
        env: options.env ?? {},
        stdout: { isTTY: options.isTTY, write: options.write ?? (text => out.push(text)) },
        stderr: { write: text => err.push(text) },
        out,
        err
    };
}

test('pretty output is coloured on a terminal', async () => {
    const terminal = io({ isTTY: true });
    expect(await runCli(['check', 'm', '--as-of', FIXTURE_AS_OF], terminal)).toBe(1);
    const text = terminal.out.join('');
    expect(text).toContain('\u001b[31merror\u001b[39m');
    expect(text).toContain('m/error.risk:1:6');
});

test('but not when NO_COLOR is set, nor when stdout is not a terminal', async () => {
    const noColor = io({ isTTY: true, env: { NO_COLOR: '1' } });
    expect(await runCli(['check', 'm', '--as-of', FIXTURE_AS_OF], noColor)).toBe(1);
    expect(noColor.out.join('')).not.toContain('\u001b[');
    expect(noColor.out.join('')).toContain('m/error.risk:1:6 - error unaccepted-residual');
    const pipe = io({ isTTY: false });
    await runCli(['check', 'm', '--as-of', FIXTURE_AS_OF], pipe);
    expect(pipe.out.join('')).not.toContain('\u001b[');
});

test('machine formats are never coloured', async () => {
    const terminal = io({ isTTY: true });
    await runCli(['check', 'm', '--as-of', FIXTURE_AS_OF, '--format', 'json'], terminal);
    expect(JSON.parse(terminal.out.join('')).summary.errors).toBe(1);
});

test('an unexpected failure is a message and exit 2, without a stack trace', async () => {
    const broken = io({ write: () => { throw new Error('disk on fire'); } });
    expect(await runCli(['check', 'm', '--as-of', FIXTURE_AS_OF], broken)).toBe(2);
    const text = broken.err.join('');
    expect(text).toContain('risk: unexpected failure: disk on fire');
    expect(text).toContain('RISK_DEBUG');
    expect(text).not.toMatch(/\n\s+at /);
});

test('with RISK_DEBUG set, the stack trace follows', async () => {
    const broken = io({ env: { RISK_DEBUG: '1' }, write: () => { throw new Error('disk on fire'); } });
    expect(await runCli(['check', 'm', '--as-of', FIXTURE_AS_OF], broken)).toBe(2);
    expect(broken.err.join('')).toMatch(/disk on fire\n[\s\S]*\n\s+at /);
});
