/**
 * The options of `risk fmt`, validated at the boundary with zod.
 */
import { z } from 'zod';
import { UsageError } from './errors.js';

const FmtOptionsSchema = z.object({
    paths: z.array(z.string().min(1, { error: 'a path argument is empty; give .risk files or folders' })).default([]),
    check: z.boolean().default(false),
    diff: z.boolean().default(false)
});

export interface RawFmtOptions {
    readonly paths?: readonly string[];
    readonly check?: boolean;
    readonly diff?: boolean;
}

export interface FmtOptions {
    /** Files and folders; "." when none is given. */
    readonly paths: readonly string[];
    /** List the files that are not formatted and write nothing. */
    readonly check: boolean;
    /** Print what formatting changes, as a unified diff. */
    readonly diff: boolean;
}

export function parseFmtOptions(raw: RawFmtOptions): FmtOptions {
    const result = FmtOptionsSchema.safeParse(raw);
    if (!result.success) {
        throw new UsageError(result.error.issues.map(issue => issue.message).join('\n'));
    }
    const { paths, check, diff } = result.data;
    return { paths: paths.length > 0 ? paths : ['.'], check, diff };
}
