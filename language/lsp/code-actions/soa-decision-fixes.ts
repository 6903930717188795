/**
 * Statement of Applicability decisions in one edit (specification 11.1):
 * - `soa-undecided`: "Include A.5.2 …" / "Exclude A.5.2 …" for the first control without a
 *   decision, the one the message lists first;
 * - at the cursor on an Annex A control that has no decision (`controls A.7.6` in a
 *   cancelled action, say): the same two actions for that control.
 * The line goes into the model's `applicability` block, wherever it is; without one, a block
 * is added at the end of the file that holds the method. Its justification is a `TODO`
 * placeholder, which `soa-unjustified` reports until the user writes the reason.
 */
import { AstUtils, CstUtils, type LangiumDocument } from 'langium';
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import { isAnnexControl, isMethod, isModel, type Applicability, type Model } from '../../generated/ast.js';
import type { RiskServices } from '../../risk-module.js';
import { placeholderText } from '../../evaluation/justification.js';
import { appendToBlock, INDENT, insertAt, lineBreakOf } from './block-edits.js';
import type { ModelFacts } from './model-facts.js';
import type { QuickFix } from './quick-fix.js';

type Decision = 'include' | 'exclude';

/** The placeholder justification of a new line: what the user has to write there. */
export function decisionPlaceholder(decision: Decision, id: string): string {
    return placeholderText(decision === 'include'
        ? `say why ${id} is needed (a risk, a law, a contract, a policy)`
        : `say why ${id} does not apply (e.g. no premises, or a supplier's attestation)`);
}

export const decideUndecidedControl: QuickFix = context => {
    const [first] = context.services.evaluation.ModelEvaluator.evaluate(context.document).applicability.undecided;
    return first ? decisionActions(context.services, context.document, first, [context.diagnostic]) : [];
};

/** Include / exclude the Annex A control whose ID is at the start of `range`, when it has no decision yet. */
export function decisionsAtCursor(services: RiskServices, facts: ModelFacts, document: LangiumDocument, range: Range): CodeAction[] {
    const root = document.parseResult.value.$cstNode;
    const leaf = root ? CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(range.start)) : undefined;
    if (!leaf) {
        return [];
    }
    const reference = facts.referenceAt(document, leaf.offset);
    const target = reference && 'ref' in reference ? reference.ref : leaf.astNode;
    if (!isAnnexControl(target)) {
        return [];
    }
    const control = services.evaluation.ModelEvaluator.evaluate(document).applicability.controlOf(target.name);
    return control?.decision === 'undecided' ? decisionActions(services, document, control.id, []) : [];
}

/** The actions for one control of the model `document` belongs to. */
function decisionActions(services: RiskServices, document: LangiumDocument, id: string, diagnostics: Diagnostic[]): CodeAction[] {
    const block = services.evaluation.ModelEvaluator.evaluate(document).applicability.blocks[0];
    return (['include', 'exclude'] as const).flatMap(decision => {
        const line = `${decision} ${id} ${decisionPlaceholder(decision, id)}`;
        const edit = block ? lineInBlock(block, line) : newBlock(services, document, line);
        if (!edit) {
            return [];
        }
        const title = decision === 'include'
            ? `Include ${id} in the Statement of Applicability (then write why)`
            : `Exclude ${id} from the Statement of Applicability (then write why)`;
        const action: CodeAction = { title, kind: CodeActionKind.QuickFix, edit: { changes: { [edit.uri]: edit.edits } } };
        return diagnostics.length > 0 ? [{ ...action, diagnostics }] : [action];
    });
}

function lineInBlock(block: Applicability, line: string): { uri: string; edits: TextEdit[] } | undefined {
    const document = AstUtils.getDocument(block);
    const edits = appendToBlock(document, block, [line]);
    return edits.length > 0 ? { uri: document.uri.toString(), edits } : undefined;
}

/** A new block at the end of the model's file with the method (or of `from` itself). */
function newBlock(services: RiskServices, from: LangiumDocument, line: string): { uri: string; edits: TextEdit[] } | undefined {
    const documents = services.evaluation.ModelBoundaries.modelOf(from).documents
        .filter((candidate): candidate is LangiumDocument<Model> => isModel(candidate.parseResult.value));
    const document = documents.find(candidate => candidate.parseResult.value.elements.some(isMethod)) ?? from;
    const text = document.textDocument.getText();
    const eol = lineBreakOf(document);
    const separator = text === '' ? '' : text.endsWith('\n') ? eol : eol + eol;
    const block = `${separator}applicability {${eol}${INDENT}${line}${eol}}${eol}`;
    return { uri: document.uri.toString(), edits: [insertAt(document, text.length, block)] };
}
