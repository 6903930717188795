/**
 * The model-wide pass runs after every keystroke on every file, and follows only the
 * containment properties of MODEL_WIDE_CHILDREN instead of walking every node. It must
 * still reach every node that has a model-wide check, wherever the grammar lets it stand:
 * on every model of the repository, and on cut-off texts the parser recovers from, the
 * nodes it visits are exactly the nodes of a full walk whose type has model-wide checks,
 * in the same order.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AstUtils, EmptyFileSystem, type AstNode } from 'langium';
import { describe, expect, test } from 'vitest';
import { createRiskServices } from '../../../language/risk-module.js';
import { modelWideNodes } from '../../../language/validation/risk-document-validator.js';
import type { RiskValidationRegistry } from '../../../language/validation/risk-validation-registry.js';
import { MODEL_WIDE_CATEGORY } from '../../../language/workspace/validation-context.js';

const { Risk: services } = createRiskServices(EmptyFileSystem);
const registry = services.validation.ValidationRegistry as RiskValidationRegistry;
const hasModelWideChecks = (node: AstNode) => registry.checksOf(node.$type, [MODEL_WIDE_CATEGORY]).length > 0;
const repository = join(import.meta.dirname, '..', '..', '..');

const corpus = ['examples', 'test/resources'].flatMap(folder => readdirSync(join(repository, folder), { recursive: true, encoding: 'utf8' })
    .filter(name => name.endsWith('.risk'))
    .sort()
    .map(name => ({ name: `${folder}/${name}`, text: readFileSync(join(repository, folder, name), 'utf8') })));

function compare(text: string): Set<string> {
    const root = services.parser.LangiumParser.parse(text).value;
    const expected = AstUtils.streamAst(root).filter(hasModelWideChecks).toArray();
    expect(modelWideNodes(root).filter(hasModelWideChecks)).toEqual(expected);
    return new Set(expected.map(node => node.$type));
}

describe('the model-wide pass reaches every node with a model-wide check', () => {
    test.each(corpus)('$name, whole and cut off', ({ text }) => {
        compare(text);
        for (let part = 1; part < 6; part++) {
            compare(text.slice(0, Math.floor(text.length * part / 6)));
        }
    });

    test('the corpus holds every node type with model-wide checks', () => {
        const seen = new Set<string>();
        corpus.forEach(({ text }) => compare(text).forEach(type => seen.add(type)));
        const checked = services.shared.AstReflection.getAllTypes().filter(type => registry.checksOf(type, [MODEL_WIDE_CATEGORY]).length > 0);
        expect(checked.length).toBeGreaterThan(8);
        expect([...seen].sort()).toEqual([...checked].sort());
    });
});
