/**
 * What the fixes of one code-action request look up in the whole model, each found once
 * and shared: asked once per diagnostic, the lookups made a request for a few thousand
 * diagnostics quadratic (seconds on a 137 KB file).
 */
import type { LangiumDocument } from 'langium';
import { isRole, type Model, type Role } from '../../generated/ast.js';
import type { RiskServices } from '../../risk-module.js';
import { modelDocuments } from './quick-fix.js';

export class ModelFacts {
    private cachedDocuments?: ReadonlyArray<LangiumDocument<Model>>;
    private cachedRoles?: readonly Role[];
    private readonly referencesByOffset = new Map<LangiumDocument, Map<number, LangiumDocument['references'][number]>>();
    private readonly declarationCounts = new Map<LangiumDocument, Map<string, number>>();

    constructor(private readonly services: RiskServices) {}

    /** The model's own documents, by path: the same order from whichever file a fix is asked. */
    get documents(): ReadonlyArray<LangiumDocument<Model>> {
        return this.cachedDocuments ??= modelDocuments(this.services);
    }

    /** Every role of the model, files by path, roles in file order. */
    get roles(): readonly Role[] {
        return this.cachedRoles ??= this.documents.flatMap(document => document.parseResult.value.elements.filter(isRole));
    }

    /** The reference whose name starts at the offset. */
    referenceAt(document: LangiumDocument, offset: number): LangiumDocument['references'][number] | undefined {
        let byOffset = this.referencesByOffset.get(document);
        if (!byOffset) {
            byOffset = new Map();
            for (const reference of document.references) {
                if (reference.$refNode && !byOffset.has(reference.$refNode.offset)) {
                    byOffset.set(reference.$refNode.offset, reference);
                }
            }
            this.referencesByOffset.set(document, byOffset);
        }
        return byOffset.get(offset);
    }

    /** How many top-level declarations of the AST type the document holds. */
    declarationCount(document: LangiumDocument<Model>, type: string): number {
        let counts = this.declarationCounts.get(document);
        if (!counts) {
            counts = new Map();
            for (const element of document.parseResult.value.elements) {
                counts.set(element.$type, (counts.get(element.$type) ?? 0) + 1);
            }
            this.declarationCounts.set(document, counts);
        }
        return counts.get(type) ?? 0;
    }
}
