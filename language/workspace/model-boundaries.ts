/**
 * Where one model ends (docs/language.md §1): a model is the folder that holds its
 * `method`. Every `.risk` file belongs to the nearest enclosing folder (its own or an
 * ancestor) with a file that declares a `method` block; files with no such folder
 * above them belong to the nearest fallback folder — the workspace folder in the
 * editor, the folder argument in the CLI. So one repository can hold several models,
 * each linked, validated, evaluated and exported on its own.
 *
 * The partition depends only on file locations and on which files declare a method;
 * it is computed once per workspace state and shared by scoping, the evaluator, the
 * requests and the CLI.
 */
import { AstUtils, URI, UriUtils, WorkspaceCache, type AstNode, type LangiumDocument, type LangiumDocuments, type LangiumSharedCoreServices } from 'langium';
import { isMethod, isModel } from '../generated/ast.js';
import { isBuiltinDocument } from './builtin-documents.js';

/** One model: its folder and the documents that belong to it. */
export interface ModelFolder {
    /** The model folder's URI as a string; '' for files outside every known folder. */
    readonly root: string;
    readonly documents: readonly LangiumDocument[];
    /** `root` and the built-in Annex A library: the documents a reference of this model may name. */
    readonly visibleUris: ReadonlySet<string>;
}

/** What a request or a rule acts on: a node, a document, a document's or folder's URI, or a model itself. */
export type ModelPlace = AstNode | LangiumDocument | URI | ModelFolder;

interface Partition {
    readonly models: readonly ModelFolder[];
    readonly byDocument: ReadonlyMap<string, ModelFolder>;
    /** The model roots, sorted: when it changes, references may now resolve elsewhere. */
    readonly signature: string;
}

export class ModelBoundaries {
    private readonly documents: LangiumDocuments;
    private readonly cache: WorkspaceCache<'partition', Partition>;
    private fallbackFolders: readonly URI[] | undefined;

    constructor(private readonly shared: LangiumSharedCoreServices) {
        this.documents = shared.workspace.LangiumDocuments;
        this.cache = new WorkspaceCache(shared);
    }

    /**
     * The folders whose files without a method above them form one model each. The
     * language server uses its workspace folders; the CLI sets its folder arguments.
     */
    setFallbackFolders(folders: readonly URI[]): void {
        this.fallbackFolders = folders;
        this.cache.clear();
    }

    /** Every model of the workspace that has at least one document, in the order of their roots. */
    models(): readonly ModelFolder[] {
        return this.partition().models;
    }

    /** The model a node, a document or a URI belongs to; for a folder URI, the model it is (or lies in). */
    modelOf(place: ModelPlace): ModelFolder {
        const partition = this.partition();
        if (isModelFolder(place)) {
            // A model found before the last change: the same folder as it is now.
            return partition.models.find(model => model.root === place.root) ?? place;
        }
        const uri = placeUri(place);
        const known = partition.byDocument.get(uri.toString());
        if (known) {
            return known;
        }
        // A folder, or a file not (yet) loaded: the model whose root is nearest above it.
        const root = this.rootOf(uri, new Set(partition.models.map(model => model.root)));
        return partition.models.find(model => model.root === root) ?? { root, documents: [], visibleUris: new Set(this.builtinUris()) };
    }

    /** A new object whenever the models may have changed (any change of the workspace, or of the fallback folders). */
    stamp(): object {
        return this.partition();
    }

    /** Changes when a file starts or stops declaring a method, or a model folder appears or goes. */
    signature(): string {
        return this.partition().signature;
    }

    private partition(): Partition {
        return this.cache.get('partition', () => this.compute());
    }

    private compute(): Partition {
        const own = this.documents.all.filter(document => !isBuiltinDocument(document)).toArray();
        const methodFolders = new Set(own.filter(declaresMethod).map(document => UriUtils.dirname(document.uri).toString()));
        const members = new Map<string, LangiumDocument[]>();
        for (const document of own) {
            const root = this.rootOf(UriUtils.dirname(document.uri), methodFolders);
            const list = members.get(root) ?? [];
            list.push(document);
            members.set(root, list);
        }
        const builtins = this.builtinUris();
        const models = [...members.entries()]
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            .map(([root, documents]): ModelFolder => ({
                root,
                documents,
                visibleUris: new Set([...builtins, ...documents.map(document => document.uri.toString())])
            }));
        const byDocument = new Map<string, ModelFolder>();
        for (const model of models) {
            for (const document of model.documents) {
                byDocument.set(document.uri.toString(), model);
            }
        }
        return { models, byDocument, signature: [...methodFolders].sort().join('\n') };
    }

    /**
     * The nearest folder at or above `folder` that is a model root: one with a method,
     * else the innermost fallback folder that contains it, else ''.
     */
    private rootOf(folder: URI, roots: ReadonlySet<string>): string {
        for (let current = folder; ; current = UriUtils.dirname(current)) {
            const key = current.toString();
            if (roots.has(key)) {
                return key;
            }
            const parent = UriUtils.dirname(current);
            if (parent.toString() === key) {
                break;
            }
        }
        const fallback = this.fallbacks()
            .filter(candidate => UriUtils.equals(candidate, folder) || UriUtils.contains(candidate, folder))
            .sort((a, b) => b.path.length - a.path.length)[0];
        return fallback?.toString() ?? '';
    }

    private fallbacks(): readonly URI[] {
        return this.fallbackFolders
            ?? this.shared.workspace.WorkspaceManager.workspaceFolders?.map(folder => URI.parse(folder.uri))
            ?? [];
    }

    private builtinUris(): string[] {
        return this.documents.all.filter(isBuiltinDocument).map(document => document.uri.toString()).toArray();
    }
}

function declaresMethod(document: LangiumDocument): boolean {
    const model = document.parseResult?.value;
    return isModel(model) && (model.elements ?? []).some(isMethod);
}

function isModelFolder(place: ModelPlace): place is ModelFolder {
    return 'visibleUris' in place;
}

function placeUri(place: Exclude<ModelPlace, ModelFolder>): URI {
    if (place instanceof URI) {
        return place;
    }
    if ('parseResult' in place) {
        return place.uri;
    }
    return AstUtils.getDocument(place).uri;
}
