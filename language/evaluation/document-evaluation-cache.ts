/**
 * The language server's memory of each document's part of the evaluation, so that a
 * keystroke re-evaluates the risks of the documents it can affect and no others.
 *
 * When a part is stale follows the document builder (workspace/risk-document-builder.ts),
 * one notion of what a change affects for validation and evaluation alike:
 *
 * - a changed document gets a new AST root: its outline (declarations, IDs) is new;
 * - the builder relinks every document that refers to a changed or deleted one at any
 *   distance (a risk `on` a supporting asset that `supports` a primary asset declared in a
 *   third file), and the documents with unresolved references: everything a risk's
 *   evaluation reads through references (likelihood and impact values, levels, roles and
 *   their authority, assets, scopes) is only read again in a relinked document. So the
 *   nodes a document refers to and its risk evaluations hold as long as the document was
 *   not linked again;
 * - what a risk's evaluation reads without a reference of its own document: the method
 *   (scores, levels, appetite, cadences, terms), the sole scope of risks without `scope`,
 *   the as-of date, and what the builder re-validates every file for (the method's text,
 *   the roles' authority and the scopes: workspace/validation-context.ts). When one of
 *   them differs, every risk is evaluated again.
 */
import { AstUtils, DocumentState, type AstNode, type LangiumDocument, type LangiumSharedCoreServices } from 'langium';
import type { Method, Scope } from '../generated/ast.js';
import type { IsoDate } from './dates.js';
import { outlineOf, referencedBy, type DocumentOutline } from './document-evaluation.js';
import type { RiskEvaluation } from './risk-evaluation.js';

/** What every risk's evaluation reads from outside its own document's references. */
export interface EvaluationContextKey {
    readonly asOf: IsoDate;
    /** The analysed method (the first one). */
    readonly method?: Method;
    /**
     * The link its document last went through: the method's own references (`appetite`,
     * matrix cells, cadences name levels) may resolve into another document.
     */
    readonly methodLink?: number;
    readonly soleScope?: Scope;
    /** workspace/validation-context.ts over the model's documents. */
    readonly validationContext: string;
}

function sameContext(a: EvaluationContextKey, b: EvaluationContextKey): boolean {
    return a.asOf === b.asOf && a.method === b.method && a.methodLink === b.methodLink && a.soleScope === b.soleScope && a.validationContext === b.validationContext;
}

interface DocumentParts {
    readonly outline: DocumentOutline;
    /** The link of the document they were computed after (see linkCount). */
    referenced?: { readonly link: number; readonly nodes: ReadonlySet<AstNode> };
    risks?: { readonly link: number; readonly context: EvaluationContextKey; readonly evaluations: readonly RiskEvaluation[] };
}

export class DocumentEvaluationCache {
    /** By AST root: a changed document gets a new root, and the parts of the old one go with it. */
    private readonly parts = new WeakMap<AstNode, DocumentParts>();
    /** Which link of the workspace each document last went through; a relinked document gets a new one. */
    private readonly linkCount = new WeakMap<LangiumDocument, number>();
    private links = 0;

    constructor(shared: LangiumSharedCoreServices) {
        shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Linked, document => {
            this.linkCount.set(document, ++this.links);
        });
    }

    contextKey(asOf: IsoDate, method: Method | undefined, soleScope: Scope | undefined, validationContext: string): EvaluationContextKey {
        const methodDocument = method && AstUtils.findRootNode(method).$document;
        return { asOf, method, methodLink: methodDocument && this.linkCount.get(methodDocument), soleScope, validationContext };
    }

    outline(document: LangiumDocument): DocumentOutline {
        return this.partsOf(document).outline;
    }

    /**
     * The nodes the document's references resolve to. `cacheable` is false while some document
     * of the model is not linked yet: what is read then is not kept.
     */
    referenced(document: LangiumDocument, cacheable: boolean): ReadonlySet<AstNode> {
        const parts = this.partsOf(document);
        const link = this.linkCount.get(document);
        if (parts.referenced && parts.referenced.link === link) {
            return parts.referenced.nodes;
        }
        const nodes = referencedBy(document);
        if (cacheable && link !== undefined) {
            parts.referenced = { link, nodes };
        }
        return nodes;
    }

    /** The evaluations of the document's risks in `context`: the kept ones while they hold, else `evaluate()`. */
    risks(document: LangiumDocument, context: EvaluationContextKey, cacheable: boolean, evaluate: () => readonly RiskEvaluation[]): readonly RiskEvaluation[] {
        const parts = this.partsOf(document);
        const link = this.linkCount.get(document);
        const kept = parts.risks;
        if (kept && kept.link === link && sameContext(kept.context, context)) {
            return kept.evaluations;
        }
        const evaluations = evaluate();
        if (cacheable && link !== undefined) {
            parts.risks = { link, context, evaluations };
        }
        return evaluations;
    }

    private partsOf(document: LangiumDocument): DocumentParts {
        const root = document.parseResult.value;
        let parts = this.parts.get(root);
        if (!parts) {
            parts = { outline: outlineOf(document) };
            this.parts.set(root, parts);
        }
        return parts;
    }
}
