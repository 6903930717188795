#!/usr/bin/env node
'use strict';
// The `risk` command. The CLI itself is the bundle dist/cli.cjs (scripts/bundle.mjs);
// loading it after enabling Node's compile cache lets every run after the first reuse
// V8's compiled code of its 6 MB instead of compiling it again (docs/performance.md).
// The cache lives in the system's temporary folder (NODE_COMPILE_CACHE chooses another,
// NODE_DISABLE_COMPILE_CACHE=1 turns it off); without it the CLI only starts slower.
const { enableCompileCache } = require('node:module');
try {
    enableCompileCache?.();
} catch {
    // A cache that cannot be set up is no reason not to run.
}
require('../dist/cli.cjs');
