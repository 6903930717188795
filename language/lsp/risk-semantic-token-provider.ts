/**
 * Semantic tokens: what a name is, beyond what the TextMate grammar can tell.
 * Declarations and references get the token type of what they name (the declaration
 * with the `declaration` modifier):
 *   roles `type`, scopes `namespace`, assets `class`, threats `event`,
 *   vulnerabilities `property`, controls `interface`, risks `variable`,
 *   actions `function`, scale values and levels `enumMember`,
 *   Annex A controls `macro` with `defaultLibrary`.
 * A scale value referred to by its number (`likelihood 3`) is an `enumMember` too.
 * Other numbers and dates are `number`, texts `string`. Keywords and comments are left
 * to the TextMate grammar; an unresolved reference gets no token (it has its error).
 */
import { AstUtils, CstUtils, isLeafCstNode, isReference, type AstNode, type CstNode } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import { Action, AnnexControl, Asset, Control, ImpactValue, Level, LikelihoodValue, Risk, Role, Scope, Threat, Vulnerability } from '../generated/ast.js';

const TOKEN_TYPES: Readonly<Record<string, SemanticTokenTypes>> = {
    [Role.$type]: SemanticTokenTypes.type,
    [Scope.$type]: SemanticTokenTypes.namespace,
    [Asset.$type]: SemanticTokenTypes.class,
    [Threat.$type]: SemanticTokenTypes.event,
    [Vulnerability.$type]: SemanticTokenTypes.property,
    [Control.$type]: SemanticTokenTypes.interface,
    [AnnexControl.$type]: SemanticTokenTypes.macro,
    [Risk.$type]: SemanticTokenTypes.variable,
    [Action.$type]: SemanticTokenTypes.function,
    [LikelihoodValue.$type]: SemanticTokenTypes.enumMember,
    [ImpactValue.$type]: SemanticTokenTypes.enumMember,
    [Level.$type]: SemanticTokenTypes.enumMember
};

const LITERAL_TYPES: Readonly<Record<string, SemanticTokenTypes>> = {
    STRING: SemanticTokenTypes.string,
    DATE: SemanticTokenTypes.number,
    INT: SemanticTokenTypes.number
};

export class RiskSemanticTokenProvider extends AbstractSemanticTokenProvider {

    protected override highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        const declared = TOKEN_TYPES[node.$type];
        if (declared && 'name' in node && node.name) {
            acceptor({ node, property: 'name' as never, type: declared, modifier: modifiers(node.$type, SemanticTokenModifiers.declaration) });
        }
        const referenceNodes = new Set<CstNode>();
        for (const { reference } of AstUtils.streamReferences(node)) {
            const target = isReference(reference) ? reference.ref : undefined;
            const type = target ? TOKEN_TYPES[target.$type] : undefined;
            if (reference.$refNode) {
                referenceNodes.add(reference.$refNode);
                if (type) {
                    acceptor({ cst: reference.$refNode, type, modifier: modifiers(target!.$type) });
                }
            }
        }
        this.highlightLiterals(node, referenceNodes, acceptor);
    }

    /** The strings, numbers and dates written directly in the node (not in its children, not in its references). */
    private highlightLiterals(node: AstNode, referenceNodes: ReadonlySet<CstNode>, acceptor: SemanticTokenAcceptor): void {
        const root = node.$cstNode;
        if (!root) {
            return;
        }
        const iterator = CstUtils.streamCst(root).iterator();
        for (let next = iterator.next(); !next.done; next = iterator.next()) {
            const cst = next.value;
            if (cst !== root && (cst.astNode !== node || referenceNodes.has(cst))) {
                iterator.prune();
                continue;
            }
            const type = isLeafCstNode(cst) && !cst.hidden ? LITERAL_TYPES[cst.tokenType.name] : undefined;
            if (type) {
                acceptor({ cst, type });
            }
        }
    }
}

function modifiers(type: string, ...others: string[]): string[] {
    return type === AnnexControl.$type ? [...others, SemanticTokenModifiers.defaultLibrary] : others;
}
