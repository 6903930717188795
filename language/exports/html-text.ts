/**
 * Text safe in HTML, shared by every page the product writes (the HTML report, the
 * editor's Risk Matrix): the five characters that can end a text or an attribute.
 */
const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' };

/** Text safe in HTML content and in a double- or single-quoted attribute. */
export function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, char => HTML_ESCAPES[char]);
}
