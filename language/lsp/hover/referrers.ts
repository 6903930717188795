/**
 * What refers to a declaration: the declarations whose references resolve to it, with
 * the property that names it (`risk R-001 (on, harms)`). Read from the references each
 * document's linker collected, so a hover costs one pass over them.
 */
import { AstUtils, GrammarUtils, type AstNode, type LangiumDocument } from 'langium';
import type { ModelEvaluation } from '../../evaluation/model-evaluator.js';
import { isAcceptance, isAction, isApproval, isAsset, isControl, isMethod, isResidual, isRisk, isRole, isScope, isThreat, isVulnerability } from '../../generated/ast.js';
import { isBuiltinDocument } from '../../workspace/builtin-documents.js';

export interface Referrer {
    /** The declaration holding the reference: a risk, an asset, an action, … */
    readonly source: AstNode;
    /** How it names the target: `owner`, `on`, `acceptance by`, … */
    readonly properties: readonly string[];
}

/** `documents`: those of the model the hover is in (references never cross models). */
export function referrersOf(target: AstNode, documents: readonly LangiumDocument[]): Referrer[] {
    const bySource = new Map<AstNode, string[]>();
    for (const document of documents) {
        if (isBuiltinDocument(document)) {
            continue;
        }
        for (const reference of document.references) {
            const targets = 'ref' in reference ? [reference.ref] : reference.items.map(item => item.ref);
            const refNode = reference.$refNode;
            if (!refNode || !targets.includes(target)) {
                continue;
            }
            const container = refNode.astNode;
            const source = AstUtils.getContainerOfType(container, isSource) ?? container;
            const property = propertyText(container, GrammarUtils.findAssignment(refNode)?.feature ?? '');
            const properties = bySource.get(source) ?? [];
            if (!properties.includes(property)) {
                properties.push(property);
            }
            bySource.set(source, properties);
        }
    }
    return [...bySource].map(([source, properties]) => ({ source, properties }));
}

function isSource(node: AstNode): node is AstNode {
    return isAction(node) || isRisk(node) || isAsset(node) || isVulnerability(node) || isControl(node) || isScope(node) || isMethod(node);
}

function propertyText(container: AstNode, feature: string): string {
    if (isAcceptance(container)) {
        return `acceptance ${feature}`;
    }
    if (isResidual(container)) {
        return `residual ${feature}`;
    }
    if (isApproval(container)) {
        return 'approved by';
    }
    // A list property is named by the keyword that introduces it: `threat A, B`.
    return feature === 'threats' ? 'threat' : feature;
}

/** `risk R-001`, `action MFA`, `action R-001/2` (an action without an ID), `A.5.17`. */
export function declarationLabel(node: AstNode, evaluation: ModelEvaluation): string {
    if (isAction(node)) {
        const risk = evaluation.evaluationOf(node.$container.$container);
        return `action ${risk?.actions.find(action => action.action === node)?.id ?? node.name ?? node.title}`;
    }
    if (isMethod(node)) {
        return `method "${node.title}"`;
    }
    if (isRisk(node) || isAsset(node) || isVulnerability(node) || isControl(node) || isScope(node) || isThreat(node) || isRole(node)) {
        return `${node.$type.toLowerCase()} ${node.name}`;
    }
    return 'name' in node && typeof node.name === 'string' ? node.name : node.$type;
}

/** `risk R-001 (on, harms), vulnerability NoAdminMFA (on)`, or `nothing`. */
export function referrersText(referrers: readonly Referrer[], evaluation: ModelEvaluation, limit = 12): string {
    if (referrers.length === 0) {
        return 'nothing';
    }
    const shown = referrers.slice(0, limit).map(referrer => `${declarationLabel(referrer.source, evaluation)} (${referrer.properties.join(', ')})`);
    const more = referrers.length > limit ? `, and ${referrers.length - limit} more` : '';
    return shown.join(', ') + more;
}
