/**
 * `method-missing`: "Create method.risk with a risk method" adds a new file to the model's
 * folder (the workspace folder, when no method is anywhere) holding the method of completion's `method` snippet (completion/snippets.ts), each
 * field at its default, so that the model can be scored at once and the values adjusted
 * afterwards. The file is created, never overwritten: a name already taken on disk or in
 * the workspace moves on to `method-2.risk`, and the edit asks the client to fail rather
 * than replace a file that appeared meanwhile.
 */
import { URI, UriUtils } from 'langium';
import type { CodeAction, CreateFile, TextDocumentEdit } from 'vscode-languageserver-types';
import { METHOD_SNIPPET } from '../completion/snippets.js';
import type { IsoDate } from '../../evaluation/dates.js';
import { quickFix, type FixContext, type QuickFix } from './quick-fix.js';

export const createMethodFile: QuickFix = context => {
    if (!context.resourceOperations) {
        return [];
    }
    const body = METHOD_SNIPPET;
    const asOf = context.services.evaluation.ModelEvaluator.evaluate(context.document).asOf;
    const target = freeMethodUri(context, modelFolder(context));
    const create: CreateFile = { kind: 'create', uri: target.toString(), options: { overwrite: false, ignoreIfExists: false } };
    const insert: TextDocumentEdit = {
        textDocument: { uri: target.toString(), version: null },
        edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: snippetText(body, asOf) }]
    };
    const action: CodeAction = { ...quickFix(context, `Create ${UriUtils.basename(target)} with a risk method`, {}), edit: { documentChanges: [create, insert] } };
    return [action];
};

/**
 * The folder of the document's model (workspace/model-boundaries.ts): with no method
 * anywhere, the workspace folder, whose model takes every file without a method above it.
 */
function modelFolder(context: FixContext): URI {
    const { root } = context.services.evaluation.ModelBoundaries.modelOf(context.document);
    // A file outside every known folder is a model of its own folder.
    return root === '' ? UriUtils.dirname(context.document.uri) : URI.parse(root);
}

function freeMethodUri(context: FixContext, folder: URI): URI {
    const documents = context.services.shared.workspace.LangiumDocuments;
    const fileSystem = context.services.shared.workspace.FileSystemProvider;
    for (let number = 1; ; number++) {
        const candidate = UriUtils.joinPath(folder, number === 1 ? 'method.risk' : `method-${number}.risk`);
        if (!documents.hasDocument(candidate) && !fileSystem.existsSync(candidate)) {
            return candidate;
        }
    }
}

/**
 * A snippet body as the text it inserts with every field left at its default: the first
 * of a choice, date variables from the as-of date, tabs as the language's two spaces.
 */
export function snippetText(body: readonly string[], asOf: IsoDate): string {
    const [year, month, day] = asOf.split('-');
    const variables: Record<string, string> = { CURRENT_YEAR: year, CURRENT_MONTH: month, CURRENT_DATE: day };
    const text = body.join('\n')
        .replace(/\$(CURRENT_YEAR|CURRENT_MONTH|CURRENT_DATE)\b/g, (_, name: string) => variables[name])
        .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
        .replace(/\$\{\d+:([^}]*)\}/g, '$1')
        .replace(/\$\d+/g, '')
        .replace(/\\([$}\\])/g, '$1')
        .replace(/\t/g, '  ');
    return `${text}\n`;
}
