import { DefaultIndexManager, type LangiumDocument } from 'langium';

/**
 * For one-shot runs (the CLI, exports): no index of references. It only serves editor
 * features (find references, rename, what to rebuild after an edit), and building it
 * costs a tenth of a large check. The model's own `unused` rule reads references from
 * the linker, not from this index.
 */
export class BatchIndexManager extends DefaultIndexManager {
    override async updateReferences(_document: LangiumDocument): Promise<void> {
        // Nothing to keep: the run ends after one build.
    }
}
