/**
 * The outline of a file: the method (its scales with their values, its levels, its
 * matrix), roles, scopes, assets, threats, vulnerabilities, controls, and risks with
 * their actions. A risk's detail is its residual level and score as the evaluation
 * has them, with where it stands against the appetite: `High (6) · above appetite`.
 * Kinds come from the NodeKindProvider (risk-node-kind-provider.ts).
 */
import { GrammarUtils, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import type { DocumentSymbolProvider, NodeKindProvider } from 'langium/lsp';
import type { DocumentSymbol, DocumentSymbolParams } from 'vscode-languageserver';
import type { ModelEvaluator } from '../evaluation/model-evaluator.js';
import type { MethodModel } from '../evaluation/method-model.js';
import type { RiskEvaluation } from '../evaluation/risk-evaluation.js';
import { isApplicability, isAsset, isMethod, isRisk, type Action, type Element, type Level, type Method, type Model, type Risk, type Scale } from '../generated/ast.js';
import type { RiskServices } from '../risk-module.js';
import { actionsOf } from '../model/risk-parts.js';

export class RiskDocumentSymbolProvider implements DocumentSymbolProvider {
    private readonly evaluator: ModelEvaluator;
    private readonly kinds: NodeKindProvider;

    constructor(services: RiskServices) {
        this.evaluator = services.evaluation.ModelEvaluator;
        this.kinds = services.shared.lsp.NodeKindProvider;
    }

    getSymbols(document: LangiumDocument, _params: DocumentSymbolParams): DocumentSymbol[] {
        const model = document.parseResult.value as Model;
        return model.elements.flatMap(element => this.elementSymbol(element) ?? []);
    }

    private elementSymbol(element: Element): DocumentSymbol | undefined {
        if (isMethod(element)) {
            return this.methodSymbol(element);
        }
        if (isRisk(element)) {
            const evaluation = this.evaluator.evaluate(element);
            return this.symbol(element, element.name, riskDetail(evaluation.evaluationOf(element), evaluation.method), this.actionSymbols(element));
        }
        if (isApplicability(element)) {
            const decisions = element.decisions.length;
            return this.symbol(element, 'applicability', `${decisions} decision${decisions === 1 ? '' : 's'}`, [], 'applicability');
        }
        const detail = isAsset(element) && element.category ? `${element.category.layer} ${element.category.kind}` : element.title;
        return this.symbol(element, element.name, detail);
    }

    private methodSymbol(method: Method): DocumentSymbol | undefined {
        const children = [
            ...method.scales.flatMap(scale => this.scaleSymbol(scale) ?? []),
            ...(method.levels ? [this.symbol(method.levels, 'levels', undefined, method.levels.levels.flatMap(level => this.levelSymbol(level) ?? []), 'levels')] : []),
            ...(method.matrix ? [this.symbol(method.matrix, 'matrix', undefined, [], 'matrix')] : [])
        ].filter(symbol => symbol !== undefined);
        return this.symbol(method, method.title, 'method', children, undefined, 'title');
    }

    private scaleSymbol(scale: Scale): DocumentSymbol | undefined {
        const values = scale.values.flatMap(value => this.symbol(value, value.name, withDescription(String(value.value), value.description)) ?? []);
        return this.symbol(scale, `${scale.kind} scale`, undefined, values, 'scale');
    }

    private levelSymbol(level: Level): DocumentSymbol | undefined {
        const range = level.range ? `${level.range.min}..${level.range.max}` : undefined;
        return this.symbol(level, level.name, withDescription(range, level.description));
    }

    private actionSymbols(risk: Risk): DocumentSymbol[] {
        const evaluation = this.evaluator.evaluate(risk).evaluationOf(risk);
        return actionsOf(risk).flatMap((action: Action, index) => {
            const id = evaluation?.actions[index]?.id ?? action.name;
            return this.symbol(action, id, action.title, undefined, action.name ? undefined : 'action') ?? [];
        });
    }

    /**
     * A symbol for the node, selecting its name (or the given keyword, or property, for
     * what has no name). Nodes without a name or a text are left out: editors reject
     * symbols with an empty name.
     */
    private symbol(node: AstNode, name: string | undefined, detail: string | undefined, children?: DocumentSymbol[], keyword?: string, property = 'name'): DocumentSymbol | undefined {
        const cst = node.$cstNode;
        const selection: CstNode | undefined = keyword
            ? GrammarUtils.findNodeForKeyword(cst, keyword)
            : GrammarUtils.findNodeForProperty(cst, property);
        if (!cst || !name || !name.trim()) {
            return undefined;
        }
        return {
            name,
            detail: detail || undefined,
            kind: this.kinds.getSymbolKind(node),
            range: cst.range,
            selectionRange: (selection ?? cst).range,
            children: children && children.length > 0 ? children : undefined
        };
    }
}

/** `High (6) · above appetite`, `Moderate (4) · within appetite`, `High` with a matrix and no appetite. */
export function riskDetail(evaluation: RiskEvaluation | undefined, method: MethodModel | undefined): string {
    if (!evaluation?.residual) {
        return 'not assessed';
    }
    const residual = evaluation.residual;
    const level = residual.level?.name ?? 'no level';
    const score = residual.score === undefined ? '' : ` (${residual.score})`;
    const appetite = residual.level && method?.appetite
        ? (evaluation.aboveAppetite ? ' · above appetite' : ' · within appetite')
        : '';
    return `${level}${score}${appetite}`;
}

function withDescription(head: string | undefined, description: string | undefined): string | undefined {
    const parts = [head, description?.trim()].filter(part => part);
    return parts.length > 0 ? parts.join(' · ') : undefined;
}
