/** Small markdown helpers for hovers. */

/** The non-empty parts, one paragraph each. */
export function paragraphs(...parts: Array<string | undefined>): string {
    return parts.filter((part): part is string => part !== undefined && part.trim() !== '').join('\n\n');
}

export function capitalised(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

export function listText(items: readonly string[]): string {
    return items.length > 0 ? items.join(', ') : 'nothing';
}
