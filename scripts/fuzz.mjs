// `npm run fuzz`: bundles the fuzzing harness (test/fuzz/main.ts) with the language it
// exercises into one file under node_modules/.cache, and runs it with the arguments given.
// Bundled, it starts in a fraction of a second and runs its inputs in a child process of itself.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'node_modules', '.cache', 'risk-fuzz', 'fuzz.mjs');

await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['test/fuzz/main.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    logLevel: 'warning',
    // CommonJS dependencies bundled into ESM call require(): give them one.
    banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
    define: { 'import.meta.url': JSON.stringify('file://' + join(root, 'test', 'fuzz', 'main.ts')) }
});

// The harness finds its corpus and reproducers relative to its source (import.meta.url is
// that of test/fuzz/main.ts), and starts its child from the bundle (process.argv[1]).
const result = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
