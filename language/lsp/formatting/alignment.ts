/**
 * Column alignment as gofmt's tabwriter does it (elastic tabstops): consecutive lines of
 * one kind at one indentation form an alignment block; within it, a cell that is followed
 * by another cell on its line is padded to the widest such cell of the lines around it
 * that have one too. Trailing comments of consecutive lines then line up with each other.
 * A blank line, a comment line or a change of indentation or kind ends a block.
 */

export interface AlignedToken {
    readonly index: number;
    readonly text: string;
    /** Spaces before the token when it is not the first of its cell. */
    readonly before: number;
}

export interface AlignedLine {
    readonly indent: number;
    readonly blankBefore: boolean;
    /** `unaligned` lines (a comment line, a string over several lines) take part in no block. */
    readonly kind: string;
    readonly gutter: number;
    readonly cells: readonly (readonly AlignedToken[])[];
    readonly comment?: { readonly index: number; readonly text: string };
}

/** The column of every token of the lines that take part in alignment. */
export function alignColumns(lines: readonly AlignedLine[]): Map<number, number> {
    const starts = lines.map(line => [line.indent]);
    for (const block of blocks(lines, (a, b) => a.kind === b.kind)) {
        alignCells(block.map(i => lines[i]), block.map(i => starts[i]));
    }
    // The column each line's comment would take on its own, then the widest of each run of commented lines.
    const commentColumns = lines.map((line, i) => {
        const aligned = starts[i][line.cells.length];
        if (aligned !== undefined) {
            return aligned;
        }
        const lastCell = line.cells.length - 1;
        return (starts[i][lastCell] ?? line.indent) + cellWidth(line.cells[lastCell] ?? []) + line.gutter;
    });
    for (const block of blocks(lines, () => true)) {
        let run: number[] = [];
        const flush = (): void => {
            const column = Math.max(...run.map(i => commentColumns[i]));
            run.forEach(i => (commentColumns[i] = column));
            run = [];
        };
        for (const i of block) {
            if (lines[i].comment) {
                run.push(i);
            } else {
                flush();
            }
        }
        flush();
    }
    const columns = new Map<number, number>();
    lines.forEach((line, i) => {
        if (line.kind === 'unaligned') {
            return;
        }
        line.cells.forEach((cell, c) => {
            let column = starts[i][c];
            cell.forEach((token, t) => {
                column += t === 0 ? 0 : token.before;
                columns.set(token.index, column);
                column += width(token.text);
            });
        });
        if (line.comment) {
            columns.set(line.comment.index, commentColumns[i]);
        }
    });
    return columns;
}

/**
 * Fills in the start column of every cell of a block of lines of one kind: cell `c + 1`
 * starts after cell `c` padded to the widest cell `c` of the neighbouring lines in which
 * cell `c` is followed by something (another cell or a comment).
 */
function alignCells(lines: readonly AlignedLine[], starts: number[][]): void {
    const columnCount = Math.max(...lines.map(line => line.cells.length));
    for (let c = 0; c < columnCount; c++) {
        let run: number[] = [];
        const flush = (): void => {
            const widest = Math.max(0, ...run.map(l => cellWidth(lines[l].cells[c])));
            for (const l of run) {
                starts[l][c + 1] = starts[l][c] + (widest === 0 ? 0 : widest + lines[l].gutter);
            }
            run = [];
        };
        lines.forEach((line, l) => {
            const followed = c < line.cells.length - 1 || (c === line.cells.length - 1 && line.comment !== undefined);
            if (followed) {
                run.push(l);
            } else {
                flush();
            }
        });
        flush();
    }
}

/** Runs of consecutive aligned lines at one indentation, with no blank line between, that `together` accepts. */
function blocks(lines: readonly AlignedLine[], together: (a: AlignedLine, b: AlignedLine) => boolean): number[][] {
    const result: number[][] = [];
    let current: number[] = [];
    lines.forEach((line, i) => {
        const previous = current.length > 0 ? lines[current[current.length - 1]] : undefined;
        if (line.kind === 'unaligned' || !previous || line.blankBefore || line.indent !== previous.indent || !together(previous, line)) {
            if (current.length > 0) {
                result.push(current);
            }
            current = line.kind === 'unaligned' ? [] : [i];
            return;
        }
        current.push(i);
    });
    if (current.length > 0) {
        result.push(current);
    }
    return result;
}

function cellWidth(cell: readonly AlignedToken[]): number {
    return cell.reduce((sum, token, t) => sum + width(token.text) + (t === 0 ? 0 : token.before), 0);
}

/** Columns a text takes: one per code point. */
export function width(text: string): number {
    let count = 0;
    for (const _ of text) {
        count++;
    }
    return count;
}
