/**
 * Rules about the model as a whole: one method, unique IDs, real dates, no property
 * written twice, and declarations that nothing uses.
 */
import { GrammarUtils, type AstNode, type ValidationAcceptor } from 'langium';
import { isAsset, isMethod, isRisk, type Acceptance, type Action, type AnnexControl, type Approval, type Model, type Risk } from '../generated/ast.js';
import { isRealDate } from '../evaluation/dates.js';
import type { ModelEvaluator } from '../evaluation/model-evaluator.js';
import { IssueCodes } from './issue-codes.js';
import { report } from './report.js';

type NamedDeclaration = AstNode & { name?: string };

const DECLARATION_NOUNS: Record<string, string> = {
    Role: 'role', Scope: 'scope', Asset: 'asset', Threat: 'threat', Vulnerability: 'vulnerability',
    Control: 'control', Risk: 'risk', Action: 'action'
};

export class ModelValidator {
    constructor(private readonly evaluator: ModelEvaluator) {}

    checkMethodCount = (model: Model, accept: ValidationAcceptor): void => {
        const { methods } = this.evaluator.evaluate();
        if (methods.length === 0) {
            // Reported once per file that needs a method: the first risk or asset of the file.
            const needy = model.elements.find(element => isRisk(element) || isAsset(element));
            if (needy) {
                report(accept, IssueCodes.MethodMissing, 'The model has no method, so risks cannot be scored: add a `method` block with scales, levels and `accept { appetite … }` to any .risk file of the model.', { node: needy, property: 'name' });
            }
        } else if (methods.length > 1) {
            for (const method of model.elements.filter(isMethod)) {
                report(accept, IssueCodes.MethodDuplicate, `The model has ${methods.length} methods; exactly one is allowed: keep one \`method\` block and remove the others.`, { node: method, property: 'title' });
            }
        }
    };

    checkUniqueId = (declaration: NamedDeclaration, accept: ValidationAcceptor): void => {
        if (!declaration.name) {
            return;
        }
        const twins = this.evaluator.evaluate().declarationsById.get(declaration.name);
        if (twins.length > 1) {
            const others = twins.filter(twin => twin !== declaration).map(twin => `${DECLARATION_NOUNS[twin.$type] ?? twin.$type.toLowerCase()} in ${fileName(twin)}`);
            report(accept, IssueCodes.DuplicateId, `\`${declaration.name}\` is declared ${twins.length} times (also as ${others.join(', ')}); IDs are shared by roles, scopes, assets, threats, vulnerabilities, controls, risks and actions: rename one.`, { node: declaration, property: 'name' });
        }
    };

    checkUsed = (declaration: NamedDeclaration, accept: ValidationAcceptor): void => {
        if (declaration.name && !this.evaluator.evaluate().referenced.has(declaration)) {
            const noun = DECLARATION_NOUNS[declaration.$type];
            report(accept, IssueCodes.Unused, `${capitalise(noun)} \`${declaration.name}\` is referenced by nothing: use it in a risk or remove it.`, { node: declaration, property: 'name' });
        }
    };

    checkApprovalDate = (approval: Approval, accept: ValidationAcceptor): void => {
        this.checkDate(approval, 'date', approval.date, accept);
    };

    checkAcceptanceDates = (acceptance: Acceptance, accept: ValidationAcceptor): void => {
        this.checkDate(acceptance, 'on', acceptance.on, accept);
        this.checkDate(acceptance, 'until', acceptance.until, accept);
    };

    checkActionDate = (action: Action, accept: ValidationAcceptor): void => {
        this.checkDate(action, 'due', action.due, accept);
    };

    checkReviewedDate = (risk: Risk, accept: ValidationAcceptor): void => {
        this.checkDate(risk, 'reviewed', risk.reviewed, accept);
    };

    private checkDate(node: AstNode, property: string, date: string | undefined, accept: ValidationAcceptor): void {
        if (date !== undefined && !isRealDate(date)) {
            report(accept, IssueCodes.InvalidDate, `${date} is not a date in the calendar: write a real date as YYYY-MM-DD.`, { node, property });
        }
    }

    /** A single-valued property written twice keeps only the last value: say so instead of losing the first. */
    checkNoDuplicateProperty = (node: AstNode, accept: ValidationAcceptor): void => {
        for (const [property, value] of Object.entries(node)) {
            if (property.startsWith('$') || Array.isArray(value) || value === undefined) {
                continue;
            }
            const occurrences = GrammarUtils.findNodesForProperty(node.$cstNode, property);
            for (const occurrence of occurrences.slice(0, -1)) {
                report(accept, IssueCodes.DuplicateProperty, `\`${property}\` is given more than once here; only the last one counts: remove this one or the other.`, { node, range: occurrence.range });
            }
        }
    };

    checkAnnexNotRedeclared = (annex: AnnexControl, accept: ValidationAcceptor): void => {
        if (annex.$document?.uri.scheme !== 'builtin') {
            report(accept, IssueCodes.SyntaxError, `Annex A controls are built in: reference ${annex.name} where it is used, and declare the organisation's own controls with \`control\`.`, { node: annex, keyword: 'annex' });
        }
    };
}

function fileName(node: AstNode): string {
    let root: AstNode = node;
    while (root.$container) {
        root = root.$container;
    }
    return root.$document?.uri.path.split('/').pop() ?? 'another file';
}

function capitalise(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
