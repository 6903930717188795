/** Parser error recovery: bounded inside a block, unchanged for the few stray tokens people type. */
import { EmptyFileSystem } from 'langium';
import { describe, expect, test } from 'vitest';
import type { Model, Risk } from '../../../language/generated/ast.js';
import { MAX_NESTED_RECOVERIES } from '../../../language/parser/bounded-recovery.js';
import { createRiskServices } from '../../../language/risk-module.js';

const { Risk: services } = createRiskServices(EmptyFileSystem);
const parse = (text: string) => services.parser.LangiumParser.parse<Model>(text);

describe('recovery inside a block', () => {
    test('a stray string between properties is one error, and the properties after it are kept', () => {
        const result = parse('risk R-1 "t" {\n  owner a "stray"\n  likelihood 2\n  impact 3\n}\n');
        expect(result.parserErrors).toHaveLength(1);
        const risk = result.value.elements[0] as Risk;
        expect(risk.likelihood?.$refText).toBe('2');
        expect(risk.impact?.$refText).toBe('3');
    });

    test('thousands of stray tokens in one block neither overflow the stack nor throw', () => {
        const risk = `risk R-1 "t" {\n${'  owner a "x"\n'.repeat(2000)}}\nrole a "A"\n`;
        const result = parse(risk);
        expect(result.parserErrors.length).toBeGreaterThan(MAX_NESTED_RECOVERIES);
        // The block's own recovery resumes after it: the role is parsed.
        expect(result.value.elements.map(element => element.$type)).toEqual(['Risk', 'Role']);
        const method = `method "m" {\n${'  score likelihood * impact "x"\n'.repeat(500)}}\n`;
        expect(() => parse(method)).not.toThrow();
    });

    test('completion parses the same text without overflowing', () => {
        const text = `risk R-1 "t" {\n${'  owner a "x"\n'.repeat(2000)}`;
        expect(() => services.parser.CompletionParser.parse(text)).not.toThrow();
    });
});
