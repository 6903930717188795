/**
 * Loads a model (a set of `.risk` files) into a fresh set of services, builds and
 * validates it. The CLI, the exports and the tests load models this way; the language
 * server lets its workspace manager do the same.
 */
import { EmptyFileSystem, URI, UriUtils, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { IsoDate } from '../evaluation/dates.js';
import type { ModelEvaluation } from '../evaluation/model-evaluator.js';
import { createRiskServices, type RiskServices } from '../risk-module.js';
import { createBuiltinDocuments, isBuiltinDocument } from '../workspace/builtin-documents.js';
import type { ModelFolder, ModelPlace } from '../workspace/model-boundaries.js';
import { RiskNodeFileSystem } from '../workspace/risk-file-system.js';

export interface LoadedModel {
    readonly services: RiskServices;
    /** The documents loaded, in the order they were given. */
    readonly documents: readonly LangiumDocument[];
    /** The models the documents form (workspace/model-boundaries.ts): one per folder with a method, and the rest. */
    models(): readonly ModelFolder[];
    /**
     * The evaluation of the model `place` belongs to; without `place`, of the one model the
     * documents form (it throws a SeveralModelsError when they form several).
     */
    evaluation(place?: ModelPlace): ModelEvaluation;
}

export interface LoadOptions {
    readonly asOf?: IsoDate;
    /** Validate the documents (default true). Exports that only need the evaluation may skip it. */
    readonly validate?: boolean;
    /**
     * Absolute folder paths whose files without a method above them form one model each
     * (the CLI's folder arguments). Default: none.
     */
    readonly folders?: readonly string[];
}

/** The documents form several models where one was expected. */
export class SeveralModelsError extends Error {
    constructor(readonly roots: readonly string[]) {
        super(`The files form ${roots.length} models (${roots.join(', ')}); give one model folder.`);
    }
}

/** A model root as a path to show: the folder's path, or '' for files outside every known folder. */
export function modelRootPath(model: ModelFolder): string {
    return model.root === '' ? '' : URI.parse(model.root).fsPath;
}

/**
 * Loads files from disk by absolute path, decoded as risk-file-system.ts says (UTF-8,
 * with `encoding-invalid` for bytes that are not). Unreadable files reject with the
 * file system's error.
 */
export async function loadModelFiles(paths: readonly string[], options: LoadOptions = {}): Promise<LoadedModel> {
    const { Risk, shared } = createRiskServices(RiskNodeFileSystem, { batch: true });
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
    const { Risk, shared } = createRiskServices(EmptyFileSystem, { batch: true });
    const documents = files.map(({ path, text }) => {
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(path));
        shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    return build(Risk, documents, options);
}

async function build(services: RiskServices, documents: LangiumDocument[], options: LoadOptions): Promise<LoadedModel> {
    services.settings.RiskSettings.setAsOf(options.asOf);
    const boundaries = services.evaluation.ModelBoundaries;
    boundaries.setFallbackFolders((options.folders ?? []).map(folder => URI.file(folder)));
    const builtins = createBuiltinDocuments(services.shared);
    await services.shared.workspace.DocumentBuilder.build([...builtins, ...documents], { validation: options.validate ?? true });
    return {
        services,
        documents,
        models: () => boundaries.models(),
        evaluation: place => services.evaluation.ModelEvaluator.evaluate(place ?? soleModel(boundaries.models(), documents))
    };
}

function soleModel(models: readonly ModelFolder[], documents: readonly LangiumDocument[]): ModelPlace {
    if (models.length > 1) {
        throw new SeveralModelsError(models.map(modelRootPath));
    }
    // No document at all: the empty model.
    return models[0] ?? (documents[0] ? UriUtils.dirname(documents[0].uri) : URI.file('/'));
}

/** The diagnostics of the model's own documents (the built-in library has none to show). */
export function diagnosticsOf(model: Pick<LoadedModel, 'documents'>): Array<{ document: LangiumDocument; diagnostic: Diagnostic }> {
    return model.documents
        .filter(document => !isBuiltinDocument(document))
        .flatMap(document => (document.diagnostics ?? []).map(diagnostic => ({ document, diagnostic })));
}
