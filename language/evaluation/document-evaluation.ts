/**
 * What one document contributes to the evaluation of its model (model-evaluator.ts):
 * its top-level declarations and the IDs they declare, which only its own text decides,
 * and the nodes its references resolve to, which its linking decides. The evaluator
 * joins the documents' parts into one ModelEvaluation.
 */
import type { AstNode, LangiumDocument } from 'langium';
import { isAnnexControl, isApplicability, isControl, isMethod, isModel, isRisk, isScope, type Applicability, type Control, type Method, type Risk, type Scope } from '../generated/ast.js';
import { actionsOf } from '../model/risk-parts.js';

/** The declarations of one document that the evaluation of its model reads. */
export interface DocumentOutline {
    readonly methods: readonly Method[];
    readonly scopes: readonly Scope[];
    readonly applicabilities: readonly Applicability[];
    readonly controls: readonly Control[];
    /**
     * Its risks that have an ID. A risk without one (`risk` just typed) is a syntax error, not
     * a risk: nothing can refer to it, rank it or accept it, so it stays out of the evaluated model.
     */
    readonly risks: readonly Risk[];
    /** Its declarations of the shared namespace, by ID, in the order written. */
    readonly declarations: ReadonlyArray<readonly [string, AstNode]>;
}

export function outlineOf(document: LangiumDocument): DocumentOutline {
    const model = document.parseResult.value;
    const outline = { methods: [] as Method[], scopes: [] as Scope[], applicabilities: [] as Applicability[], controls: [] as Control[], risks: [] as Risk[], declarations: [] as Array<[string, AstNode]> };
    if (!isModel(model)) {
        return outline;
    }
    for (const element of model.elements) {
        if (isMethod(element)) {
            outline.methods.push(element);
        } else if (isScope(element)) {
            outline.scopes.push(element);
        } else if (isApplicability(element)) {
            outline.applicabilities.push(element);
        } else if (isControl(element)) {
            outline.controls.push(element);
        } else if (isRisk(element) && element.name !== undefined) {
            outline.risks.push(element);
        }
        if (isMethod(element) || isAnnexControl(element) || isApplicability(element)) {
            continue;
        }
        if (element.name) {
            outline.declarations.push([element.name, element]);
        }
        if (isRisk(element)) {
            for (const action of actionsOf(element)) {
                if (action.name) {
                    outline.declarations.push([action.name, action]);
                }
            }
        }
    }
    return outline;
}

/** Every node a reference of the document resolves to. */
export function referencedBy(document: LangiumDocument): ReadonlySet<AstNode> {
    // The linker lists every reference of a document; walking the AST again would cost more.
    const referenced = new Set<AstNode>();
    for (const reference of document.references) {
        if ('ref' in reference) {
            if (reference.ref) {
                referenced.add(reference.ref);
            }
        } else {
            for (const item of reference.items) {
                if (item.ref) {
                    referenced.add(item.ref);
                }
            }
        }
    }
    return referenced;
}
