/**
 * The document builder, minus validation of the built-in Annex A library: its
 * `annex` declarations are the language's own, and validating them as a user's model
 * would report each one (`checkAnnexNotRedeclared`) — in the editor, 93 errors on
 * `builtin:/annex-a.risk` the first time any document changes or the as-of date moves.
 */
import { DefaultDocumentBuilder, type LangiumDocument } from 'langium';
import { isBuiltinDocument } from './builtin-documents.js';

export class RiskDocumentBuilder extends DefaultDocumentBuilder {
    protected override shouldValidate(document: LangiumDocument): boolean {
        return !isBuiltinDocument(document) && super.shouldValidate(document);
    }
}
