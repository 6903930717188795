/**
 * "Did you mean" suggestions (language/validation/suggestions.ts).
 */
import { describe, expect, test } from 'vitest';
import { nearestName } from '../../../language/validation/suggestions.js';

describe('nearestName', () => {
    test('suggests the declared name nearest to a misspelt one', () => {
        expect(nearestName('Phising', ['Phishing', 'Ransomware', 'Outage'])).toBe('Phishing');
    });

    test('suggests nothing that changes more than half of the name', () => {
        expect(nearestName('Flood', ['Phishing', 'Ransomware'])).toBeUndefined();
    });

    test('gives up at once on names too long to be misspelt (the fuzzer found two of 70,000 characters taking minutes; seed 2026, input 85220)', () => {
        const long = 'a'.repeat(70_000);
        const other = `${'a'.repeat(69_999)}b`;
        expect(nearestName(long, [other, 'Phishing'])).toBeUndefined();
        expect(nearestName('Phishin', [other, 'Phishing'])).toBe('Phishing');
    });
});
