/**
 * The first inputs of the fuzzer's seed 1, in process: the same properties as
 * `npm run fuzz` bar the time limit (machines differ). A failure names its input; run it
 * alone with `npm run fuzz -- --only N`, which prints it and shrinks it to a reproducer.
 */
import { describe, expect, test } from 'vitest';
import { exerciseModel } from './exercise.js';
import { signatureOf } from './failures.js';
import { fuzzInput } from './inputs.js';

/** Inputs per test run: what fits in well under a minute on the project's 2-core machine. */
export const UNIT_TEST_INPUTS = 60;
const CHUNK = 20;

describe('fuzzing, seed 1', () => {
    const chunks = Array.from({ length: UNIT_TEST_INPUTS / CHUNK }, (_, chunk) => [chunk * CHUNK, chunk * CHUNK + CHUNK - 1] as const);
    test.each(chunks)('inputs %i to %i hold every property', async (first, last) => {
        const failed: string[] = [];
        for (let index = first; index <= last; index++) {
            const input = fuzzInput(1, index);
            for (const failure of await exerciseModel(input.files)) {
                failed.push(`input ${index} (${input.description}): ${signatureOf(failure)}`);
            }
        }
        expect(failed).toEqual([]);
    }, 120_000);
});
