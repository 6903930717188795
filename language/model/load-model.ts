/**
 * Loads a model (a set of `.risk` files) into a fresh set of services, builds and
 * validates it. The CLI, the exports and the tests load models this way; the language
 * server lets its workspace manager do the same.
 */
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { IsoDate } from '../evaluation/dates.js';
import type { ModelEvaluation } from '../evaluation/model-evaluator.js';
import { createRiskServices, type RiskServices, type RiskServicesOptions } from '../risk-module.js';
import { createBuiltinDocuments, isBuiltinDocument } from '../workspace/builtin-documents.js';
import { RiskNodeFileSystem } from '../workspace/risk-file-system.js';

export interface LoadedModel {
    readonly services: RiskServices;
    /** The model's own documents, in the order they were given. */
    readonly documents: readonly LangiumDocument[];
    evaluation(): ModelEvaluation;
}

export interface LoadOptions {
    readonly asOf?: IsoDate;
    /**
     * Validate the documents (default true). Exports that only need the evaluation may skip
     * it; `'integrity'` runs only the checks that report the errors which leave parts of
     * the model unevaluated (exports/completeness.ts), which is all an export counts.
     */
    readonly validate?: boolean | 'integrity';
}

/**
 * Loads files from disk by absolute path, decoded as risk-file-system.ts says (UTF-8,
 * with `encoding-invalid` for bytes that are not). Unreadable files reject with the
 * file system's error.
 */
export async function loadModelFiles(paths: readonly string[], options: LoadOptions = {}): Promise<LoadedModel> {
    const { Risk, shared } = createRiskServices(RiskNodeFileSystem, servicesOptions(options));
    const documents: LangiumDocument[] = [];
    for (const path of paths) {
        documents.push(await shared.workspace.LangiumDocuments.getOrCreateDocument(URI.file(path)));
    }
    return build(Risk, documents, options);
}

/** Loads in-memory files: `{ 'method.risk': '…', 'risks/r1.risk': '…' }`. */
export async function loadModelTexts(files: Readonly<Record<string, string>>, options: LoadOptions = {}): Promise<LoadedModel> {
    return loadModelSources(Object.entries(files).map(([name, text]) => ({ path: `/model/${name}`, text })), options);
}

export interface ModelSourceFile {
    /** The absolute path the file is known by (and its diagnostics point at); it need not exist on disk. */
    readonly path: string;
    readonly text: string;
}

/** Loads files whose text is already in memory, such as a model read from a git revision. */
export async function loadModelSources(files: readonly ModelSourceFile[], options: LoadOptions = {}): Promise<LoadedModel> {
    const { Risk, shared } = createRiskServices(EmptyFileSystem, servicesOptions(options));
    const documents = files.map(({ path, text }) => {
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(path));
        shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    return build(Risk, documents, options);
}

function servicesOptions(options: LoadOptions): RiskServicesOptions {
    return { batch: true, validation: options.validate === 'integrity' ? 'integrity' : 'all' };
}

async function build(services: RiskServices, documents: LangiumDocument[], options: LoadOptions): Promise<LoadedModel> {
    services.settings.RiskSettings.setAsOf(options.asOf);
    const builtins = createBuiltinDocuments(services.shared);
    await services.shared.workspace.DocumentBuilder.build([...builtins, ...documents], { validation: options.validate !== false });
    return {
        services,
        documents,
        evaluation: () => services.evaluation.ModelEvaluator.evaluate()
    };
}

/** The diagnostics of the model's own documents (the built-in library has none to show). */
export function diagnosticsOf(model: LoadedModel): Array<{ document: LangiumDocument; diagnostic: Diagnostic }> {
    return model.documents
        .filter(document => !isBuiltinDocument(document))
        .flatMap(document => (document.diagnostics ?? []).map(diagnostic => ({ document, diagnostic })));
}
