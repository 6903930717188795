/**
 * `risk.server.maxMemory`: the language server's heap limit in megabytes, read by the
 * client, which starts the server with `--max-old-space-size` (as VS Code's TypeScript
 * does with `typescript.tsserver.maxTsServerMemory`). Zod only, so the client can use it
 * without the language.
 *
 * Why it is a setting and not a default: without a limit V8 lets the heap of a
 * 10,000-risk workspace grow to about 1.2 GB while someone types (garbage, not a leak);
 * 1024 holds it near 600 MB at the same latency (docs/performance.md). But a limit below
 * what a model needs kills the server, and a model of 50,000 risks needs more than 1 GB:
 * no single default is both small and safe, so the default is Node's own limit.
 */
import { z } from 'zod';

/** Below this the server cannot hold even a small workspace with its libraries. */
export const MIN_SERVER_MEMORY_MB = 256;

const serverMemoryError = (input: unknown) =>
    `must be 0 (Node's own limit) or a whole number of megabytes of at least ${MIN_SERVER_MEMORY_MB}, not ${JSON.stringify(input) ?? String(input)}`;

export const ServerMemorySchema = z.number({ error: issue => serverMemoryError(issue.input) })
    .refine(megabytes => megabytes === 0 || (Number.isInteger(megabytes) && megabytes >= MIN_SERVER_MEMORY_MB), {
        error: issue => serverMemoryError(issue.input)
    })
    .default(0);

/** The Node options that start the server with the limit; none for 0 or a bad value. */
export function serverMemoryOptions(value: unknown): string[] {
    const parsed = ServerMemorySchema.safeParse(value ?? undefined);
    return parsed.success && parsed.data > 0 ? [`--max-old-space-size=${parsed.data}`] : [];
}
