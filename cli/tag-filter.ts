/**
 * `risk check --tag`: which findings to report. The language core validated the whole
 * model (model-wide rules such as `unused` and `duplicate-id` need it); the report keeps
 * the findings that lie inside a risk carrying one of the tags.
 */
import { AstUtils, type LangiumDocument } from 'langium';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import type { ModelEvaluation } from '../language/evaluation/model-evaluator.js';
import { hasAnyTag } from '../language/model/tags.js';

export function inTaggedRisks(evaluation: ModelEvaluation, tags: readonly string[]): (document: LangiumDocument, diagnostic: Diagnostic) => boolean {
    const rangesByUri = new Map<string, Range[]>();
    for (const { risk } of evaluation.risks) {
        const range = risk.$cstNode?.range;
        if (range && hasAnyTag(risk, tags)) {
            const uri = AstUtils.getDocument(risk).uri.toString();
            rangesByUri.set(uri, [...rangesByUri.get(uri) ?? [], range]);
        }
    }
    return (document, diagnostic) => (rangesByUri.get(document.uri.toString()) ?? []).some(range => contains(range, diagnostic.range));
}

function contains(outer: Range, inner: Range): boolean {
    const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
    return before(outer.start, inner.start) && before(inner.end, outer.end);
}
