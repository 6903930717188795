/**
 * Imported files are laid out by the project's formatter (the editor's "Format
 * Document"), so that they read as a person would have written them.
 */
import { EmptyFileSystem, TextDocument, URI } from 'langium';
import { createRiskServices } from '../risk-module.js';

/** File name -> formatted text. A text the parser rejects is returned as it is. */
export async function formatRiskTexts(files: ReadonlyMap<string, string>): Promise<Map<string, string>> {
    const { Risk, shared } = createRiskServices(EmptyFileSystem);
    const formatter = Risk.lsp.Formatter;
    const formatted = new Map<string, string>();
    for (const [name, text] of files) {
        const uri = URI.parse(`memory:///import/${name}`);
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, uri);
        if (!formatter || document.parseResult.parserErrors.length > 0 || document.parseResult.lexerErrors.length > 0) {
            formatted.set(name, text);
            continue;
        }
        const edits = await formatter.formatDocument(document, { textDocument: { uri: uri.toString() }, options: { tabSize: 2, insertSpaces: true } });
        formatted.set(name, TextDocument.applyEdits(document.textDocument, edits));
    }
    return formatted;
}
