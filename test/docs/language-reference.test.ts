/**
 * Diagnostic codes are public interface: docs/language.md documents every one of
 * them, with the severity the language actually reports.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ALL_ISSUE_CODES, ISSUES } from '../../language/validation/issue-codes.js';

const reference = readFileSync(join(import.meta.dirname, '../../docs/language.md'), 'utf8');

describe('docs/language.md', () => {
    test.each(ALL_ISSUE_CODES)('documents %s with its severity', code => {
        expect(reference).toContain(`### \`${code}\``);
        const row = reference.split('\n').find(line => line.startsWith(`| [\`${code}\`]`));
        expect(row, `summary table row for ${code}`).toBeDefined();
        expect(row!.split('|')[2].trim()).toMatch(new RegExp(`^${ISSUES[code].severity}\\b`));
    });

    test('documents no code the language does not have', () => {
        const documented = [...reference.matchAll(/^### `([a-z-]+)`$/gm)].map(match => match[1]);
        expect(documented.sort()).toEqual([...ALL_ISSUE_CODES].sort());
    });
});
