import type { Matrix, MatrixCell, MatrixRowLabel } from '../generated/ast.js';
import { isMatrixRowLabel } from '../generated/ast.js';

export interface MatrixRow {
    readonly label: MatrixRowLabel;
    readonly cells: readonly MatrixCell[];
}

export interface MatrixRows {
    readonly rows: readonly MatrixRow[];
    /** Cells written before the first row label: they belong to no row. */
    readonly strayCells: readonly MatrixCell[];
}

/** Groups the matrix's flat list of labels and cells into rows. */
export function matrixRows(matrix: Matrix): MatrixRows {
    const rows: Array<{ label: MatrixRowLabel; cells: MatrixCell[] }> = [];
    const strayCells: MatrixCell[] = [];
    for (const entry of matrix.entries) {
        if (isMatrixRowLabel(entry)) {
            rows.push({ label: entry, cells: [] });
        } else {
            (rows.at(-1)?.cells ?? strayCells).push(entry);
        }
    }
    return { rows, strayCells };
}
