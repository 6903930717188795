// Bundles the command line (cli/main.ts -> dist/cli.cjs, started by bin/risk.cjs), the language server
// (server/main.ts -> dist/server.cjs) and the VS Code extension (client/extension.ts ->
// dist/extension.cjs) into self-contained CommonJS files that run without node_modules.
// The extension leaves out only `vscode`, which the editor provides at run time.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
const homepage = pkg.homepage ?? (typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url)?.replace(/^git\+/, '').replace(/\.git$/, '') ?? '';

// ESM sources bundled to CommonJS: give `import.meta` what it would have had. The
// banner comes before esbuild's own "use strict", so it repeats the directive first.
const IMPORT_META_SHIM = '"use strict";\nvar __import_meta_url = require("node:url").pathToFileURL(__filename).href;';

/** @type {import('esbuild').BuildOptions} */
const common = {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    sourcemap: false,
    minify: false,
    legalComments: 'none',
    logLevel: 'warning',
    define: {
        'import.meta.url': '__import_meta_url',
        'import.meta.filename': '__filename',
        'import.meta.dirname': '__dirname',
        __RISK_VERSION__: JSON.stringify(pkg.version),
        __RISK_HOMEPAGE__: JSON.stringify(homepage)
    }
};

const targets = [
    // bin/risk.cjs (not generated) loads it through Node's compile cache.
    { entry: 'cli/main.ts', out: 'dist/cli.cjs' },
    { entry: 'server/main.ts', out: 'dist/server.cjs' },
    { entry: 'client/extension.ts', out: 'dist/extension.cjs', external: ['vscode'] }
];

for (const target of targets) {
    const result = await esbuild.build({
        ...common,
        entryPoints: [target.entry],
        outfile: target.out,
        external: target.external ?? [],
        banner: { js: IMPORT_META_SHIM }
    });
    if (result.errors.length > 0) {
        process.exit(1);
    }
    console.log(`bundled ${target.entry} -> ${target.out}`);
}
