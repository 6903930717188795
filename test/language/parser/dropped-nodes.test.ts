/**
 * `detachDroppedNodes` walks the syntax tree after every parse; it was rewritten for speed
 * (container chains instead of a set of every AST node). These tests hold the rewrite to
 * the first version, kept here as the reference: on every model of the repository, on
 * blocks written twice and on cut-off and spliced texts that make the parser recover, both
 * must leave the same syntax nodes pointing at the same AST nodes and mark the same dropped
 * nodes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AstUtils, CstUtils, EmptyFileSystem, isCompositeCstNode, LangiumParser, type AstNode, type CstNode } from 'langium';
import { describe, expect, test } from 'vitest';
import { detachDroppedNodes, droppedNodeOf } from '../../../language/parser/risk-parser.js';
import { createRiskServices } from '../../../language/risk-module.js';

const { Risk: services } = createRiskServices(EmptyFileSystem);
const parser = services.parser.LangiumParser;
const repository = join(import.meta.dirname, '..', '..', '..');

/** The first version: every AST node collected, every syntax node streamed. */
function referenceDetach(root: AstNode, dropped: Map<CstNode, AstNode>): void {
    const rootCst = root.$cstNode!;
    const inTree = new Set<AstNode>(AstUtils.streamAst(root));
    for (const cst of CstUtils.streamCst(rootCst)) {
        if (isCompositeCstNode(cst) && cst !== rootCst && !inTree.has(cst.astNode)) {
            if (cst.astNode.$cstNode === cst) {
                dropped.set(cst, cst.astNode);
            }
            (cst as { astNode: AstNode | undefined }).astNode = undefined;
        }
    }
}

/** What each composite syntax node answers, in tree order, as comparable text. */
function describeTree(root: AstNode, droppedOf: (cst: CstNode) => AstNode | undefined): string[] {
    const lines: string[] = [];
    for (const cst of CstUtils.streamCst(root.$cstNode!)) {
        if (isCompositeCstNode(cst)) {
            const node = cst.astNode;
            const dropped = droppedOf(cst);
            lines.push(`${cst.offset}-${cst.end} ${node.$type}@${node.$cstNode?.offset ?? '-'}${dropped ? ` dropped ${dropped.$type}` : ''}`);
        }
    }
    return lines;
}

function compare(text: string): void {
    // The parser without its repair, then each version of the repair on a parse of its own.
    const bare = () => LangiumParser.prototype.parse.call(parser, text).value;
    const expectedRoot = bare();
    const expectedDropped = new Map<CstNode, AstNode>();
    referenceDetach(expectedRoot, expectedDropped);
    const actualRoot = bare();
    detachDroppedNodes(actualRoot);
    expect(describeTree(actualRoot, droppedNodeOf)).toEqual(describeTree(expectedRoot, cst => expectedDropped.get(cst)));
}

function riskFiles(folder: string): string[] {
    return readdirSync(folder, { recursive: true, encoding: 'utf8' })
        .filter(name => name.endsWith('.risk'))
        .sort()
        .map(name => join(folder, name));
}

const corpus = [...riskFiles(join(repository, 'examples')), ...riskFiles(join(repository, 'test', 'resources'))]
    .map(file => ({ name: file.slice(repository.length + 1), text: readFileSync(file, 'utf8') }));

describe('dropped syntax nodes, against the first version', () => {
    test('the corpus holds models with blocks written twice', () => {
        expect(corpus.length).toBeGreaterThan(50);
        expect(corpus.some(({ name }) => name.endsWith('levels-twice.risk'))).toBe(true);
    });

    test.each(corpus)('$name, whole', ({ text }) => compare(text));

    test.each(corpus)('$name, cut off and spliced', ({ text }) => {
        // Cuts at seven places make the parser stop inside blocks, values and strings;
        // a splice of the file's second half into its first makes it recover mid-block.
        for (let part = 1; part < 8; part++) {
            const at = Math.floor(text.length * part / 8);
            compare(text.slice(0, at));
            compare(text.slice(0, at) + text.slice(Math.floor(at / 2)));
        }
    });

    test('blocks written twice, nested and in a recovering block', () => {
        const levels = 'levels {\n    Low 1..4 "l"\n    High 5..9 "h"\n  }';
        compare(`method "m" {\n  ${levels}\n  ${levels}\n  ${levels}\n}\n`);
        compare(`method "m" {\n  ${levels}\n  ${levels} "stray"\n  likelihood {\n`);
        compare('risk R-1 "t" {\n  accept { by ciso on 2026-01-01 until 2027-01-01 "a" }\n  accept { by ciso "b" }\n}\n');
    });
});
