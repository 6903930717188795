/**
 * `⇒ 9 · High` after a risk's inherent pair, and `⇒ 3 · Moderate ✓` or `⇒ 6 · High ⚠`
 * after its `residual` pair. Both read the evaluation.
 *
 * VS Code shows at most 43 characters of inlay hints per line (`editor.inlayHints.maximumLength`,
 * counted over all hints of the line) and cuts the rest: `⇒ 15 · High ⚠ above appet…`. The
 * residual line also carries the scale names of numbers (`‹Possible›`), so its hint stays
 * short: score and level as one label part, the appetite mark as another whose tooltip
 * says what it means.
 */
import type { InlayHint, InlayHintLabelPart } from 'vscode-languageserver';
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
    const tooltip = residualTooltip(evaluation, method);
    const mark = appetiteMark(evaluation, method);
    const label: InlayHintLabelPart[] = [
        { value: `⇒ ${scoreAndLevelText(residual)}`, tooltip: assessmentExplanation(residual, method, 'residual ') },
        ...mark ? [mark] : []
    ];
    return { ...hintAfter(end, '', tooltip), label };
}

/** `⚠` above appetite, `✓` within it; nothing without an appetite or a level to compare. */
function appetiteMark(evaluation: RiskEvaluation, method: MethodModel | undefined): InlayHintLabelPart | undefined {
    if (!method?.appetite || !evaluation.residual?.level) {
        return undefined;
    }
    if (!evaluation.aboveAppetite) {
        return { value: ' ✓', tooltip: `within appetite ${method.appetite.name}` };
    }
    const acceptance = evaluation.accepted ? 'a valid acceptance covers it' : 'no valid acceptance covers it';
    return { value: ' ⚠', tooltip: `above appetite ${method.appetite.name}: ${acceptance}` };
}

function residualTooltip(evaluation: RiskEvaluation, method: MethodModel | undefined): string {
    const explanation = assessmentExplanation(evaluation.residual!, method, 'residual ');
    const mark = appetiteMark(evaluation, method);
    return `${explanation}; ${mark ? mark.tooltip as string : appetiteText(method)}`;
}
