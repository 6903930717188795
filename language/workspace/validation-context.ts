/**
 * What a file's own rules read from other files without referring to them: the method
 * (scores, levels, appetite, review cadences, acceptance term), the roles' authority and
 * the scopes (a risk without `scope` belongs to the sole scope). A file that refers to a
 * changed file is linked and validated again anyway; this covers the rest. While it stays
 * the same, a file that no edit touched keeps the findings of its own rules, and only the
 * model-wide rules (MODEL_WIDE_CATEGORY) run on it again. The evaluator keeps each
 * file's risk evaluations on the same terms (evaluation/document-evaluation-cache.ts).
 */
import type { LangiumDocument } from 'langium';
import { isMethod, isModel, isRole, isScope } from '../generated/ast.js';
import { isBuiltinDocument } from './builtin-documents.js';

/**
 * The validation category of the rules whose findings in a file depend on every other
 * file of the model: unique IDs, `unused`, the method count and the Statement of
 * Applicability. They run on every file after every change.
 */
export const MODEL_WIDE_CATEGORY = 'model';

/** The categories of a file's own rules: syntax, linking (`built-in`) and every rule that reads the file alone (`fast`). */
export const OWN_CATEGORIES = ['built-in', 'fast'] as const;

/** A text that changes whenever something a file's own rules read from other files changes. */
export function validationContext(documents: Iterable<LangiumDocument>): string {
    const parts: string[] = [];
    for (const document of documents) {
        const model = document.parseResult.value;
        if (isBuiltinDocument(document) || !isModel(model)) {
            continue;
        }
        for (const element of model.elements) {
            if (isMethod(element)) {
                parts.push(`method ${element.$cstNode?.text ?? ''}`);
            } else if (isRole(element)) {
                parts.push(`role ${element.name} ${element.management ? 'management' : ''} ${element.accepts?.$refText ?? ''}`);
            } else if (isScope(element)) {
                parts.push(`scope ${element.name}`);
            }
        }
    }
    return parts.join('\n');
}
