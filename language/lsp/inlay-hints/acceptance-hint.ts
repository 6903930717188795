/** `valid until 2027-11-15`, `expired 2026-05-31`, …: after an acceptance's `by … on … until …`. */
import { GrammarUtils } from 'langium';
import type { InlayHint } from 'vscode-languageserver';
import type { IsoDate } from '../../evaluation/dates.js';
import type { MethodModel } from '../../evaluation/method-model.js';
import type { AcceptanceEvaluation, RiskEvaluation } from '../../evaluation/risk-evaluation.js';
import { acceptanceText } from '../text/acceptance-text.js';
import { hintAfter } from './hint.js';

export function acceptanceHint(evaluation: AcceptanceEvaluation, risk: RiskEvaluation, method: MethodModel | undefined, asOf: IsoDate): InlayHint | undefined {
    const node = evaluation.acceptance.$cstNode;
    const anchor = GrammarUtils.findNodeForProperty(node, 'until')
        ?? GrammarUtils.findNodeForProperty(node, 'on')
        ?? GrammarUtils.findNodeForProperty(node, 'by')
        ?? GrammarUtils.findNodeForKeyword(node, 'acceptance');
    if (!anchor) {
        return undefined;
    }
    const { label, explanation } = acceptanceText(evaluation, risk, method, asOf);
    return hintAfter(anchor, label, explanation);
}
