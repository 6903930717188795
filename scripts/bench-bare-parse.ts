/**
 * The yardstick of `npm run bench`: a bare Langium parse of a model's files, as a cold
 * process like `risk check` (bench.mjs bundles this file and runs it beside the check).
 * It reads each `.risk` file below the folder and parses it with the language's parser
 * into its AST and concrete syntax tree, exactly as the check's first phase does, and
 * does nothing else: no linking, no validation, no evaluation, no output but a count.
 *
 *   node .bench/bare-parse.cjs FOLDER
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EmptyFileSystem, URI } from 'langium';
import { createRiskServices } from '../language/risk-module.js';

const folder = process.argv[2];
const files = readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter(name => name.endsWith('.risk'))
    .sort()
    .map(name => join(folder, name));
const { shared } = createRiskServices(EmptyFileSystem, { batch: true });
let errors = 0;
for (const file of files) {
    const document = shared.workspace.LangiumDocumentFactory.fromString(readFileSync(file, 'utf8'), URI.file(file));
    errors += document.parseResult.lexerErrors.length + document.parseResult.parserErrors.length;
}
process.stdout.write(`${JSON.stringify({ files: files.length, errors })}\n`);
