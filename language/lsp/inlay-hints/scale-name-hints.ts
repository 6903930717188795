/**
 * `likelihood 3 ‹Likely›`: the name of a scale value written as its number, wherever
 * one is referenced (inherent and residual pairs, matrix row labels, asset C/I/A).
 */
import type { AstNode, Reference } from 'langium';
import type { InlayHint } from 'vscode-languageserver';
import type { ScaleValueNode } from '../../evaluation/method-model.js';
import { isAsset, isMatrixRowLabel, isResidual, isRisk } from '../../generated/ast.js';
import { scaleValueText } from '../text/assessment-text.js';
import { hintAfter } from './hint.js';

export function scaleNameHints(node: AstNode): InlayHint[] {
    return scaleReferences(node).flatMap(reference => {
        const value = reference?.ref;
        const refNode = reference?.$refNode;
        if (!value || !refNode || !/^[0-9]+$/.test(refNode.text)) {
            return [];
        }
        return [hintAfter(refNode, `‹${value.name}›`, scaleTooltip(value))];
    });
}

function scaleReferences(node: AstNode): Array<Reference<ScaleValueNode> | undefined> {
    if (isRisk(node) || isResidual(node)) {
        return [node.likelihood, node.impact];
    }
    if (isMatrixRowLabel(node)) {
        return [node.likelihood];
    }
    if (isAsset(node)) {
        return [node.confidentiality, node.integrity, node.availability];
    }
    return [];
}

function scaleTooltip(value: ScaleValueNode): string {
    const scale = value.$type === 'LikelihoodValue' ? 'likelihood' : 'impact';
    const description = value.description ? `: ${value.description}` : '';
    return `${scale} ${scaleValueText(value)}${description}`;
}
