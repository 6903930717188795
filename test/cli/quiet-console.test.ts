import { describe, expect, test } from 'vitest';
import { quietConsole, withoutStackTraces } from '../../cli/quiet-console.js';

describe('the CLI console without RISK_DEBUG', () => {
    test('shows an error logged by Langium or a check by its message, without the stack trace', () => {
        const error = new RangeError('Invalid time value');
        const text = withoutStackTraces(['Risk: internal error while checking Risk:', error, error.stack]);
        expect(text).toContain('Risk: internal error while checking Risk: RangeError: Invalid time value');
        expect(text).not.toMatch(/\n\s+at /);
    });

    test('replaces console.error and console.warn unless RISK_DEBUG is set', () => {
        const [error, warn] = [console.error, console.warn];
        try {
            const written: string[] = [];
            quietConsole({}, { write: text => written.push(text) });
            console.error('An error occurred during validation:', new TypeError('boom'));
            expect(written).toEqual(['An error occurred during validation: TypeError: boom\n']);
            console.error = error;
            quietConsole({ RISK_DEBUG: '1' }, { write: text => written.push(text) });
            expect(console.error).toBe(error);
        } finally {
            console.error = error;
            console.warn = warn;
        }
    });
});
