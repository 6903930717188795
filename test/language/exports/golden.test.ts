/**
 * Golden files: every export in every format of both examples, as of 2026-11-23,
 * compared byte for byte with test/resources/exports/golden/. A difference fails;
 * run with UPDATE_GOLDEN=1 to rewrite the files on purpose, then review the diff.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildExport, EXPORT_FORMATS, EXPORT_KINDS, formatExport } from '../../../language/exports/index.js';
import { EXAMPLES, exampleFolder, loadExample } from './example-models.js';

const GOLDEN = resolve(import.meta.dirname, '../../resources/exports/golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

describe.each(EXAMPLES)('golden exports of examples/%s', example => {
    test.each(EXPORT_KINDS.flatMap(kind => EXPORT_FORMATS.map(format => [kind, format] as const)))('%s as %s', async (kind, format) => {
        const model = await loadExample(example);
        const table = buildExport(kind, model.evaluation(), { baseDir: exampleFolder(example) });
        const actual = formatExport(table, format);
        const path = resolve(GOLDEN, example, `${kind}.${format}`);
        if (UPDATE) {
            mkdirSync(dirname(path), { recursive: true });
            writeFileSync(path, actual);
            return;
        }
        expect(existsSync(path), `${path} is missing: run the tests once with UPDATE_GOLDEN=1 and review the file`).toBe(true);
        expect(actual).toBe(readFileSync(path, 'utf8'));
    });
});
