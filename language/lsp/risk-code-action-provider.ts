/**
 * Quick fixes, keyed on the stable diagnostic code each diagnostic carries in
 * `data.code` (language/validation/report.ts). Each fix lives in ./code-actions/.
 *
 * | code | fix |
 * | --- | --- |
 * | `unaccepted-residual`, `acceptance-expired`, `acceptance-outdated` | Add an acceptance (by an authorised role, at the residual level, with fields for the justification and the date); reduce the risk: add a treatment action |
 * | `acceptance-incomplete` (no justification, or a placeholder) | Add a justification (a field holding a prompt, which is still a placeholder) |
 * | `method-missing` | Create method.risk with the method snippet's method |
 * | `action-missing` | Add an action to the `treatment reduce` (preferred) |
 * | `review-overdue` | Set `reviewed` to the as-of date, titled as a statement that the risk was reviewed (never preferred) |
 * | `unresolved-reference` | Change to the suggested name (preferred); declare the name as what the reference expects |
 * | `unknown-control` | Change to the nearest Annex A control (preferred) |
 * | `missing-owner`, `action-incomplete` (no owner) | Add `owner ROLE` (the model's first role) |
 * | `action-overdue` | Mark the action done |
 * | `syntax-error` (a word a block does not take, near one it does) | Change it to that keyword (preferred) |
 * | `syntax-error` (`residual impact … likelihood …`) | Write the likelihood first (preferred) |
 * | `soa-undecided` | Include / exclude the first undecided Annex A control (a `TODO` justification to write) |
 * | `soa-unjustified` (no justification) | Add a `TODO` justification placeholder |
 * | `deferral-incomplete` (no reason) | Add a `TODO` reason placeholder |
 *
 * Without a diagnostic, the cursor on an Annex A control that has no decision offers the
 * include / exclude actions too.
 */
import type { LangiumDocument } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Command, type Diagnostic } from 'vscode-languageserver';
import type { RiskServices } from '../risk-module.js';
import { IssueCodes, type IssueCode } from '../validation/issue-codes.js';
import { isBuiltinDocument } from '../workspace/builtin-documents.js';
import { acceptOrReduce } from './code-actions/acceptance-fix.js';
import { markActionDone } from './code-actions/action-fixes.js';
import { addActionToTreatment } from './code-actions/action-template.js';
import { ClientEditSupport } from './code-actions/client-edit-support.js';
import { addAcceptanceJustification } from './code-actions/justification-fixes.js';
import { addOwner } from './code-actions/owner-fix.js';
import { createMethodFile } from './code-actions/method-fix.js';
import { ModelFacts } from './code-actions/model-facts.js';
import { dataOf, type QuickFix } from './code-actions/quick-fix.js';
import { fixUnknownControl, fixUnresolvedReference } from './code-actions/reference-fixes.js';
import { addDecisionJustification, addDeferralReason } from './code-actions/reason-fixes.js';
import { decideUndecidedControl, decisionsAtCursor } from './code-actions/soa-decision-fixes.js';
import { recordReview } from './code-actions/review-fix.js';
import { fixSyntaxError } from './code-actions/syntax-fixes.js';

export const QUICK_FIXES: Readonly<Partial<Record<IssueCode, QuickFix>>> = {
    [IssueCodes.UnacceptedResidual]: acceptOrReduce,
    [IssueCodes.AcceptanceExpired]: acceptOrReduce,
    [IssueCodes.AcceptanceOutdated]: acceptOrReduce,
    [IssueCodes.AcceptanceIncomplete]: addAcceptanceJustification,
    [IssueCodes.UnresolvedReference]: fixUnresolvedReference,
    [IssueCodes.UnknownControl]: fixUnknownControl,
    [IssueCodes.MissingOwner]: addOwner,
    [IssueCodes.ActionIncomplete]: addOwner,
    [IssueCodes.ActionOverdue]: markActionDone,
    [IssueCodes.SyntaxError]: fixSyntaxError,
    [IssueCodes.SoaUndecided]: decideUndecidedControl,
    [IssueCodes.SoaUnjustified]: addDecisionJustification,
    [IssueCodes.DeferralIncomplete]: addDeferralReason,
    [IssueCodes.MethodMissing]: createMethodFile,
    [IssueCodes.ActionMissing]: addActionToTreatment,
    [IssueCodes.ReviewOverdue]: recordReview
};

export class RiskCodeActionProvider implements CodeActionProvider {
    private readonly editSupport: ClientEditSupport;

    constructor(private readonly services: RiskServices) {
        this.editSupport = new ClientEditSupport(services.shared);
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): Array<Command | CodeAction> | undefined {
        if (isBuiltinDocument(document)) {
            return undefined;
        }
        // Every action here is a quick fix: a request for other kinds only gets none.
        const only = params.context.only;
        if (only && !only.some(kind => kind === CodeActionKind.Empty || kind === CodeActionKind.QuickFix)) {
            return undefined;
        }
        const actions = new Map<string, CodeAction>();
        const facts = new ModelFacts(this.services);
        for (const diagnostic of params.context.diagnostics) {
            for (const action of this.fixesFor(document, diagnostic, facts)) {
                addOnce(actions, action);
            }
        }
        for (const action of decisionsAtCursor(this.services, facts, document, params.range)) {
            addOnce(actions, action);
        }
        return [...actions.values()];
    }

    private fixesFor(document: LangiumDocument, diagnostic: Diagnostic, facts: ModelFacts): CodeAction[] {
        const code = dataOf(diagnostic).code ?? diagnostic.code;
        const fix = typeof code === 'string' ? QUICK_FIXES[code as IssueCode] : undefined;
        return fix ? fix({ services: this.services, document, diagnostic, facts, ...this.editSupport.current }) : [];
    }
}

/**
 * Two diagnostics of one risk (`unaccepted-residual` and `acceptance-expired`) lead to the
 * same fix: offer it once, for both. Actions are keyed by title and edit, so that each is
 * serialised once: comparing every new action with all earlier ones took seconds when
 * the editor asked for the fixes of a few thousand diagnostics.
 */
function addOnce(actions: Map<string, CodeAction>, action: CodeAction): void {
    const key = `${action.title}\n${JSON.stringify(action.edit)}`;
    const same = actions.get(key);
    if (same) {
        same.diagnostics = [...same.diagnostics ?? [], ...action.diagnostics ?? []];
    } else {
        actions.set(key, action);
    }
}
