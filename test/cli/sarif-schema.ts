/**
 * Validates SARIF against the SARIF 2.1.0 JSON schema that Microsoft's SARIF SDK ships
 * in @microsoft/jest-sarif (sarif-2.1.0-rtm.5, the final 2.1.0 schema; JSON Schema
 * draft-04, hence ajv-draft-04), so the test follows the published schema, not a copy.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const require = createRequire(import.meta.url);
export const SARIF_SCHEMA_PATH = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

let validate: ((log: unknown) => string[]) | undefined;

/** The schema violations of `log`, as `path: message` lines; empty when it is valid SARIF 2.1.0. */
export function sarifSchemaErrors(log: unknown): string[] {
    if (!validate) {
        const schema = JSON.parse(readFileSync(SARIF_SCHEMA_PATH, 'utf8')) as object;
        // The schema's language pattern is not valid with the `u` flag ajv uses by default.
        // Both packages are CommonJS whose types declare the export as `default`.
        const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
        addFormats.default(ajv);
        const check = ajv.compile(schema);
        validate = candidate => (check(candidate) ? [] : (check.errors ?? []).map((error: { instancePath: string; message?: string }) => `${error.instancePath || '/'}: ${error.message ?? 'invalid'}`));
    }
    return validate(log);
}
