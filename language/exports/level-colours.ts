/**
 * The colours of levels, shared by every coloured deliverable (XLSX, HTML report,
 * Markdown heat map markers) and the editor's Risk Matrix: five steps from the lowest
 * level to the highest, whatever the number of levels, so that a method's top level
 * is always red and its bottom level always green.
 */

export const HEAT_STEPS = 5;

/** 0 (lowest level) … 4 (highest) for the level of `rank` among `levels` levels (rank 0 = lowest). */
export function heatStep(rank: number, levels: number): number {
    const step = levels <= 1 ? 0 : Math.round(rank * (HEAT_STEPS - 1) / (levels - 1));
    return Math.min(HEAT_STEPS - 1, Math.max(0, step));
}

/** Opaque fills, light enough for black text (WCAG AA contrast against #000), lowest step first. */
export const HEAT_FILLS: readonly string[] = ['#8FD19E', '#D2E68A', '#F7DC6F', '#F8B26A', '#F28B82'];

/** The fill of a cell the method gives no level. */
export const NO_LEVEL_FILL = '#E0E0E0';

/** Coloured markers for text-only media (Markdown): green, yellow-green, yellow, orange, red. */
export const HEAT_MARKERS: readonly string[] = ['🟢', '🟡', '🟡', '🟠', '🔴'];

/**
 * The step of a level by its name in `order` (lowest first); null for no level or a
 * name not in the order.
 */
export function levelStep(level: string | null | undefined, order: readonly string[]): number | null {
    const rank = level ? order.indexOf(level) : -1;
    return rank < 0 ? null : heatStep(rank, order.length);
}
