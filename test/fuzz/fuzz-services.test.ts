/**
 * The fuzzer reuses the lexer and parsers of a process across inputs (fuzz-services.ts).
 * Nothing of one input may reach the next: each model built on reused parsers, after
 * other models were, is the model that entirely new services build.
 */
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { describe, expect, test } from 'vitest';
import { EXPORT_KINDS } from '../../language/exports/index.js';
import { exportRequest } from '../../language/lsp/requests/export-request.js';
import { createRiskServices, type RiskServices } from '../../language/risk-module.js';
import type { ModelFiles } from './corpus.js';
import { loadWorkspace } from './exercise.js';
import { createFuzzServices } from './fuzz-services.js';
import { fuzzInput } from './inputs.js';
import { readReproducers } from './reproducers.js';

type Services = { shared: RiskServices['shared']; Risk: RiskServices };

/** Everything a build gives a user: the syntax tree with its references resolved, the diagnostics and the exports. */
async function built(files: ModelFiles, create: () => Services): Promise<unknown> {
    const { services: Risk, documents } = await loadWorkspace(files, create);
    const completion = documents[0] && await Risk.lsp.CompletionProvider?.getCompletion(documents[0], endOf(documents[0]));
    return {
        files: documents.map(document => ({
            ast: Risk.serializer.JsonSerializer.serialize(document.parseResult.value, { textRegions: true }),
            lexerErrors: document.parseResult.lexerErrors.map(error => error.message),
            parserErrors: document.parseResult.parserErrors.map(error => error.message),
            diagnostics: document.diagnostics
        })),
        completion: completion?.items.map(item => item.label),
        exports: await Promise.all(EXPORT_KINDS.map(async kind => (await exportRequest(Risk, { kind, format: 'json' }))?.content))
    };
}

function endOf(document: LangiumDocument) {
    const text = document.textDocument.getText();
    return { textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(text.length) };
}

const newServices = (): Services => createRiskServices(EmptyFileSystem);

describe('parsers reused across fuzz inputs', () => {
    test('a model built on reused parsers, after others, is the model new services build', async () => {
        const models = [
            ...Array.from({ length: 12 }, (_, index) => fuzzInput(1, index).files),
            ...readReproducers().map(reproducer => reproducer.files)
        ];
        for (const files of models) {
            expect(await built(files, createFuzzServices)).toEqual(await built(files, newServices));
        }
    }, 240_000);

    test('references resolve in the workspace of their own input, not in one built before', async () => {
        const first = createFuzzServices();
        const second = createFuzzServices();
        const parse = (services: Services, text: string) => services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.file('/model/a.risk'));
        const risk = parse(first, 'role ciso "CISO"\nrisk R-1 "R" {\n  owner ciso\n}\n');
        const again = parse(second, 'risk R-2 "R" {\n  owner ciso\n}\n');
        // A reference resolves through the resolver of the linker that made it.
        const resolverOf = (document: LangiumDocument) => {
            const [element] = (document.parseResult.value as unknown as { elements: Array<{ owner: { resolver: unknown } }> }).elements.filter(element => element.owner);
            return element.owner.resolver;
        };
        const resolverOfLinker = (services: Services) => (services.Risk.references.Linker as unknown as { referenceResolver: unknown }).referenceResolver;
        expect(resolverOf(risk)).toBe(resolverOfLinker(first));
        expect(resolverOf(again)).toBe(resolverOfLinker(second));
        expect(resolverOf(again)).not.toBe(resolverOfLinker(first));
    });

    test('after a parse throws, the next input gets new parsers', () => {
        const wrapperOf = (services: Services) => (services.Risk.parser.LangiumParser as unknown as { wrapper: object }).wrapper;
        const before = createFuzzServices();
        expect(wrapperOf(createFuzzServices())).toBe(wrapperOf(before));
        expect(() => before.Risk.parser.LangiumParser.parse('', { rule: 'NoSuchRule' })).toThrow(/No rule found/);
        expect(wrapperOf(createFuzzServices())).not.toBe(wrapperOf(before));
    });
});
