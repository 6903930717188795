/**
 * Code actions for every diagnostic of a large model do work in proportion to the
 * diagnostics, not to their square: a 137 KB mutated file once took 7 s. Work is
 * counted, not timed: how often an action is serialised and the model's documents listed.
 */
import { afterEach, expect, test, vi } from 'vitest';
import type { CodeAction } from 'vscode-languageserver';
import { lspModel } from './lsp-model.js';

const RISKS = 400;

const METHOD = `method "Scale" {
  scale likelihood { 1 Rare "" 2 Likely "" }
  scale impact { 1 Minor "" 2 Severe "" }
  levels { Low 1..2 "" High 3..4 "" }
  accept { appetite Low }
}
role CEO "Chief Executive Officer" management
`;

// Each risk: missing-owner, unaccepted-residual, treatment-missing, review-free, and an unresolved threat.
const risks = Array.from({ length: RISKS }, (_, index) => `risk R-${index} "Risk ${index}" { threat Threat${index} likelihood Likely impact Severe }`).join('\n');

afterEach(() => {
    vi.restoreAllMocks();
});

test('fixes for thousands of diagnostics: each action serialised a bounded number of times, the model listed once', async () => {
    const model = await lspModel({ 'model.risk': `${METHOD}${risks}\n` });
    const document = model.document('model.risk');
    const diagnostics = document.diagnostics ?? [];
    expect(diagnostics.length).toBeGreaterThanOrEqual(RISKS * 3);
    const stringify = vi.spyOn(JSON, 'stringify');
    const listings = vi.spyOn(model.services.shared.workspace.LangiumDocuments, 'all', 'get');
    const actions = (await model.services.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.uri.toString() },
        range: { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(document.textDocument.getText().length) },
        context: { diagnostics }
    }) ?? []) as CodeAction[];
    // Per risk: add an owner, add an acceptance, declare its threat.
    expect(actions.filter(action => action.title === "Add 'owner CEO'")).toHaveLength(RISKS);
    expect(actions.filter(action => action.title === 'Add an acceptance by CEO')).toHaveLength(RISKS);
    expect(actions.filter(action => action.title.startsWith('Declare threat'))).toHaveLength(RISKS);
    expect(stringify.mock.calls.length).toBeLessThanOrEqual(2 * actions.length);
    expect(listings.mock.calls.length).toBeLessThanOrEqual(2);
});
