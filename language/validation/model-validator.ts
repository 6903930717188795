/**
 * Rules about the model as a whole: one method, unique IDs, real dates, no property
 * written twice, and declarations that nothing uses.
 */
import { AstUtils, GrammarAST, isCompositeCstNode, MultiMap, type AstNode, type CstNode, type ValidationAcceptor } from 'langium';
import { isAcceptance, isAsset, isMethod, isRisk, type Acceptance, type Action, type AnnexControl, type Approval, type Model, type Risk, type Treatment } from '../generated/ast.js';
import { whyNotRealDate } from '../evaluation/dates.js';
import type { ModelEvaluator } from '../evaluation/model-evaluator.js';
import { IssueCodes } from './issue-codes.js';
import { nounOf } from './declaration-nouns.js';
import { placeOf } from './places.js';
import { report } from './report.js';

type NamedDeclaration = AstNode & { name?: string };

/** Where a declaration of each kind is meant to be named. */
const USE_HINTS: Record<string, string> = {
    Role: 'name it as an `owner`, in `by` or in `approved by`',
    Asset: 'name it in a risk (`on`, `harms`), a vulnerability (`on`) or a supporting asset (`supports`)',
    Threat: 'name it in a risk\'s `threat`',
    Vulnerability: 'name it in a risk\'s `exploits`',
    Control: 'name it in the `controls` of a risk or an action'
};

export class ModelValidator {
    constructor(private readonly evaluator: ModelEvaluator) {}

    checkMethodCount = (model: Model, accept: ValidationAcceptor): void => {
        const { methods } = this.evaluator.evaluate(model);
        if (methods.length === 0) {
            // Reported once per file that needs a method: the first risk or asset of the file.
            const needy = model.elements.find(element => isRisk(element) || isAsset(element));
            if (needy) {
                report(accept, IssueCodes.MethodMissing, 'The model has no method, so risks cannot be scored: add a `method` block with scales, levels and `accept { appetite … }` to any .risk file of the model.', { node: needy, property: 'name' });
            }
        } else if (methods.length > 1) {
            for (const method of model.elements.filter(isMethod)) {
                const others = methods.filter(other => other !== method).map(other => `"${other.title}" ${placeOf(other, method)}`);
                report(accept, IssueCodes.MethodDuplicate, `The model has ${methods.length} methods; exactly one is allowed (the other${others.length === 1 ? ' is' : 's are'} ${others.join(', ')}): keep one \`method\` block and remove the others.`, { node: method, property: 'title' });
            }
        }
    };

    checkUniqueId = (declaration: NamedDeclaration, accept: ValidationAcceptor): void => {
        if (!declaration.name) {
            return;
        }
        const twins = this.evaluator.evaluate(declaration).declarationsById.get(declaration.name);
        if (twins.length > 1) {
            const others = twins.filter(twin => twin !== declaration).map(twin => `${nounOf(twin.$type) ?? twin.$type.toLowerCase()} ${placeOf(twin, declaration)}`);
            report(accept, IssueCodes.DuplicateId, `\`${declaration.name}\` is declared ${twins.length} times (also as ${others.join(', ')}); IDs are shared by roles, scopes, assets, threats, vulnerabilities, controls, risks and actions: rename one.`, { node: declaration, property: 'name' });
        }
    };

    checkUsed = (declaration: NamedDeclaration, accept: ValidationAcceptor): void => {
        if (declaration.name && !this.evaluator.evaluate(declaration).referenced.has(declaration)) {
            const noun = nounOf(declaration.$type)!;
            report(accept, IssueCodes.Unused, `${capitalise(noun)} \`${declaration.name}\` is referenced by nothing: ${USE_HINTS[declaration.$type] ?? 'use it in a risk'}, or remove it.`, { node: declaration, property: 'name' });
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
        this.checkDate(action, 'completed', action.completed, accept);
    };

    checkReviewedDate = (risk: Risk, accept: ValidationAcceptor): void => {
        this.checkDate(risk, 'reviewed', risk.reviewed, accept);
        this.checkDate(risk, 'identified', risk.identified, accept);
    };

    checkDeferralDate = (treatment: Treatment, accept: ValidationAcceptor): void => {
        this.checkDate(treatment, 'until', treatment.until, accept);
    };

    private checkDate(node: AstNode, property: string, date: string | undefined, accept: ValidationAcceptor): void {
        const why = date === undefined ? undefined : whyNotRealDate(date);
        if (why) {
            report(accept, IssueCodes.InvalidDate, `${date} is not a date in the calendar (${why}): write a real date as YYYY-MM-DD.`, { node, property });
        }
    }

    /** A single-valued property written twice keeps only the last value: say so instead of losing the first. */
    checkNoDuplicateProperty = (node: AstNode, accept: ValidationAcceptor): void => {
        // One pass over the node's own tokens and sub-rules (not findNodesForProperty per
        // property, which walks the whole subtree each time and dominated large checks).
        // A declaration parsed through an unassigned rule call (`Element: Role | Risk | …`)
        // has its tokens one composite node deeper: descend into composites of the same node.
        const occurrences = new MultiMap<string, { keyword?: CstNode; value: CstNode }>();
        const collect = (cst: CstNode | undefined): void => {
            const content = isCompositeCstNode(cst) ? cst.content : [];
            content.forEach((child, index) => {
                const assignment = assignmentOf(child.grammarSource);
                if (assignment) {
                    if (assignment.operator === '=' && !(isAcceptance(node) && CLAUSE_OF_BY.has(assignment.feature))) {
                        const previous = content[index - 1];
                        const keyword = previous && GrammarAST.isKeyword(previous.grammarSource) && /^[a-z]/.test(previous.text) ? previous : undefined;
                        occurrences.add(assignment.feature, { keyword, value: child });
                    }
                } else if (isCompositeCstNode(child) && child.astNode === node) {
                    collect(child);
                }
            });
        };
        collect(node.$cstNode);
        for (const [property, nodes] of occurrences.entriesGroupedByKey()) {
            if (nodes.length < 2) {
                continue;
            }
            const times = nodes.length === 2 ? 'twice' : `${nodes.length} times`;
            for (const { keyword, value } of nodes.slice(0, -1)) {
                const label = propertyLabel(property, keyword, value, node);
                const range = { start: (keyword ?? value).range.start, end: value.range.end };
                report(accept, IssueCodes.DuplicateProperty, `${label} is given ${times} in ${blockName(node)}; only the last one counts: remove this one or the other.`, { node, range });
            }
        }
    };

    checkAnnexNotRedeclared = (annex: AnnexControl, accept: ValidationAcceptor): void => {
        if (annex.$document?.uri.scheme !== 'builtin') {
            report(accept, IssueCodes.SyntaxError, `Annex A controls are built in: reference ${annex.name} where it is used, and declare the organisation's own controls with \`control\`.`, { node: annex, keyword: 'annex' });
        }
    };
}

/** In an acceptance `by ROLE on DATE until DATE` is one clause, reported under `by`. */
const CLAUSE_OF_BY = new Set(['on', 'until']);

/** How the user wrote the property: its keyword, not the name it has in the syntax tree. */
function propertyLabel(property: string, keyword: CstNode | undefined, value: CstNode, node: AstNode): string {
    if (isAcceptance(node) && property === 'by') {
        return '`by … on …`';
    }
    if (property === 'approval') {
        return '`approved by … on …`';
    }
    if (property === 'category') {
        return 'The asset category (`primary …` or `supporting …`)';
    }
    if (property === 'justification') {
        return 'The justification';
    }
    if (keyword) {
        return `\`${keyword.text}\``;
    }
    const firstWord = /^[a-z]+/.exec(value.text)?.[0];
    return `\`${firstWord ?? property}\``;
}

function blockName(node: AstNode): string {
    const name = (node as NamedDeclaration).name;
    const noun = nounOf(node.$type);
    if (noun && name) {
        return `${noun} ${name}`;
    }
    switch (node.$type) {
        case 'Method': return 'the method';
        case 'AcceptCriteria': return 'the `accept` block';
        case 'Acceptance': return 'this acceptance';
        default: return noun ? `this ${noun}` : 'this block';
    }
}

function capitalise(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

const ASSIGNMENTS = new WeakMap<GrammarAST.AbstractElement, GrammarAST.Assignment | null>();

/** The grammar assignment a parsed element belongs to; grammar elements are few, parsed nodes many. */
function assignmentOf(element: GrammarAST.AbstractElement | undefined): GrammarAST.Assignment | undefined {
    if (!element) {
        return undefined;
    }
    let assignment = ASSIGNMENTS.get(element);
    if (assignment === undefined) {
        assignment = AstUtils.getContainerOfType(element, GrammarAST.isAssignment) ?? null;
        ASSIGNMENTS.set(element, assignment);
    }
    return assignment ?? undefined;
}
