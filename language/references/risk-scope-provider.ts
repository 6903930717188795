/**
 * References resolve within their own model (workspace/model-boundaries.ts) and the
 * built-in Annex A library: two models in one workspace may use the same IDs, and a
 * risk of one never links to a threat, a control or a scale value of the other.
 */
import { AstUtils, DefaultScopeProvider, MultiMapScope, WorkspaceCache, type ReferenceInfo, type Scope } from 'langium';
import type { RiskServices } from '../risk-module.js';
import type { ModelBoundaries } from '../workspace/model-boundaries.js';

export class RiskScopeProvider extends DefaultScopeProvider {
    private readonly boundaries: ModelBoundaries;
    /** By model root and reference type. */
    private readonly modelScopes: WorkspaceCache<string, Scope>;

    constructor(services: RiskServices) {
        super(services);
        this.boundaries = services.evaluation.ModelBoundaries;
        this.modelScopes = new WorkspaceCache(services.shared);
    }

    protected override getGlobalScope(referenceType: string, context: ReferenceInfo): Scope {
        const model = this.boundaries.modelOf(AstUtils.getDocument(context.container));
        return this.modelScopes.get(`${referenceType} ${model.root}`,
            () => new MultiMapScope(this.indexManager.allElements(referenceType, model.visibleUris as Set<string>)));
    }
}
