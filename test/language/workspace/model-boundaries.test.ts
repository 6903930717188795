/**
 * Model boundaries (docs/language.md §1): one workspace holding two models that use
 * the same IDs, plus a file with no method above it. Each model links, validates,
 * completes and evaluates on its own, and an edit in one leaves the other's
 * diagnostics as they were.
 */
import { URI, type LangiumDocument } from 'langium';
import { ResponseError } from 'vscode-languageserver';
import { beforeEach, describe, expect, test } from 'vitest';
import type { CompletionItem } from 'vscode-languageserver';
import { exportRequest } from '../../../language/lsp/requests/export-request.js';
import { matrixRequest } from '../../../language/lsp/requests/matrix-request.js';
import { createRiskServices, type RiskServices } from '../../../language/risk-module.js';
import type { LangiumSharedServices } from 'langium/lsp';
import { MemoryFileSystem } from '../../helpers/memory-file-system.js';

const method = (title: string, likely: string) => `method "${title}" {
  scale likelihood { 1 Rare "" 2 Possible "" 3 ${likely} "" }
  scale impact { 1 Minor "" 2 Noticeable "" 3 Severe "" }
  levels { Low 1..2 "" Moderate 3..4 "" High 6..9 "" }
  accept { appetite Moderate }
}
`;

const risks = (likely: string) => `role CISO "Chief Information Security Officer"
threat T-1 "Phishing"
risk R-005 "Supplier breach" {
  owner CISO
  threat T-1
  likelihood ${likely}
  impact Minor
}
`;

const FILES: Record<string, string> = {
    '/ws/a/method.risk': method('Method A', 'Likely'),
    '/ws/a/risks.risk': risks('Likely'),
    '/ws/b/method.risk': method('Method B', 'Probable'),
    // A subfolder belongs to the nearest folder above it with a method.
    '/ws/b/risks/supplier.risk': risks('Probable'),
    // No method above it: the workspace folder's model.
    '/ws/notes.risk': 'asset Laptops "Staff laptops"\n'
};

let fileSystem: MemoryFileSystem;
let shared: LangiumSharedServices;
let Risk: RiskServices;

const uri = (path: string) => URI.file(path);
const document = (path: string): LangiumDocument => shared.workspace.LangiumDocuments.getDocument(uri(path))!;
const codesIn = (path: string) => (document(path).diagnostics ?? []).map(diagnostic => String(diagnostic.code));
const diagnosticsIn = (path: string) => JSON.stringify(document(path).diagnostics);

async function write(path: string, text: string | undefined): Promise<void> {
    if (text === undefined) {
        fileSystem.files.delete(uri(path).toString());
        await shared.workspace.WorkspaceLock.write(token => shared.workspace.DocumentBuilder.update([], [uri(path)], token));
    } else {
        fileSystem.files.set(uri(path).toString(), text);
        await shared.workspace.WorkspaceLock.write(token => shared.workspace.DocumentBuilder.update([uri(path)], [], token));
    }
    await shared.workspace.WorkspaceLock.read(() => undefined);
}

beforeEach(async () => {
    fileSystem = new MemoryFileSystem();
    ({ shared, Risk } = createRiskServices({ fileSystemProvider: () => fileSystem }));
    Risk.settings.RiskSettings.setAsOf('2026-11-23');
    for (const [path, text] of Object.entries(FILES)) {
        fileSystem.files.set(uri(path).toString(), text);
    }
    // As the language server starts: one workspace folder, every file loaded and built.
    shared.workspace.WorkspaceManager.initialize({ workspaceFolders: [{ uri: uri('/ws').toString(), name: 'ws' }] } as never);
    for (const path of Object.keys(FILES)) {
        await shared.workspace.LangiumDocuments.getOrCreateDocument(uri(path));
    }
    await shared.workspace.WorkspaceManager.initialized({});
    await shared.workspace.WorkspaceLock.write(token => shared.workspace.DocumentBuilder.update(Object.keys(FILES).map(uri), [], token));
    await shared.workspace.WorkspaceLock.read(() => undefined);
});

describe('two models in one workspace', () => {
    test('are told apart by the folder of their method; a file with none above it is the workspace folder\'s', () => {
        const models = Risk.evaluation.ModelBoundaries.models().map(model => ({
            root: model.root,
            files: model.documents.map(each => each.uri.path).sort()
        }));
        expect(models).toEqual([
            { root: uri('/ws').toString(), files: ['/ws/notes.risk'] },
            { root: uri('/ws/a').toString(), files: ['/ws/a/method.risk', '/ws/a/risks.risk'] },
            { root: uri('/ws/b').toString(), files: ['/ws/b/method.risk', '/ws/b/risks/supplier.risk'] }
        ]);
    });

    test('the same IDs in both are no duplicate-id, and each has its one method', () => {
        for (const path of Object.keys(FILES)) {
            expect(codesIn(path), path).not.toContain('duplicate-id');
            expect(codesIn(path), path).not.toContain('method-duplicate');
        }
        // The method-less model is told so, in its own file only.
        expect(codesIn('/ws/notes.risk')).toContain('method-missing');
        expect(codesIn('/ws/a/risks.risk')).not.toContain('method-missing');
    });

    test('references link within their model: a scale value of the other model is not a value', () => {
        const riskOf = (path: string) => Risk.evaluation.ModelEvaluator.evaluate(document(path)).risks[0].risk;
        expect(documentPathOf(riskOf('/ws/a/risks.risk').threats[0]?.ref)).toBe('/ws/a/risks.risk');
        expect(documentPathOf(riskOf('/ws/b/risks/supplier.risk').likelihood?.ref)).toBe('/ws/b/method.risk');
        expect(codesIn('/ws/a/risks.risk')).not.toContain('value-out-of-scale');
        expect(codesIn('/ws/b/risks/supplier.risk')).not.toContain('value-out-of-scale');
    });

    test('each model is evaluated on its own', () => {
        const a = Risk.evaluation.ModelEvaluator.evaluate(document('/ws/a/risks.risk'));
        const b = Risk.evaluation.ModelEvaluator.evaluate(uri('/ws/b'));
        expect(a.method?.method.title).toBe('Method A');
        expect(b.method?.method.title).toBe('Method B');
        expect(a.risks.map(risk => risk.risk.name)).toEqual(['R-005']);
        expect(b.risks.map(risk => documentPathOf(risk.risk))).toEqual(['/ws/b/risks/supplier.risk']);
        expect(b.risks[0].inherent?.likelihood.name).toBe('Probable');
    });

    test('completion after `likelihood ` offers the values of the model\'s own scale', async () => {
        const path = '/ws/b/risks/supplier.risk';
        const text = document(path).textDocument.getText();
        const offset = text.indexOf('likelihood Probable') + 'likelihood '.length;
        const position = document(path).textDocument.positionAt(offset);
        const list = await Risk.lsp.CompletionProvider!.getCompletion(document(path), { textDocument: { uri: uri(path).toString() }, position });
        const labels = (list?.items ?? []).map((item: CompletionItem) => item.label);
        expect(labels).toContain('Probable');
        expect(labels).not.toContain('Likely');
    });

    test('an edit in one model leaves the other model\'s diagnostics as they were', async () => {
        const before = diagnosticsIn('/ws/a/risks.risk');
        await write('/ws/b/risks/supplier.risk', `${risks('Probable')}threat T-1 "Declared twice"\n`);
        expect(codesIn('/ws/b/risks/supplier.risk')).toContain('duplicate-id');
        expect(diagnosticsIn('/ws/a/risks.risk')).toBe(before);
    });

    test('removing a method moves its files to the model above, and adding it back splits them again', async () => {
        await write('/ws/b/method.risk', 'role Reviewer "Reviewer"\n');
        expect(Risk.evaluation.ModelBoundaries.modelOf(document('/ws/b/risks/supplier.risk')).root).toBe(uri('/ws').toString());
        // Now in the method-less workspace model: `Probable` names no value there.
        expect(codesIn('/ws/b/risks/supplier.risk')).toContain('method-missing');

        await write('/ws/b/method.risk', FILES['/ws/b/method.risk']);
        expect(Risk.evaluation.ModelBoundaries.modelOf(document('/ws/b/risks/supplier.risk')).root).toBe(uri('/ws/b').toString());
        expect(codesIn('/ws/b/risks/supplier.risk')).toEqual([]);
        expect(documentPathOf(Risk.evaluation.ModelEvaluator.evaluate(uri('/ws/b')).risks[0].risk.likelihood?.ref)).toBe('/ws/b/method.risk');
    });
});

describe('requests act on the model of the file or folder they name', () => {
    test('risk/matrix and risk/export without a uri list the models to choose from', () => {
        expect(() => matrixRequest(Risk, {})).toThrow(ResponseError);
        expect(() => matrixRequest(Risk, {})).toThrow(/the workspace holds 3 models \(file:\/\/\/ws, file:\/\/\/ws\/a, file:\/\/\/ws\/b\): give "uri"/);
        expect(() => exportRequest(Risk, { kind: 'register', format: 'csv' })).toThrow(/give "uri"/);
    });

    test('with a uri, the matrix and the export are of that model only', () => {
        const matrix = matrixRequest(Risk, { uri: uri('/ws/b/risks/supplier.risk').toString() });
        expect(matrix.model).toBe('Method B');
        expect(matrix.likelihood.map(value => value.name)).toContain('Probable');
        const exported = exportRequest(Risk, { kind: 'register', format: 'json', uri: uri('/ws/a').toString() });
        expect(exported.rows).toBe(1);
        expect(exported.content).toContain('"Likely"');
        expect(exported.content).not.toContain('Probable');
    });

    test('a uri that is no URI is refused with the parameter named', () => {
        expect(() => matrixRequest(Risk, { uri: 'not a uri' })).toThrow(/uri must be a URI/);
    });
});

function documentPathOf(node: { $container?: unknown; $document?: LangiumDocument } | undefined): string | undefined {
    let current = node as { $container?: unknown; $document?: LangiumDocument } | undefined;
    while (current && !current.$document) {
        current = current.$container as typeof current;
    }
    return current?.$document?.uri.path;
}
