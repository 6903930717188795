/** Asking for the quick fixes of a diagnostic, applying one, and checking what is left. */
import { TextDocument, URI, type LangiumDocument } from 'langium';
import type { CodeAction, Diagnostic, WorkspaceEdit } from 'vscode-languageserver';
import { expect } from 'vitest';
import { lspModel, type LspModel } from './lsp-model.js';

export type Files = Readonly<Record<string, string>>;

export interface Fixes {
    readonly model: LspModel;
    readonly diagnostic: Diagnostic;
    readonly actions: CodeAction[];
}

export function uriOf(name: string): string {
    return URI.file(`/model/${name}`).toString();
}

/** The `nth` diagnostic with the code in the file, and the code actions offered for it. */
export async function fixesFor(files: Files, file: string, code: string, nth = 0): Promise<Fixes> {
    const model = await lspModel(files, undefined, { syntaxErrors: code === 'syntax-error' });
    const document = model.document(file);
    const diagnostic = (document.diagnostics ?? []).filter(candidate => candidate.code === code)[nth];
    if (!diagnostic) {
        throw new Error(`${file} has no ${code} diagnostic #${nth}: ${(document.diagnostics ?? []).map(candidate => candidate.code).join(', ')}`);
    }
    return { model, diagnostic, actions: await codeActions(model, document, [diagnostic]) };
}

export async function codeActions(model: LspModel, document: LangiumDocument, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const result = await model.services.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.uri.toString() },
        range: diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics, ...(only ? { only } : {}) }
    });
    return (result ?? []) as CodeAction[];
}

/** The files after applying a workspace edit to them. */
export function applyEdit(files: Files, edit: WorkspaceEdit | undefined): Record<string, string> {
    const changes = edit?.changes ?? {};
    const names = new Map(Object.keys(files).map(name => [uriOf(name), name]));
    for (const uri of Object.keys(changes)) {
        if (!names.has(uri)) {
            throw new Error(`The edit changes ${uri}, which is not a file of the model`);
        }
    }
    return Object.fromEntries(Object.entries(files).map(([name, text]) => {
        const edits = changes[uriOf(name)];
        return [name, edits ? TextDocument.applyEdits(TextDocument.create(uriOf(name), 'risk', 0, text), edits) : text];
    }));
}

export function action(fixes: Fixes, title: string): CodeAction {
    const found = fixes.actions.find(candidate => candidate.title === title);
    if (!found) {
        throw new Error(`No action "${title}"; offered: ${fixes.actions.map(candidate => candidate.title).join(', ')}`);
    }
    return found;
}

/** Every diagnostic of the re-validated model as `file: code`, optionally only some codes. */
export async function diagnosticsOf(files: Files, codes?: readonly string[]): Promise<string[]> {
    const model = await lspModel(files);
    return Object.keys(files).flatMap(name => (model.document(name).diagnostics ?? [])
        .filter(diagnostic => !codes || codes.includes(String(diagnostic.code)))
        .map(diagnostic => `${name}: ${diagnostic.code}`));
}

export async function errorsOf(files: Files): Promise<string[]> {
    const model = await lspModel(files);
    return Object.keys(files).flatMap(name => (model.document(name).diagnostics ?? [])
        .filter(diagnostic => diagnostic.severity === 1)
        .map(diagnostic => `${name}: ${diagnostic.code} ${diagnostic.message}`));
}

export function expectQuickFix(fixes: Fixes, found: CodeAction, preferred: boolean): void {
    expect(found.kind).toBe('quickfix');
    expect(found.diagnostics).toEqual([fixes.diagnostic]);
    expect(found.isPreferred ?? false).toBe(preferred);
}
