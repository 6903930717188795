/**
 * The evaluated view of one model (the documents of one model folder,
 * workspace/model-boundaries.ts), computed once per workspace state, model and as-of
 * date, and shared by validation, editor features and exports.
 *
 * It is joined from each document's part (document-evaluation.ts). In the language
 * server the parts are kept across changes (document-evaluation-cache.ts), so that a
 * keystroke re-evaluates only the risks of the documents it can affect; a one-shot run
 * (the CLI, `batch`) evaluates once and keeps nothing.
 */
import { AstUtils, DocumentState, isAstNode, MultiMap, WorkspaceCache, type AstNode, type LangiumDocument } from 'langium';
import type { LangiumSharedCoreServices } from 'langium';
import type { Method, Risk, Scope } from '../generated/ast.js';
import type { ModelBoundaries, ModelPlace } from '../workspace/model-boundaries.js';
import type { RiskSettings } from '../workspace/risk-settings.js';
import { validationContext } from '../workspace/validation-context.js';
import { evaluateApplicability, type ApplicabilityEvaluation } from './applicability.js';
import type { IsoDate } from './dates.js';
import { DocumentEvaluationCache } from './document-evaluation-cache.js';
import { outlineOf, referencedBy, type DocumentOutline } from './document-evaluation.js';
import { MethodModel } from './method-model.js';
import { evaluateRisk, type RiskContext, type RiskEvaluation } from './risk-evaluation.js';

/** The nodes some reference of the model resolves to: asked one by one (`unused`), listed only by tests. */
export interface ReferencedNodes extends Iterable<AstNode> {
    has(node: AstNode): boolean;
}

export interface ModelEvaluation {
    readonly asOf: IsoDate;
    /** Every `method` block of the model; exactly one is expected. */
    readonly methods: readonly Method[];
    /** The analysed method: the first one when there are several. */
    readonly method?: MethodModel;
    readonly scopes: readonly Scope[];
    readonly risks: readonly RiskEvaluation[];
    evaluationOf(risk: Risk): RiskEvaluation | undefined;
    /** Declarations of the shared namespace by ID, across all files. */
    readonly declarationsById: MultiMap<string, AstNode>;
    /** The nodes some reference of the model resolves to. */
    readonly referenced: ReferencedNodes;
    /** The Statement of Applicability decision of every Annex A control (section 11.1). */
    readonly applicability: ApplicabilityEvaluation;
}

export interface ModelEvaluatorOptions {
    /** Keep each document's part across changes (the language server); off for one-shot runs. */
    readonly incremental: boolean;
}

export class ModelEvaluator {
    /** By model root and as-of date. */
    private readonly cache: WorkspaceCache<string, ModelEvaluation>;
    /**
     * The evaluation each file's nodes last asked for: rules ask for every declaration and
     * risk (20,000 times per keystroke at 10,000 risks), and finding the model of a node
     * by its URI each time cost more than the rule. Dropped with the main cache.
     */
    private readonly byRoot: WorkspaceCache<AstNode, { readonly asOf: IsoDate; readonly models: object; readonly evaluation: ModelEvaluation }>;
    private readonly documentCache?: DocumentEvaluationCache;

    constructor(shared: LangiumSharedCoreServices, private readonly settings: RiskSettings, private readonly boundaries: ModelBoundaries, options: ModelEvaluatorOptions = { incremental: true }) {
        this.cache = new WorkspaceCache(shared);
        this.byRoot = new WorkspaceCache(shared);
        this.documentCache = options.incremental ? new DocumentEvaluationCache(shared) : undefined;
    }

    /** The model that `place` (a node, a document, a file's or folder's URI) belongs to, evaluated on the configured as-of date. */
    evaluate(place: ModelPlace, asOf: IsoDate = this.settings.asOf()): ModelEvaluation {
        if (!isAstNode(place)) {
            return this.evaluateModelOf(place, asOf);
        }
        const root = AstUtils.findRootNode(place);
        const kept = this.byRoot.get(root);
        const models = this.boundaries.stamp();
        if (kept?.asOf === asOf && kept.models === models) {
            return kept.evaluation;
        }
        const evaluation = this.evaluateModelOf(place, asOf);
        this.byRoot.set(root, { asOf, models, evaluation });
        return evaluation;
    }

    private evaluateModelOf(place: ModelPlace, asOf: IsoDate): ModelEvaluation {
        const { root, documents } = this.boundaries.modelOf(place);
        return this.cache.get(`${asOf} ${root}`, () => this.compute(documents, asOf));
    }

    /**
     * Evaluates the risks of one document. Every evaluation of a risk goes through here: what a
     * change costs is how many documents' risks it sends here again.
     */
    evaluateRisks(risks: readonly Risk[], context: RiskContext): RiskEvaluation[] {
        return risks.map(risk => evaluateRisk(risk, context));
    }

    private compute(documents: readonly LangiumDocument[], asOf: IsoDate): ModelEvaluation {
        const outlines = documents.map(document => this.outlineOf(document));
        const methods = outlines.flatMap(outline => outline.methods);
        const scopes = outlines.flatMap(outline => outline.scopes);
        const method = methods.length > 0 ? new MethodModel(methods[0]) : undefined;
        const soleScope = scopes.length === 1 ? scopes[0] : undefined;
        const context: RiskContext = { method, asOf, soleScope };
        // Kept parts are valid only for documents that finished linking; during a build a
        // request may evaluate a workspace that is half linked: computed, not kept.
        const cacheable = documents.every(document => document.state >= DocumentState.Linked);
        const kept = this.documentCache;
        const key = kept?.contextKey(asOf, methods[0], soleScope, validationContext(documents));
        const risksByDocument = documents.map((document, index) => {
            const evaluate = () => this.evaluateRisks(outlines[index].risks, context);
            return kept && key ? kept.risks(document, key, cacheable, evaluate) : evaluate();
        });
        const risks = risksByDocument.flat();
        const byRoot = new Map(documents.map((document, index) => [document.parseResult.value, risksByDocument[index]]));
        const byRisk = new Map<Risk, RiskEvaluation>();
        const indexed = new Set<AstNode>();
        let declarationsById: MultiMap<string, AstNode> | undefined;
        let referenced: ReferencedNodes | undefined;
        let applicability: ApplicabilityEvaluation | undefined;
        const referencedOf = (document: LangiumDocument) => this.documentCache?.referenced(document, cacheable) ?? referencedBy(document);
        return {
            asOf,
            methods,
            method,
            scopes,
            risks,
            evaluationOf: risk => {
                // Indexed a document at a time, on demand: a request about one risk indexes its document only.
                const root = risk.$container;
                const evaluations = root ? byRoot.get(root) : undefined;
                if (evaluations && !indexed.has(root)) {
                    evaluations.forEach(evaluation => byRisk.set(evaluation.risk, evaluation));
                    indexed.add(root);
                }
                return byRisk.get(risk);
            },
            // Joined on first use: most requests read neither.
            get declarationsById() {
                declarationsById ??= joinDeclarations(outlines);
                return declarationsById;
            },
            get referenced() {
                // Each file's set is kept while the file is not linked again: a keystroke
                // gathers one file's references, not the model's (about 150,000 at 10,000 risks).
                if (!referenced) {
                    const sets = documents.map(referencedOf);
                    referenced = {
                        has: node => sets.some(set => set.has(node)),
                        [Symbol.iterator]: () => new Set(sets.flatMap(set => [...set])).values()
                    };
                }
                return referenced;
            },
            // Only the SoA rules and export need it: computed on first use.
            get applicability() {
                applicability ??= evaluateApplicability(outlines.flatMap(outline => outline.applicabilities), outlines.flatMap(outline => outline.controls), risks);
                return applicability;
            }
        };
    }

    private outlineOf(document: LangiumDocument): DocumentOutline {
        return this.documentCache?.outline(document) ?? outlineOf(document);
    }
}

function joinDeclarations(outlines: readonly DocumentOutline[]): MultiMap<string, AstNode> {
    const byId = new MultiMap<string, AstNode>();
    for (const outline of outlines) {
        for (const [id, node] of outline.declarations) {
            byId.add(id, node);
        }
    }
    return byId;
}
