/**
 * The options of `risk import`, validated at the boundary with zod.
 */
import { z } from 'zod';
import { IMPORT_FIELDS, type ImportField } from '../language/import/columns.js';
import { UsageError } from './errors.js';

const MapEntry = z.string().transform((entry, context) => {
    const equals = entry.lastIndexOf('=');
    const column = entry.slice(0, equals).trim();
    const field = entry.slice(equals + 1).trim();
    if (equals < 0 || column === '') {
        context.addIssue({ code: 'custom', message: `--map ${JSON.stringify(entry)}: write COLUMN=FIELD, for example --map "Risk Rating=level"` });
        return z.NEVER;
    }
    if (!(IMPORT_FIELDS as readonly string[]).includes(field)) {
        context.addIssue({ code: 'custom', message: `--map ${JSON.stringify(entry)}: '${field}' is not a field; use one of ${IMPORT_FIELDS.join(', ')}` });
        return z.NEVER;
    }
    return [column, field as ImportField] as const;
});

const ImportOptionsSchema = z.object({
    file: z.string().min(1, { error: 'name the register to import: a .csv or .xlsx file' }),
    sheet: z.string().min(1, { error: '--sheet needs a sheet name' }).optional(),
    map: z.array(MapEntry).default([]),
    out: z.string().min(1, { error: '--out needs a folder' }).default('.'),
    force: z.boolean().default(false)
});

export interface RawImportOptions {
    readonly file?: string;
    readonly sheet?: string;
    readonly map?: readonly string[];
    readonly out?: string;
    readonly force?: boolean;
}

export interface ImportCommandOptions {
    readonly file: string;
    readonly sheet?: string;
    readonly map: ReadonlyMap<string, ImportField>;
    readonly out: string;
    readonly force: boolean;
}

export function parseImportOptions(raw: RawImportOptions): ImportCommandOptions {
    const result = ImportOptionsSchema.safeParse(raw);
    if (!result.success) {
        throw new UsageError(result.error.issues.map(issue => issue.message).join('\n'));
    }
    const { file, sheet, map, out, force } = result.data;
    const columns = new Map<string, ImportField>();
    for (const [column, field] of map) {
        if (columns.has(column)) {
            throw new UsageError(`--map names the column '${column}' twice; map each column once`);
        }
        columns.set(column, field);
    }
    return { file, sheet, map: columns, out, force };
}
