/**
 * Every failure the fuzzer found, shrunk to its minimal input (test/fuzz/reproducers/), must
 * stay fixed: no exception escapes or is shown as a diagnostic, and formatting keeps the
 * model as it was. Time is not checked here (machines differ); `npm run fuzz` checks it.
 */
import { describe, expect, test } from 'vitest';
import { exerciseModel } from './exercise.js';
import { signatureOf } from './failures.js';
import { readReproducers } from './reproducers.js';

const reproducers = readReproducers();

describe('fuzz reproducers', () => {
    test('each reproducer is a .risk file or a folder of .risk files', () => {
        for (const reproducer of reproducers) {
            expect(Object.keys(reproducer.files).length, reproducer.name).toBeGreaterThan(0);
        }
    });

    test.each(reproducers.map(reproducer => [reproducer.name, reproducer.files] as const))('%s', async (_name, files) => {
        const failures = await exerciseModel(files);
        expect(failures.map(failure => `${signatureOf(failure)}${failure.detail ? `\n${failure.detail}` : ''}`)).toEqual([]);
    });
});
