/**
 * Loads an in-memory model into editor services (with the reference index, as the
 * language server has it) and asks them for inlay hints and hovers.
 */
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import type { InlayHint, MarkupContent } from 'vscode-languageserver';
import { createRiskServices, type RiskServices } from '../../../language/risk-module.js';
import { createBuiltinDocuments } from '../../../language/workspace/builtin-documents.js';

export const TEST_AS_OF = '2026-11-23';

export interface LspModel {
    readonly services: RiskServices;
    document(name: string): LangiumDocument;
}

/** Fails on a file that does not parse, unless the test is about syntax errors. */
export async function lspModel(files: Readonly<Record<string, string>>, asOf = TEST_AS_OF, { syntaxErrors = false } = {}): Promise<LspModel> {
    const { Risk, shared } = createRiskServices(EmptyFileSystem);
    Risk.settings.RiskSettings.setAsOf(asOf);
    const documents = new Map(Object.entries(files).map(([name, text]) => {
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(`/model/${name}`));
        shared.workspace.LangiumDocuments.addDocument(document);
        return [name, document];
    }));
    await shared.workspace.DocumentBuilder.build([...createBuiltinDocuments(shared), ...documents.values()], { validation: true });
    for (const [name, document] of documents) {
        const errors = [...document.parseResult.lexerErrors, ...document.parseResult.parserErrors];
        if (errors.length > 0 && !syntaxErrors) {
            throw new Error(`${name} does not parse: ${errors.map(error => error.message).join('; ')}`);
        }
    }
    return { services: Risk, document: name => documents.get(name)! };
}

export interface ShownHint {
    /** `line:character`, both 0-based, as LSP counts */
    readonly at: string;
    readonly label: string;
    /** The text of the line up to the hint. */
    readonly after: string;
    readonly tooltip: string;
    /** The label's parts, each with its own tooltip; one part for a label given as a string. */
    readonly parts: ReadonlyArray<{ readonly value: string; readonly tooltip?: string }>;
}

/** Every hint of the document, with the text it follows. */
export async function hintsOf(model: LspModel, name: string): Promise<ShownHint[]> {
    const document = model.document(name);
    const lines = document.textDocument.getText().split('\n');
    const range = { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } };
    const hints: InlayHint[] = await model.services.lsp.InlayHintProvider!.getInlayHints(document, { textDocument: { uri: document.uri.toString() }, range }) ?? [];
    return hints.map(hint => ({
        at: `${hint.position.line}:${hint.position.character}`,
        label: typeof hint.label === 'string' ? hint.label : hint.label.map(part => part.value).join(''),
        parts: typeof hint.label === 'string' ? [{ value: hint.label }] : hint.label.map(part => ({ value: part.value, tooltip: String(part.tooltip ?? '') })),
        after: lines[hint.position.line].slice(0, hint.position.character).trimStart(),
        tooltip: (hint.tooltip as MarkupContent | undefined)?.value ?? ''
    }));
}

/**
 * The hover at the `occurrence`-th (0-based) appearance of `text` in the document,
 * `offset` characters into it.
 */
export async function hoverAt(model: LspModel, name: string, text: string, occurrence = 0, offset = 0): Promise<string | undefined> {
    const document = model.document(name);
    const source = document.textDocument.getText();
    let index = -1;
    for (let seen = 0; seen <= occurrence; seen++) {
        index = source.indexOf(text, index + 1);
        if (index < 0) {
            throw new Error(`"${text}" occurs only ${seen} times in ${name}`);
        }
    }
    const position = document.textDocument.positionAt(index + offset);
    const hover = await model.services.lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri: document.uri.toString() }, position });
    return hover ? (hover.contents as MarkupContent).value : undefined;
}
