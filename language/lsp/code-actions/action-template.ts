/**
 * Treatment actions from a template with fields for the title and the due date, owned by
 * the risk owner (or the model's first role):
 * - `action-missing` on a `treatment reduce`: "Add an action" to that treatment;
 * - a risk above appetite (next to "Add an acceptance"): "Reduce the risk: add a treatment
 *   action", into the risk's `treatment reduce`, or a new `treatment reduce { … }`.
 */
import type { LangiumDocument } from 'langium';
import type { TextEdit } from 'vscode-languageserver-types';
import { isRisk, isTreatment, type Risk, type Treatment } from '../../generated/ast.js';
import { ROLE_PLACEHOLDER } from './owner-fix.js';
import { appendToBlock, INDENT, indentationOf, insertAt, lineBreakOf } from './block-edits.js';
import { containerAt, type FixContext, type QuickFix } from './quick-fix.js';
import { field, templateFix } from './snippet-edits.js';

/** The title's default: what to write there, not a title. */
export const ACTION_TITLE_PROMPT = 'Say what will be done';

export const addActionToTreatment: QuickFix = context => {
    const treatment = containerAt(context, isTreatment);
    if (!treatment || treatment.option !== 'reduce') {
        return [];
    }
    return templateFix(context, 'Add an action to the treatment', addToTreatment(context, treatment), true);
};

export const addReducingAction: QuickFix = context => {
    const risk = containerAt(context, isRisk);
    if (!risk) {
        return [];
    }
    const reduce = risk.treatments.find(treatment => treatment.option === 'reduce');
    const edits = reduce
        ? addToTreatment(context, reduce)
        : appendToBlock(context.document, risk, ['treatment reduce {', ...actionLines(context, risk).map(line => INDENT + line), '}']);
    return templateFix(context, 'Reduce the risk: add a treatment action', edits);
};

function addToTreatment(context: FixContext, treatment: Treatment): TextEdit[] {
    const lines = actionLines(context, treatment.$container);
    const edits = appendToBlock(context.document, treatment, lines);
    return edits.length > 0 ? edits : openBlock(context.document, treatment, lines);
}

function actionLines(context: FixContext, risk: Risk): string[] {
    const owner = risk.owner?.ref?.name ?? context.facts.roles[0]?.name ?? ROLE_PLACEHOLDER;
    const asOf = context.services.evaluation.ModelEvaluator.evaluate(context.document).asOf;
    return [
        `action "${field(1, ACTION_TITLE_PROMPT)}" {`,
        `  owner ${owner}`,
        `  due ${field(2, asOf)}`,
        '  status planned',
        '}'
    ];
}

/** `treatment reduce` written without a block: ` { lines }` after it. */
function openBlock(document: LangiumDocument, treatment: Treatment, lines: readonly string[]): TextEdit[] {
    const end = treatment.$cstNode?.end;
    if (end === undefined) {
        return [];
    }
    const eol = lineBreakOf(document);
    const indent = indentationOf(document, treatment);
    const body = lines.map(line => indent + INDENT + line).join(eol);
    return [insertAt(document, end, ` {${eol}${body}${eol}${indent}}`)];
}
