/**
 * How the CLI names and picks the models of the files it loaded
 * (language/workspace/model-boundaries.ts): `risk check` reports every model, the
 * commands that produce one document of one model (export, report, diff) need
 * exactly one and say which paths would select one.
 */
import { relative } from 'node:path';
import type { LoadedModel } from '../language/model/load-model.js';
import { modelRootPath } from '../language/model/load-model.js';
import type { ModelFolder } from '../language/workspace/model-boundaries.js';
import { UsageError } from './errors.js';
import { displayPath } from './findings.js';

/** The model folder relative to the working directory (`.` for the working directory itself). */
export function modelFolderLabel(model: ModelFolder, cwd: string): string {
    const path = modelRootPath(model);
    if (path === '') {
        return '(files outside any model folder)';
    }
    return relative(cwd, path) === '' ? '.' : displayPath(path, cwd);
}

/** The one model the loaded files form; a UsageError listing them when they form several. */
export function soleModel(loaded: LoadedModel, what: string, cwd: string): ModelFolder {
    const models = loaded.models();
    if (models.length <= 1) {
        return models[0] ?? { root: '', documents: [], visibleUris: new Set() };
    }
    const folders = models.map(model => `  ${modelFolderLabel(model, cwd)} (${model.documents.length} file${model.documents.length === 1 ? '' : 's'})`);
    throw new UsageError(`${what} is of one model, and these paths hold ${models.length} (a model is the folder of its method, with the folders below it):\n${folders.join('\n')}\nGive the folder of one of them.`);
}
