/**
 * Names that do not resolve: "Change to `X`" (the suggestion the validator found) and
 * "Declare …" (a declaration of the kind the reference expects, in the file that already
 * holds such declarations); Annex A IDs that do not exist: "Change to A.x.y".
 */
import type { LangiumDocument, ReferenceInfo } from 'langium';
import type { CodeAction, TextEdit } from 'vscode-languageserver-types';
import { ANNEX_A_BY_ID } from '../../builtins/annex-a.js';
import type { Model } from '../../generated/ast.js';
import { insertAt, lineBreakOf, rangeOf } from './block-edits.js';
import { dataOf, localFix, quickFix, type FixContext, type QuickFix } from './quick-fix.js';
import { nounOf } from '../../validation/declaration-nouns.js';

type DeclarationKind = 'role' | 'asset' | 'threat' | 'vulnerability' | 'scope' | 'control';

/** The kinds a quick fix can declare, with their AST types; scale values and levels are declared in the method. */
const AST_TYPE_OF_KIND: Readonly<Record<DeclarationKind, string>> = {
    role: 'Role',
    asset: 'Asset',
    threat: 'Threat',
    vulnerability: 'Vulnerability',
    scope: 'Scope',
    control: 'Control'
};

/** References that name the assets a scenario acts on: supporting assets. Others (`harms`, `supports`) name primary ones. */
const SUPPORTING_ASSET_PROPERTIES: ReadonlySet<string> = new Set(['on']);

export const fixUnresolvedReference: QuickFix = context => {
    const { suggestion, refText } = dataOf(context.diagnostic);
    const actions: CodeAction[] = [];
    if (suggestion && suggestion !== refText) {
        actions.push(...localFix(context, `Change to \`${suggestion}\``, [{ range: context.diagnostic.range, newText: suggestion }], true));
    }
    const declare = declareAction(context, refText);
    if (declare) {
        actions.push(declare);
    }
    return actions;
};

export const fixUnknownControl: QuickFix = context => {
    const { suggestion } = dataOf(context.diagnostic);
    const control = suggestion ? ANNEX_A_BY_ID.get(suggestion) : undefined;
    if (!control) {
        return [];
    }
    return localFix(context, `Change to ${control.id} "${control.title}"`, [{ range: context.diagnostic.range, newText: control.id }], true);
};

function declareAction(context: FixContext, name: string | undefined): CodeAction | undefined {
    const info = unresolvedReferenceAt(context);
    if (!info || !name || !/^[A-Za-z][A-Za-z0-9_-]*$/.test(name)) {
        return undefined;
    }
    const kind = declarableKind(nounOf(context.services.shared.AstReflection.getReferenceType(info)));
    if (!kind || context.services.evaluation.ModelEvaluator.evaluate(context.document).declarationsById.get(name).length > 0) {
        // Levels and scale values belong in the method; a name declared as something else would clash.
        return undefined;
    }
    const supporting = SUPPORTING_ASSET_PROPERTIES.has(info.property);
    const declaration = kind === 'asset'
        ? [`asset ${name} "${name}" {`, `  ${supporting ? 'supporting system' : 'primary information'}`, '}']
        : [`${kind} ${name} "${name}"`];
    const target = documentFor(context, kind);
    const what = kind === 'asset' ? `${supporting ? 'supporting' : 'primary'} asset` : kind;
    return quickFix(context, `Declare ${what} \`${name}\``, { [target.uri.toString()]: [appendDeclaration(target, declaration)] });
}

function declarableKind(noun: string | undefined): DeclarationKind | undefined {
    return noun !== undefined && noun in AST_TYPE_OF_KIND ? noun as DeclarationKind : undefined;
}

/** The reference the diagnostic is about, while it is unresolved. */
function unresolvedReferenceAt(context: FixContext): ReferenceInfo | undefined {
    const offset = context.document.textDocument.offsetAt(context.diagnostic.range.start);
    return context.facts.referenceAt(context.document, offset)?.error?.info;
}

/**
 * Where a new declaration of the kind goes: the file that holds most declarations of that
 * kind (the current file when it holds any), else the current file.
 */
function documentFor(context: FixContext, kind: DeclarationKind): LangiumDocument<Model> {
    const type = AST_TYPE_OF_KIND[kind];
    const count = (document: LangiumDocument<Model>): number => context.facts.declarationCount(document, type);
    const current = context.document as LangiumDocument<Model>;
    if (count(current) > 0) {
        return current;
    }
    let best: LangiumDocument<Model> | undefined;
    for (const document of context.facts.documents) {
        if (count(document) > (best ? count(best) : 0)) {
            best = document;
        }
    }
    return best ?? current;
}

/**
 * A top-level declaration at the end of the file: on a line of its own, set off by a blank
 * line when it or the declaration before it spans more than one line, and the file ending
 * with one line break.
 */
function appendDeclaration(document: LangiumDocument<Model>, lines: readonly string[]): TextEdit {
    const text = document.textDocument.getText();
    const eol = lineBreakOf(document);
    const contentEnd = text.trimEnd().length;
    const declaration = lines.join(eol) + eol;
    if (contentEnd === 0) {
        return { range: rangeOf(document, 0, text.length), newText: declaration };
    }
    const last = document.parseResult.value.elements.at(-1)?.$cstNode;
    const multiLine = lines.length > 1 || (last !== undefined && last.range.start.line !== last.range.end.line);
    const separator = multiLine ? eol + eol : eol;
    return contentEnd === text.length
        ? insertAt(document, contentEnd, separator + declaration)
        : { range: rangeOf(document, contentEnd, text.length), newText: separator + declaration };
}
