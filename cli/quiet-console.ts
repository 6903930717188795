/**
 * The CLI promises no stack trace unless RISK_DEBUG is set, but Langium and the checks
 * log errors they catch with console.error (language/validation/internal-error.ts),
 * and Node prints an Error with its stack. Without RISK_DEBUG, the CLI's console shows
 * each error by its message alone; the finding itself (`internal-error`) is in the report.
 */
import { inspect } from 'node:util';

const STACK_FRAME = /^\s+at .*$/;

/** One line per call: strings as they are, errors by name and message, stack frames dropped. */
export function withoutStackTraces(args: readonly unknown[]): string {
    return args
        .map(arg => arg instanceof Error ? `${arg.name}: ${arg.message}` : typeof arg === 'string' ? arg : inspect(arg))
        .join(' ')
        .split('\n')
        .filter(line => !STACK_FRAME.test(line))
        .join('\n');
}

export function quietConsole(env: NodeJS.ProcessEnv, stderr: { write(text: string): unknown }): void {
    if (env.RISK_DEBUG) {
        return;
    }
    const write = (...args: unknown[]) => {
        stderr.write(`${withoutStackTraces(args)}\n`);
    };
    console.error = write;
    console.warn = write;
}
