/**
 * The params of the server's own requests, checked at the boundary with zod like the
 * CLI options and the settings: a bad value is answered with an `InvalidParams`
 * error that names the request, the field and what is allowed.
 */
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import { z } from 'zod';

export const quoted = (value: unknown): string => {
    const text = value === undefined ? 'undefined' : JSON.stringify(value) ?? String(value);
    return text.length > 40 ? `${text.slice(0, 37)}...` : text;
};

/** The params as the schema reads them, or a ResponseError thrown with every problem found. */
export function parseParams<Schema extends z.ZodType>(request: string, schema: Schema, params: unknown): z.output<Schema> {
    // JSON-RPC allows a request without params; read it as `{}`.
    const result = schema.safeParse(params ?? {});
    if (result.success) {
        return result.data;
    }
    const problems = result.error.issues.map(issue => {
        if (issue.code === 'unrecognized_keys') {
            return `unknown parameter${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map(quoted).join(', ')}`;
        }
        const path = issue.path.map(String).join('.');
        return path ? `${path} ${issue.message}` : issue.message;
    });
    throw new ResponseError(ErrorCodes.InvalidParams, `${request}: invalid params: ${problems.join('; ')}`);
}

/** An object of params, with a clear message when the params are something else. */
export const paramsObject = <Shape extends z.core.$ZodLooseShape>(shape: Shape) => z.strictObject(shape, {
    error: issue => issue.code === 'invalid_type' ? `params must be an object, not ${quoted(issue.input)}` : undefined
});
