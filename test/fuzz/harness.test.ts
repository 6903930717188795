/** The fuzzing harness itself: deterministic inputs, shrinking, and failures it must see. */
import { describe, expect, test } from 'vitest';
import { seedModels } from './corpus.js';
import { exceptionsShownAsDiagnostics, exerciseModel } from './exercise.js';
import { signatureOf } from './failures.js';
import { fuzzInput } from './inputs.js';
import { MUTATIONS } from './mutate.js';
import { Random } from './random.js';
import { shrink } from './shrink.js';
import { tokenize } from './tokens.js';

describe('inputs', () => {
    test('input N of a seed is the same model every time, and another seed gives another', () => {
        for (const index of [0, 1, 2, 77]) {
            expect(fuzzInput(1, index)).toEqual(fuzzInput(1, index));
        }
        expect(fuzzInput(1, 1).files).not.toEqual(fuzzInput(2, 1).files);
    });

    test('the corpus holds every .risk file of examples/ and test/resources/, grouped by model', () => {
        const sources = seedModels().map(seed => seed.source);
        expect(sources).toContain('examples/acme-saas');
        expect(sources.some(source => source.startsWith('test/resources/validation/') && source.endsWith('.model'))).toBe(true);
        const files = seedModels().reduce((total, seed) => total + Object.keys(seed.files).length, 0);
        expect(files).toBeGreaterThan(100);
    });

    test('even inputs mutate a seed model, odd ones are generated', () => {
        expect(fuzzInput(1, 0).description).toMatch(/^(examples|test\/resources)\//);
        expect(fuzzInput(1, 1).description).toBe('generated');
    });

    test('tokens join back to the text, whatever it holds', () => {
        for (const text of ['risk R-1 "a \\" b" { // c\r\n}', '"unterminated', '/* open', '\u0000\uFEFF€ x..y']) {
            expect(tokenize(text).map(token => token.text).join('')).toBe(text);
        }
    });

    test('each mutation is deterministic for its random source', () => {
        const text = seedModels()[0].files[Object.keys(seedModels()[0].files)[0]];
        for (const [name, mutation] of Object.entries(MUTATIONS)) {
            expect(mutation(text, new Random(7)), name).toBe(mutation(text, new Random(7)));
        }
    });
});

describe('shrink', () => {
    test('keeps only what the failure needs, down to the characters', async () => {
        const files = { 'a.risk': 'role r "R"\nrisk R-1 "x" {\n  owner r\n  BOOM here\n}\n', 'b.risk': 'role q "Q"\n' };
        const shrunk = await shrink(files, async candidate => Object.values(candidate).some(text => text.includes('BOOM')));
        expect(shrunk).toEqual({ 'a.risk': 'BOOM' });
    });
});

describe('properties', () => {
    test('a model without problems holds every property', async () => {
        const model = seedModels().find(seed => seed.source === 'examples/acme-saas')!;
        expect(await exerciseModel(model.files)).toEqual([]);
    });

    test('an exception in a request is a failure, named by its step', async () => {
        const model = seedModels().find(seed => seed.source === 'examples/qualitative-matrix')!;
        const { RiskHoverProvider } = await import('../../language/lsp/risk-hover-provider.js');
        const original = RiskHoverProvider.prototype.getHoverContent;
        RiskHoverProvider.prototype.getHoverContent = () => {
            throw new TypeError('planted');
        };
        try {
            const failures = await exerciseModel(model.files);
            expect(new Set(failures.map(signatureOf))).toEqual(new Set(['exception in hover: TypeError: planted']));
        } finally {
            RiskHoverProvider.prototype.getHoverContent = original;
        }
    });

    test('an exception shown as a diagnostic is a failure, a syntax error is not', () => {
        const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
        const shown = exceptionsShownAsDiagnostics([
            { range, code: 'syntax-error', message: 'An error occurred during validation: Invalid time value' },
            { range, code: 'internal-error', message: 'The Risk tool failed on this file (a bug): RangeError: Invalid array length' },
            { range, code: 'syntax-error', message: 'Expected `}` but found the end of the file.' }
        ]);
        expect(shown.map(signatureOf)).toEqual([
            'swallowed-exception in validation (syntax-error): Invalid time value',
            'swallowed-exception in validation (internal-error): The Risk tool failed on this file (a bug): RangeError: Invalid array length'
        ]);
    });
});
