/**
 * Hovers: a markdown card for whatever a name declares or refers to (scale values,
 * levels, roles, scopes, assets, threats, vulnerabilities, controls, Annex A controls,
 * risks and actions), followed by the declaration's `/** … *\/` comment if it has one.
 * Computed values come from the model evaluation.
 */
import { AstUtils, CstUtils, GrammarUtils, type AstNode, type LangiumDocument } from 'langium';
import { MultilineCommentHoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import type { ModelEvaluator } from '../evaluation/model-evaluator.js';
import { isAction, isAnnexControl, isAsset, isControl, isImpactValue, isLevel, isLikelihoodValue, isRisk, isRole, isScope, isThreat, isVulnerability } from '../generated/ast.js';
import type { RiskServices } from '../risk-module.js';
import { isBuiltinDocument } from '../workspace/builtin-documents.js';
import type { ModelBoundaries } from '../workspace/model-boundaries.js';
import { paragraphs } from './text/markdown.js';
import { annexHover, assetHover, controlHover, roleHover, scopeHover, threatHover, vulnerabilityHover } from './hover/declaration-hovers.js';
import { levelHover, scaleValueHover } from './hover/method-hovers.js';
import { referrersOf } from './hover/referrers.js';
import { actionHover, riskHover } from './hover/risk-hovers.js';

export class RiskHoverProvider extends MultilineCommentHoverProvider {
    private readonly evaluator: ModelEvaluator;
    private readonly boundaries: ModelBoundaries;
    /**
     * The document hovered in. A built-in Annex A control belongs to no model: its card
     * shows the model it is hovered in. Set before `super.getHoverContent`, which reaches
     * `getAstNodeHoverContent` without awaiting anything first.
     */
    private hoveredIn: LangiumDocument | undefined;

    constructor(services: RiskServices) {
        super(services);
        this.evaluator = services.evaluation.ModelEvaluator;
        this.boundaries = services.evaluation.ModelBoundaries;
    }

    /** Names and references as Langium finds them; also the number of a scale value (`3` in `3 Likely`). */
    override async getHoverContent(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
        this.hoveredIn = document;
        const hover = await super.getHoverContent(document, params);
        if (hover) {
            return hover;
        }
        const offset = document.textDocument.offsetAt(params.position);
        const leaf = CstUtils.findLeafNodeAtOffset(document.parseResult.value.$cstNode!, offset);
        const node = leaf?.astNode;
        if ((isLikelihoodValue(node) || isImpactValue(node)) && leaf === GrammarUtils.findNodeForProperty(node.$cstNode, 'value')) {
            return { contents: { kind: 'markdown', value: scaleValueHover(node) } };
        }
        return undefined;
    }

    protected override async getAstNodeHoverContent(node: AstNode): Promise<string | undefined> {
        const content = paragraphs(this.cardOf(node), await super.getAstNodeHoverContent(node));
        return content === '' ? undefined : content;
    }

    private cardOf(node: AstNode): string | undefined {
        if (isLikelihoodValue(node) || isImpactValue(node)) {
            return scaleValueHover(node);
        }
        const home = AstUtils.getDocument(node);
        const model = this.boundaries.modelOf(isBuiltinDocument(home) && this.hoveredIn ? this.hoveredIn : home);
        const evaluation = this.evaluator.evaluate(model);
        if (isLevel(node)) {
            return levelHover(node, evaluation);
        }
        if (isRisk(node)) {
            return riskHover(node, evaluation);
        }
        if (isAction(node)) {
            return actionHover(node, evaluation);
        }
        if (isScope(node)) {
            return scopeHover(node, evaluation);
        }
        const referrers = referrersOf(node, model.documents);
        if (isRole(node)) {
            return roleHover(node, referrers, evaluation);
        }
        if (isAsset(node)) {
            return assetHover(node, referrers, evaluation);
        }
        if (isThreat(node)) {
            return threatHover(node, referrers, evaluation);
        }
        if (isVulnerability(node)) {
            return vulnerabilityHover(node, referrers, evaluation);
        }
        if (isControl(node)) {
            return controlHover(node, referrers, evaluation);
        }
        if (isAnnexControl(node)) {
            return annexHover(node, referrers, evaluation);
        }
        return undefined;
    }
}
