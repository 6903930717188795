/**
 * What every quick fix gets to work with, and how it builds its code action.
 */
import { AstUtils, CstUtils, type AstNode, type LangiumDocument } from 'langium';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import { isModel, type Model } from '../../generated/ast.js';
import type { RiskServices } from '../../risk-module.js';
import { isBuiltinDocument } from '../../workspace/builtin-documents.js';
import type { ModelFacts } from './model-facts.js';

export interface FixContext {
    readonly services: RiskServices;
    readonly document: LangiumDocument;
    readonly diagnostic: Diagnostic;
    /** Lookups in the whole model, found once per request (model-facts.ts). */
    readonly facts: ModelFacts;
    /** The client applies LSP 3.18 snippet edits: fixes with fields to fill use them (snippet-edits.ts). */
    readonly snippetEdits: boolean;
    /** The client creates files from a workspace edit (`resourceOperations` with `create`). */
    readonly resourceOperations: boolean;
}

/** A quick fix: the code actions it offers for one diagnostic (none when it does not apply). */
export type QuickFix = (context: FixContext) => CodeAction[];

/** The diagnostic's `data`, as the validators put it there. */
export interface FixData {
    readonly code?: string;
    readonly suggestion?: string;
    readonly refText?: string;
}

export function dataOf(diagnostic: Diagnostic): FixData {
    return (diagnostic.data ?? {}) as FixData;
}

/** The innermost node at the start of the diagnostic's range. */
export function nodeAt(context: FixContext): AstNode | undefined {
    const root = context.document.parseResult.value.$cstNode;
    const offset = context.document.textDocument.offsetAt(context.diagnostic.range.start);
    return root ? CstUtils.findLeafNodeAtOffset(root, offset)?.astNode : undefined;
}

/** The node of the given type at the diagnostic, or the one containing it. */
export function containerAt<T extends AstNode>(context: FixContext, is: (node: unknown) => node is T): T | undefined {
    return AstUtils.getContainerOfType(nodeAt(context), is);
}

/** A quick fix with edits in one or more documents (by URI). */
export function quickFix(context: FixContext, title: string, changes: Record<string, TextEdit[]>, isPreferred = false): CodeAction {
    return {
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [context.diagnostic],
        ...(isPreferred ? { isPreferred } : {}),
        edit: { changes }
    };
}

/** A quick fix that edits the document the diagnostic is in. */
export function localFix(context: FixContext, title: string, edits: Array<TextEdit | undefined>, isPreferred = false): CodeAction[] {
    const defined = edits.filter((edit): edit is TextEdit => edit !== undefined);
    return defined.length === 0 ? [] : [quickFix(context, title, { [context.document.uri.toString()]: defined }, isPreferred)];
}

/**
 * The model's own documents in a stable order (by path), so that "the first role of the
 * model" is the same from whichever file it is asked.
 */
export function modelDocuments(services: RiskServices): LangiumDocument<Model>[] {
    return services.shared.workspace.LangiumDocuments.all
        .filter(document => !isBuiltinDocument(document) && isModel(document.parseResult.value))
        .toArray()
        .sort((a, b) => a.uri.toString().localeCompare(b.uri.toString())) as LangiumDocument<Model>[];
}
