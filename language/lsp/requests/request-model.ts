/**
 * The model a request acts on (workspace/model-boundaries.ts): the one of the file or
 * folder named by the request's `uri`, or the workspace's only model. A workspace of
 * several models needs the `uri`; the error lists the models so the client, or the
 * user, can pick one.
 */
import { URI } from 'langium';
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import { z } from 'zod';
import type { RiskServices } from '../../risk-module.js';
import type { ModelFolder } from '../../workspace/model-boundaries.js';
import { quoted } from './request-params.js';

/** The optional `uri` param: a `.risk` file or a folder of the model. */
export const ModelUriSchema = z.string({ error: issue => `must be a URI string, not ${quoted(issue.input)}` })
    .refine(text => isUri(text), { error: issue => `must be a URI such as "file:///path/to/model", not ${quoted(issue.input)}` })
    .optional();

export function requestModel(services: RiskServices, request: string, uri: string | undefined): ModelFolder {
    const boundaries = services.evaluation.ModelBoundaries;
    if (uri !== undefined) {
        return boundaries.modelOf(URI.parse(uri));
    }
    const models = boundaries.models();
    if (models.length > 1) {
        const roots = models.map(model => model.root === '' ? '(files outside the workspace folders)' : model.root);
        throw new ResponseError(ErrorCodes.InvalidParams,
            `${request}: the workspace holds ${models.length} models (${roots.join(', ')}): give "uri", a file or folder of the model to use (open one of its files).`);
    }
    return models[0] ?? { root: '', documents: [], visibleUris: new Set() };
}

function isUri(text: string): boolean {
    try {
        return URI.parse(text, true).scheme !== '';
    } catch {
        return false;
    }
}
