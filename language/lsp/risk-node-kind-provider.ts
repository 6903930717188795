/**
 * Symbol kinds for the outline and workspace symbols. They follow the semantic token
 * types (risk-semantic-token-provider.ts), so a name has one kind of icon and colour:
 * roles are types, assets classes, risks variables, actions functions, scopes
 * namespaces, threats events, vulnerabilities properties, scale values and levels
 * enum members, Annex A controls constants. Completion kinds stay Langium's default.
 */
import type { AstNode, AstNodeDescription } from 'langium';
import { DefaultNodeKindProvider } from 'langium/lsp';
import { SymbolKind } from 'vscode-languageserver';
import { Action, AnnexControl, Asset, Control, ImpactScale, ImpactValue, Level, Levels, LikelihoodScale, LikelihoodValue, Matrix, Method, Risk, Role, Scope, Threat, Vulnerability } from '../generated/ast.js';

const KINDS: Readonly<Record<string, SymbolKind>> = {
    [Method.$type]: SymbolKind.Module,
    [LikelihoodScale.$type]: SymbolKind.Enum,
    [ImpactScale.$type]: SymbolKind.Enum,
    [LikelihoodValue.$type]: SymbolKind.EnumMember,
    [ImpactValue.$type]: SymbolKind.EnumMember,
    [Levels.$type]: SymbolKind.Enum,
    [Level.$type]: SymbolKind.EnumMember,
    [Matrix.$type]: SymbolKind.Array,
    [Role.$type]: SymbolKind.TypeParameter,
    [Scope.$type]: SymbolKind.Namespace,
    [Asset.$type]: SymbolKind.Class,
    [Threat.$type]: SymbolKind.Event,
    [Vulnerability.$type]: SymbolKind.Property,
    [Control.$type]: SymbolKind.Interface,
    [AnnexControl.$type]: SymbolKind.Constant,
    [Risk.$type]: SymbolKind.Variable,
    [Action.$type]: SymbolKind.Function
};

export class RiskNodeKindProvider extends DefaultNodeKindProvider {
    override getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        const type = '$type' in node ? node.$type : node.type;
        return KINDS[type] ?? super.getSymbolKind(node);
    }
}
