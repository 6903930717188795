/**
 * The evaluated view of one model (the documents of one model folder,
 * workspace/model-boundaries.ts), computed once per workspace state, model and as-of
 * date, and shared by validation, editor features and exports.
 */
import { MultiMap, WorkspaceCache, type AstNode, type LangiumDocument } from 'langium';
import type { LangiumSharedCoreServices } from 'langium';
import { isAnnexControl, isApplicability, isControl, isMethod, isModel, isRisk, isScope, type Method, type Model, type Risk, type Scope } from '../generated/ast.js';
import { actionsOf } from '../model/risk-parts.js';
import type { ModelBoundaries, ModelPlace } from '../workspace/model-boundaries.js';
import type { RiskSettings } from '../workspace/risk-settings.js';
import { evaluateApplicability, type ApplicabilityEvaluation } from './applicability.js';
import type { IsoDate } from './dates.js';
import { MethodModel } from './method-model.js';
import { evaluateRisk, type RiskEvaluation } from './risk-evaluation.js';

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
    /** Every node some reference of the model resolves to. */
    readonly referenced: ReadonlySet<AstNode>;
    /** The Statement of Applicability decision of every Annex A control (section 11.1). */
    readonly applicability: ApplicabilityEvaluation;
}

export class ModelEvaluator {
    /** By model root and as-of date. */
    private readonly cache: WorkspaceCache<string, ModelEvaluation>;

    constructor(shared: LangiumSharedCoreServices, private readonly settings: RiskSettings, private readonly boundaries: ModelBoundaries) {
        this.cache = new WorkspaceCache(shared);
    }

    /** The model that `place` (a node, a document, a file's or folder's URI) belongs to, evaluated on the configured as-of date. */
    evaluate(place: ModelPlace, asOf: IsoDate = this.settings.asOf()): ModelEvaluation {
        const { root, documents } = this.boundaries.modelOf(place);
        return this.cache.get(`${asOf} ${root}`, () => this.compute(documents, asOf));
    }

    private compute(documents: readonly LangiumDocument[], asOf: IsoDate): ModelEvaluation {
        const models = documents.map(document => document.parseResult.value).filter(isModel);
        const elements = models.flatMap(model => model.elements);
        const methods = elements.filter(isMethod);
        const scopes = elements.filter(isScope);
        const method = methods.length > 0 ? new MethodModel(methods[0]) : undefined;
        const context = { method, asOf, soleScope: scopes.length === 1 ? scopes[0] : undefined };
        // A risk without an ID (`risk` just typed) is a syntax error, not a risk: nothing can
        // refer to it, rank it or accept it, so it stays out of the evaluated model.
        const risks = elements.filter(isRisk).filter(risk => risk.name !== undefined).map(risk => evaluateRisk(risk, context));
        const byRisk = new Map(risks.map(evaluation => [evaluation.risk, evaluation]));
        let applicability: ApplicabilityEvaluation | undefined;
        return {
            asOf,
            methods,
            method,
            scopes,
            risks,
            evaluationOf: risk => byRisk.get(risk),
            declarationsById: collectDeclarations(models),
            referenced: collectReferenced(documents),
            // Only the SoA rules and export need it: computed on first use.
            get applicability() {
                applicability ??= evaluateApplicability(elements.filter(isApplicability), elements.filter(isControl), risks);
                return applicability;
            }
        };
    }
}

function collectDeclarations(models: readonly Model[]): MultiMap<string, AstNode> {
    const byId = new MultiMap<string, AstNode>();
    for (const model of models) {
        for (const element of model.elements) {
            if (isMethod(element) || isAnnexControl(element) || isApplicability(element)) {
                continue;
            }
            if (element.name) {
                byId.add(element.name, element);
            }
            if (isRisk(element)) {
                for (const action of actionsOf(element)) {
                    if (action.name) {
                        byId.add(action.name, action);
                    }
                }
            }
        }
    }
    return byId;
}

function collectReferenced(documents: readonly LangiumDocument[]): Set<AstNode> {
    // The linker lists every reference of a document; walking the AST again would cost more.
    const referenced = new Set<AstNode>();
    for (const document of documents) {
        for (const reference of document.references) {
            const targets = 'ref' in reference ? [reference.ref] : reference.items.map(item => item.ref);
            for (const target of targets) {
                if (target) {
                    referenced.add(target);
                }
            }
        }
    }
    return referenced;
}
