/**
 * How values of the model become cells: scale values as `3 Likely`, lists joined
 * with `, `, yes/no, references by ID, source locations. Shared by every export so
 * that the same value reads the same everywhere.
 */
import { AstUtils, type AstNode, type Reference } from 'langium';
import { isAbsolute, relative, sep } from 'node:path';
import type { ImpactValue, LikelihoodValue, Treatment } from '../generated/ast.js';
import type { ScaleCell } from './table.js';

export const LIST_SEPARATOR = ', ';

export function scaleCell(value: LikelihoodValue | ImpactValue | undefined): ScaleCell | null {
    return value ? { value: value.value, name: value.name } : null;
}

export function scaleText(cell: ScaleCell | null): string {
    return cell ? `${cell.value} ${cell.name}` : '';
}

export function listText(items: readonly string[]): string {
    return items.join(LIST_SEPARATOR);
}

export function yesNo(value: boolean | null): string {
    return value === null ? '' : value ? 'yes' : 'no';
}

export function text(value: string | number | null | undefined): string {
    return value === null || value === undefined ? '' : String(value);
}

/** A reference by the ID it points to, or by what was written when it does not resolve. */
export function refName(reference: Reference<AstNode & { name?: string }> | undefined): string | null {
    if (!reference) {
        return null;
    }
    return reference.ref?.name ?? (reference.$refText || null);
}

export function refNames(references: ReadonlyArray<Reference<AstNode & { name?: string }>>): string[] {
    return references.map(refName).filter((name): name is string => name !== null);
}

/** A treatment option as exports write it: `defer` postpones the decision (section 11.3). */
export type ExportedOption = 'reduce' | 'accept' | 'share' | 'avoid' | 'defer';

/** `transfer` is a synonym of `share` (ISO/IEC 27005:2022 risk sharing): exports use `share`. */
export function treatmentOption(option: Treatment['option']): ExportedOption {
    return option === 'transfer' ? 'share' : option;
}

export { compareIds } from '../model/compare-ids.js';

/** Compares two dates (`YYYY-MM-DD`), an absent one last. */
export function compareDates(a: string | null, b: string | null): number {
    if (a === b) return 0;
    if (a === null) return 1;
    if (b === null) return -1;
    return a < b ? -1 : 1;
}

export interface SourceLocation {
    /** Relative to the base folder with `/` separators, or absolute without one. */
    readonly file: string;
    /** 1-based line of the declaration's first token. */
    readonly line: number | null;
}

export function sourceLocation(node: AstNode, baseDir: string | undefined): SourceLocation {
    const path = AstUtils.getDocument(node).uri.fsPath;
    const file = baseDir && isAbsolute(path) ? relative(baseDir, path) : path;
    const start = node.$cstNode?.range.start.line;
    return { file: sep === '\\' ? file.split(sep).join('/') : file, line: start === undefined ? null : start + 1 };
}
