/**
 * The parser makes each AST node with room for all its type's properties (risk-parser.ts,
 * shapeNewNodes). Nothing else may change: on every model of the repository, each node
 * has the same properties, in the same order (the order of the text, which AST walks and
 * so the order of findings follow), with the same values as Langium's own nodes, and the
 * plain object prototype.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createParser, EmptyFileSystem, isAstNode, isReference, LangiumParser, type AstNode } from 'langium';
import { describe, expect, test } from 'vitest';
import { createRiskServices } from '../../../language/risk-module.js';

const { Risk: services } = createRiskServices(EmptyFileSystem);
const parser = services.parser.LangiumParser;
// Langium's parser with the same grammar, configuration and value converter, without the shaping.
const plain = createParser(services.Grammar, new LangiumParser(services), services.parser.Lexer.definition);
plain.finalize();
const repository = join(import.meta.dirname, '..', '..', '..');
const corpus = ['examples', 'test/resources'].flatMap(folder => readdirSync(join(repository, folder), { recursive: true, encoding: 'utf8' })
    .filter(name => name.endsWith('.risk'))
    .sort()
    .map(name => ({ name: `${folder}/${name}`, text: readFileSync(join(repository, folder, name), 'utf8') })));

/** A node as comparable data: its defined properties in key order, children and references by content. */
function describeNode(node: AstNode): unknown {
    expect(Object.getPrototypeOf(node)).toBe(Object.prototype);
    const entries: Array<[string, unknown]> = [];
    for (const key of Object.keys(node)) {
        const value = (node as unknown as Record<string, unknown>)[key];
        if (key.startsWith('$') || value === undefined) {
            continue;
        }
        entries.push([key, describeValue(value)]);
    }
    return [node.$type, node.$cstNode?.offset, entries];
}

function describeValue(value: unknown): unknown {
    if (isAstNode(value)) {
        return describeNode(value);
    }
    if (isReference(value)) {
        return `ref ${value.$refText}`;
    }
    if (Array.isArray(value)) {
        return value.map(describeValue);
    }
    return value;
}

describe('shaped AST nodes', () => {
    test('the parser in use shapes nodes: it is not Langium\'s plain parser', () => {
        expect(parser).not.toBe(plain);
        expect(corpus.length).toBeGreaterThan(50);
    });

    test.each(corpus)('$name: the same properties, order and values as Langium\'s nodes', ({ text }) => {
        expect(describeNode(parser.parse(text).value)).toEqual(describeNode(plain.parse(text).value));
    });
});
