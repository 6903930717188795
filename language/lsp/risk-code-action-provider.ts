/**
 * Quick fixes, keyed on the stable diagnostic code each diagnostic carries in
 * `data.code` (language/validation/report.ts). Each fix lives in ./code-actions/.
 *
 * | code | fix |
 * | --- | --- |
 * | `unaccepted-residual`, `acceptance-expired`, `acceptance-outdated` | Add an acceptance (stub by an authorised role, on the as-of date, at the residual level) |
 * | `unresolved-reference` | Change to the suggested name (preferred); declare the name as what the reference expects |
 * | `unknown-control` | Change to the nearest Annex A control (preferred) |
 * | `missing-owner`, `action-incomplete` (no owner) | Add `owner ROLE` (the model's first role) |
 * | `action-overdue` | Mark the action done |
 * | `syntax-error` (a word a block does not take, near one it does) | Change it to that keyword (preferred) |
 * | `syntax-error` (`residual impact … likelihood …`) | Write the likelihood first (preferred) |
 */
import type { LangiumDocument } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Command, type Diagnostic } from 'vscode-languageserver';
import type { RiskServices } from '../risk-module.js';
import { IssueCodes, type IssueCode } from '../validation/issue-codes.js';
import { isBuiltinDocument } from '../workspace/builtin-documents.js';
import { addAcceptance } from './code-actions/acceptance-fix.js';
import { markActionDone } from './code-actions/action-fixes.js';
import { addOwner } from './code-actions/owner-fix.js';
import { dataOf, type QuickFix } from './code-actions/quick-fix.js';
import { fixUnknownControl, fixUnresolvedReference } from './code-actions/reference-fixes.js';
import { fixSyntaxError } from './code-actions/syntax-fixes.js';

export const QUICK_FIXES: Readonly<Partial<Record<IssueCode, QuickFix>>> = {
    [IssueCodes.UnacceptedResidual]: addAcceptance,
    [IssueCodes.AcceptanceExpired]: addAcceptance,
    [IssueCodes.AcceptanceOutdated]: addAcceptance,
    [IssueCodes.UnresolvedReference]: fixUnresolvedReference,
    [IssueCodes.UnknownControl]: fixUnknownControl,
    [IssueCodes.MissingOwner]: addOwner,
    [IssueCodes.ActionIncomplete]: addOwner,
    [IssueCodes.ActionOverdue]: markActionDone,
    [IssueCodes.SyntaxError]: fixSyntaxError
};

export class RiskCodeActionProvider implements CodeActionProvider {
    constructor(private readonly services: RiskServices) {}

    getCodeActions(document: LangiumDocument, params: CodeActionParams): Array<Command | CodeAction> | undefined {
        if (isBuiltinDocument(document)) {
            return undefined;
        }
        // Every action here is a quick fix: a request for other kinds only gets none.
        const only = params.context.only;
        if (only && !only.some(kind => kind === CodeActionKind.Empty || kind === CodeActionKind.QuickFix)) {
            return undefined;
        }
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            for (const action of this.fixesFor(document, diagnostic)) {
                addOnce(actions, action);
            }
        }
        return actions;
    }

    private fixesFor(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const code = dataOf(diagnostic).code ?? diagnostic.code;
        const fix = typeof code === 'string' ? QUICK_FIXES[code as IssueCode] : undefined;
        return fix ? fix({ services: this.services, document, diagnostic }) : [];
    }
}

/**
 * Two diagnostics of one risk (`unaccepted-residual` and `acceptance-expired`) lead to the
 * same fix: offer it once, for both.
 */
function addOnce(actions: CodeAction[], action: CodeAction): void {
    const same = actions.find(other => other.title === action.title && JSON.stringify(other.edit) === JSON.stringify(action.edit));
    if (same) {
        same.diagnostics = [...same.diagnostics ?? [], ...action.diagnostics ?? []];
    } else {
        actions.push(action);
    }
}
