/**
 * Diagnostic messages as an editor shows them: plain text. The Problems panel and the
 * hovers of most editors show Markdown literally, so the backticks the checks write
 * around code (as the CLI's Markdown, SARIF and GitHub outputs render it) become the
 * quotes TypeScript and ESLint use: `by ROLE on DATE` becomes 'by ROLE on DATE'.
 */
import type { MarkupContent } from 'vscode-languageserver-types';

const CODE_SPAN = /`([^`\n]+)`/g;

export function plainText(message: string | MarkupContent): string | MarkupContent {
    return typeof message === 'string' ? message.replace(CODE_SPAN, '\'$1\'') : message;
}
