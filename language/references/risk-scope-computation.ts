/**
 * What a file contributes to the model-wide scope. Everything a reference can name is
 * global: declarations, Annex A controls, named actions, levels, and scale values
 * (each under its name and under its number, so `likelihood 3` links like
 * `likelihood Likely`). Scale values and levels have types of their own, so `High`
 * the likelihood and `High` the level never meet.
 */
import { AstUtils, Cancellation, DefaultScopeComputation, interruptAndCheck, MultiMap, type AstNode, type AstNodeDescription, type LangiumDocument, type LocalSymbols } from 'langium';
import { actionsOf } from '../model/risk-parts.js';
import { isAction, isImpactValue, isLevel, isLikelihoodValue, isMethod, isRisk, type Model } from '../generated/ast.js';

export class RiskScopeComputation extends DefaultScopeComputation {

    override async collectExportedSymbols(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<AstNodeDescription[]> {
        const exports: AstNodeDescription[] = [];
        const model = document.parseResult.value as Model;
        for (const element of model.elements ?? []) {
            await interruptAndCheck(cancelToken);
            if (isMethod(element)) {
                for (const node of AstUtils.streamAllContents(element)) {
                    if ((isLikelihoodValue(node) || isImpactValue(node)) && node.name) {
                        exports.push(this.descriptions.createDescription(node, node.name, document));
                        exports.push(this.descriptions.createDescription(node, String(node.value), document));
                    } else if (isLevel(node) && node.name) {
                        exports.push(this.descriptions.createDescription(node, node.name, document));
                    }
                }
            } else if ('name' in element && element.name) {
                exports.push(this.descriptions.createDescription(element, element.name, document));
                if (isRisk(element)) {
                    exports.push(...this.namedActions(actionsOf(element), document));
                }
            }
        }
        return exports;
    }

    private namedActions(actions: readonly AstNode[], document: LangiumDocument): AstNodeDescription[] {
        return actions.filter(isAction).filter(action => action.name).map(action => this.descriptions.createDescription(action, action.name!, document));
    }

    /** Nothing is local: every name in a model is visible in all of its files. */
    override async collectLocalSymbols(): Promise<LocalSymbols> {
        return new MultiMap<AstNode, AstNodeDescription>();
    }
}

