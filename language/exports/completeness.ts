/**
 * Whether an export shows the whole model. Some errors leave parts of the model
 * unevaluated (text that does not parse, names that do not resolve, a method that
 * cannot be used): the export is still written, with what could be evaluated, and
 * the user is told. Errors such as `unaccepted-residual` are content of the export,
 * not a gap in it.
 */
import type { LangiumDocument } from 'langium';
import { IssueCodes, type IssueCode } from '../validation/issue-codes.js';
import { isBuiltinDocument } from '../workspace/builtin-documents.js';

/**
 * Errors that leave text unparsed or read by a guess (a file that is not UTF-8), names
 * unresolved or the method unusable: cells of the export may be empty or wrong.
 */
export const INCOMPLETE_EXPORT_CODES: ReadonlySet<string> = new Set<IssueCode>([
    IssueCodes.SyntaxError, IssueCodes.EncodingInvalid, IssueCodes.UnresolvedReference, IssueCodes.ValueOutOfScale, IssueCodes.UnknownControl,
    IssueCodes.InvalidDate, IssueCodes.DuplicateId, IssueCodes.DuplicateProperty, IssueCodes.MethodMissing, IssueCodes.MethodDuplicate,
    IssueCodes.ScaleInvalid, IssueCodes.LevelOverlap, IssueCodes.LevelUncovered, IssueCodes.MatrixInvalid, IssueCodes.AppetiteMissing
]);

/** The names the warnings give each export. */
export const EXPORT_NAMES = { register: 'risk register', plan: 'treatment plan', soa: 'Statement of Applicability' } as const;

/** How many diagnostics of the model's own documents leave parts of it unevaluated. */
export function countIncompleteErrors(documents: Iterable<LangiumDocument>): number {
    let count = 0;
    for (const document of documents) {
        if (!isBuiltinDocument(document)) {
            count += (document.diagnostics ?? []).filter(diagnostic => INCOMPLETE_EXPORT_CODES.has(String(diagnostic.code))).length;
        }
    }
    return count;
}

/** `the model has 2 errors that leave parts of it unevaluated; the risk register shows what could be evaluated` */
export function incompleteExportText(errors: number, kind: keyof typeof EXPORT_NAMES): string {
    return `the model has ${errors} error${errors === 1 ? '' : 's'} that leave${errors === 1 ? 's' : ''} parts of it unevaluated; the ${EXPORT_NAMES[kind]} shows what could be evaluated`;
}
