/** STRING values: the same as Langium's conversion, without its character-by-character concatenation. */
import { EmptyFileSystem, ValueConverter } from 'langium';
import { describe, expect, test } from 'vitest';
import type { Model, Risk } from '../../../language/generated/ast.js';
import { convertString } from '../../../language/parser/risk-value-converter.js';
import { createRiskServices } from '../../../language/risk-module.js';

describe('convertString', () => {
    test.each([
        '""', '"a"', '"Risk scenario number 1501"', '"tab\\there"', '"quote \\" inside"', '"back\\\\slash"',
        '"\\n\\r\\b\\f\\v\\0\\x"', '"ends with escape\\\\"', '"ünïcödé — ✓"', '"', ''
    ])('%j as Langium converts it', input => {
        expect(convertString(input)).toBe(ValueConverter.convertString(input));
    });

    test('random strings with escapes, as Langium converts them', () => {
        const alphabet = ['a', 'Z', ' ', '\\', '"', 'n', 't', '0', 'é', '\n'];
        let seed = 27005;
        const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
        for (let run = 0; run < 2000; run++) {
            const body = Array.from({ length: Math.floor(next() * 40) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
            const input = `"${body}"`;
            expect(convertString(input)).toBe(ValueConverter.convertString(input));
        }
    });

    test('the parser uses it for titles', () => {
        const { Risk: services } = createRiskServices(EmptyFileSystem);
        const model = services.parser.LangiumParser.parse<Model>('risk R-1 "A \\"quoted\\" title" {\n}\n').value;
        expect((model.elements[0] as Risk).title).toBe('A "quoted" title');
    });
});
