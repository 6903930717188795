/**
 * Text that is safe inside a GitHub-flavoured Markdown table cell: a hostile title
 * can neither end its cell nor its row, nor inject HTML or Markdown syntax.
 */

/**
 * Escapes `&`, `<` and `>` as HTML entities; backslash, backtick, `*`, `_`, `[`, `]`,
 * `~` and `|` with a backslash; and writes line breaks as `<br>`.
 */
export function escapeMarkdown(text: string): string {
    return text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/[\\`*_[\]~|]/g, '\\$&')
        .replace(/\r\n|\r|\n/g, '<br>');
}

export type Alignment = 'left' | 'right' | 'center';

const DELIMITERS: Readonly<Record<Alignment, string>> = { left: '---', right: '---:', center: ':---:' };

/** A GFM table; every header and cell is escaped here. */
export function markdownTable(headers: readonly string[], rows: ReadonlyArray<readonly string[]>, alignments: readonly Alignment[] = []): string {
    const line = (cells: readonly string[]) => `|${cells.map(cell => (cell === '' ? ' ' : ` ${escapeMarkdown(cell)} `)).join('|')}|`;
    return [
        line(headers),
        `| ${headers.map((_, index) => DELIMITERS[alignments[index] ?? 'left']).join(' | ')} |`,
        ...rows.map(line)
    ].join('\n');
}
