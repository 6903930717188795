/**
 * `⇒ 9 · High` after a risk's inherent pair, and `⇒ 3 · Moderate ✓` or
 * `⇒ 6 · High ⚠ above appetite` after its `residual` pair. Both read the evaluation.
 */
import type { InlayHint } from 'vscode-languageserver';
import type { MethodModel } from '../../evaluation/method-model.js';
import type { RiskEvaluation } from '../../evaluation/risk-evaluation.js';
import { appetiteText, assessmentExplanation, scoreAndLevelText } from '../text/assessment-text.js';
import { hintAfter } from './hint.js';

/** After whichever of `likelihood` and `impact` comes last in the risk. */
export function inherentHint(evaluation: RiskEvaluation, method: MethodModel | undefined): InlayHint | undefined {
    const { risk, inherent } = evaluation;
    const likelihood = risk.likelihood?.$refNode;
    const impact = risk.impact?.$refNode;
    if (!inherent || !likelihood || !impact) {
        return undefined;
    }
    const last = likelihood.offset > impact.offset ? likelihood : impact;
    const tooltip = `${assessmentExplanation(inherent, method)}; ${appetiteText(method)}`;
    return hintAfter(last, `⇒ ${scoreAndLevelText(inherent)}`, tooltip);
}

/** After the `residual likelihood X impact Y` line. */
export function residualHint(evaluation: RiskEvaluation, method: MethodModel | undefined): InlayHint | undefined {
    const { risk, residual } = evaluation;
    const end = risk.residual?.$cstNode;
    if (!residual || !end || !evaluation.hasExplicitResidual) {
        return undefined;
    }
    return hintAfter(end, `⇒ ${scoreAndLevelText(residual)}${appetiteMark(evaluation, method)}`, residualTooltip(evaluation, method));
}

function appetiteMark(evaluation: RiskEvaluation, method: MethodModel | undefined): string {
    if (!method?.appetite || !evaluation.residual?.level) {
        return '';
    }
    return evaluation.aboveAppetite ? ' ⚠ above appetite' : ' ✓';
}

function residualTooltip(evaluation: RiskEvaluation, method: MethodModel | undefined): string {
    const explanation = assessmentExplanation(evaluation.residual!, method, 'residual ');
    if (!method?.appetite || !evaluation.residual?.level) {
        return `${explanation}; ${appetiteText(method)}`;
    }
    if (!evaluation.aboveAppetite) {
        return `${explanation}; within appetite ${method.appetite.name}`;
    }
    const acceptance = evaluation.accepted ? 'a valid acceptance covers it' : 'no valid acceptance covers it';
    return `${explanation}; above appetite ${method.appetite.name}: ${acceptance}`;
}
