/** The command line of `npm run fuzz`: its help, its defaults, and what it refuses. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseFuzzArguments, usage } from './options.js';
import { REPRODUCERS_DIR } from './reproducers.js';

const ROBUSTNESS_DOC = readFileSync(join(import.meta.dirname, '../../docs/robustness.md'), 'utf8');

describe('npm run fuzz -- --help', () => {
    test('--help and -h ask for the usage, whatever else is given', () => {
        expect(parseFuzzArguments(['--help'])).toEqual({ kind: 'help' });
        expect(parseFuzzArguments(['-h'])).toEqual({ kind: 'help' });
        expect(parseFuzzArguments(['--seed', '7', '--help'])).toEqual({ kind: 'help' });
    });

    test('the usage has one line per option with its meaning and default, and docs/robustness.md lists the same options', () => {
        const optionLines = usage().split('\n').filter(line => /^ {2}(-\w, )?--/.test(line));
        const names = optionLines.map(line => /--([\w-]+)/.exec(line)![1]);
        expect(names).toEqual(['inputs', 'seed', 'from', 'only', 'time-limit', 'no-shrink', 'reproducers', 'jobs', 'profile', 'max-minutes', 'help']);
        expect(optionLines.find(line => line.includes('--inputs N'))).toMatch(/how many inputs to run \(default 1000\)$/);
        expect(optionLines.find(line => line.includes('--help'))).toMatch(/^ {2}-h, --help +print this help and exit$/);
        for (const line of optionLines) {
            expect(line, 'every option says what it does').toMatch(/--[\w-]+( \S+)? {2,}\w/);
        }
        const documented = [...ROBUSTNESS_DOC.matchAll(/^\| (?:`-\w`, )?`--([\w-]+)/gm)].map(match => match[1]);
        expect(documented).toEqual(names);
    });
});

describe('running options', () => {
    test('defaults: 1,000 inputs of seed 1 from input 0, 2 s per step, shrinking into the reproducers folder', () => {
        expect(parseFuzzArguments([])).toEqual({
            kind: 'run',
            settings: { inputs: 1000, seed: 1, from: 0, only: undefined, timeLimitMs: 2000, shrink: true, reproducers: REPRODUCERS_DIR, profile: false, jobs: 1, maxMinutes: undefined }
        });
    });

    test('every option is read', () => {
        const command = parseFuzzArguments(['--inputs', '5', '--seed', '7', '--from', '3', '--only', '4', '--time-limit', 'none', '--no-shrink', '--reproducers', '/tmp/r', '--jobs', '0', '--profile', '--max-minutes', '9']);
        expect(command).toEqual({
            kind: 'run',
            settings: { inputs: 5, seed: 7, from: 3, only: 4, timeLimitMs: undefined, shrink: false, reproducers: '/tmp/r', profile: true, jobs: 1, maxMinutes: 9 }
        });
    });

    test('an unknown option or a count that is not a whole number is refused with what is wrong', () => {
        expect(() => parseFuzzArguments(['--bogus'])).toThrow(/Unknown option '--bogus'/);
        expect(() => parseFuzzArguments(['--inputs', 'many'])).toThrow('--inputs takes a whole number, not "many"');
        expect(() => parseFuzzArguments(['--time-limit', '-1'])).toThrow(/--time-limit/);
    });
});
