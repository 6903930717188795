/**
 * `risk fmt [--check] [--diff] [PATH…]`: lays out `.risk` files as the editor's "Format
 * Document" does (docs/language.md, "Formatting"), like `terraform fmt`.
 *
 * Files that change are written in place, each atomically (a temporary file renamed over
 * it), and only those. A file that does not parse, or is not UTF-8, is left untouched and
 * reported: its tree is not reliable enough to move text around. With --check nothing is
 * written; the files that are not formatted are listed.
 */
import { randomBytes } from 'node:crypto';
import { readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { EmptyFileSystem, URI } from 'langium';
import { formattedText } from '../language/lsp/risk-formatter.js';
import { createRiskServices } from '../language/risk-module.js';
import { decodeRiskFile } from '../language/workspace/file-encoding.js';
import { riskFilesBelow } from './collect-files.js';
import { ExitCode, UsageError } from './errors.js';
import type { CliIo } from './program.js';
import { parseFmtOptions, type RawFmtOptions } from './fmt-options.js';

const UTF8_BOM = '\uFEFF';

type Outcome =
    | { readonly kind: 'formatted' }
    | { readonly kind: 'changed'; readonly before: string; readonly after: string; readonly bom: boolean }
    | { readonly kind: 'skipped'; readonly reason: string };

export async function runFmt(raw: RawFmtOptions, io: CliIo): Promise<number> {
    const options = parseFmtOptions(raw);
    const files = await filesOf(options.paths, io.cwd);
    const { shared } = createRiskServices(EmptyFileSystem);
    let changed = 0;
    let skipped = 0;
    for (const file of files) {
        const shown = relative(io.cwd, file) || basename(file);
        const outcome = await formatFile(file, (text, uri) => shared.workspace.LangiumDocumentFactory.fromString(text, uri));
        if (outcome.kind === 'skipped') {
            skipped++;
            io.stderr.write(`risk: ${shown}: ${outcome.reason}; left as it is\n`);
            continue;
        }
        if (outcome.kind === 'formatted') {
            continue;
        }
        changed++;
        if (options.diff) {
            io.stdout.write(unifiedDiff(shown, outcome.before, outcome.after));
        } else {
            io.stdout.write(`${shown}\n`);
        }
        if (!options.check) {
            await writeAtomically(file, (outcome.bom ? UTF8_BOM : '') + outcome.after, shown);
        }
    }
    if (options.check && changed > 0) {
        io.stderr.write(`risk: ${changed} file${changed === 1 ? ' is' : 's are'} not formatted; run "risk fmt" to format ${changed === 1 ? 'it' : 'them'}\n`);
    }
    if (skipped > 0) {
        return ExitCode.Usage;
    }
    return options.check && changed > 0 ? ExitCode.Findings : ExitCode.Ok;
}

async function filesOf(paths: readonly string[], cwd: string): Promise<string[]> {
    const files = new Set<string>();
    for (const path of paths) {
        const absolute = resolve(cwd, path);
        const stats = await stat(absolute).catch(() => {
            throw new UsageError(`'${path}' does not exist. Check the path; it is resolved from the current folder.`);
        });
        if (stats.isDirectory()) {
            (await riskFilesBelow(absolute, path)).forEach(file => files.add(file));
        } else {
            files.add(absolute);
        }
    }
    return [...files];
}

async function formatFile(path: string, parse: (text: string, uri: URI) => Parameters<typeof formattedText>[0]): Promise<Outcome> {
    const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => {
        throw new UsageError(`cannot read '${path}': ${error.code ?? error.message}`);
    });
    const decoded = decodeRiskFile(bytes);
    if (decoded.problem || bytes[0] === 0xff || bytes[0] === 0xfe) {
        return { kind: 'skipped', reason: 'not UTF-8 (save it as UTF-8 to format it)' };
    }
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    const document = parse(decoded.text, URI.file(path));
    const after = formattedText(document);
    if (after === undefined) {
        const error = document.parseResult.lexerErrors[0] ?? document.parseResult.parserErrors[0];
        return { kind: 'skipped', reason: `syntax error ${error ? whereOf(error) : ''} (run "risk check" for the details)`.replace('  ', ' ') };
    }
    return after === decoded.text ? { kind: 'formatted' } : { kind: 'changed', before: decoded.text, after, bom };
}

/** The change as `git diff` shows it: `--- a/FILE`, `+++ b/FILE`, then the hunks. */
function unifiedDiff(shown: string, before: string, after: string): string {
    const patch = createTwoFilesPatch(`a/${shown}`, `b/${shown}`, before, after, undefined, undefined, { context: 3 });
    return patch.split('\n').filter(line => !line.startsWith('Index: ') && !/^=+$/.test(line)).map(line => (/^(---|\+\+\+) /.test(line) ? line.replace(/\t$/, '') : line)).join('\n');
}

/** Chevrotain's 1-based line of an error; a parser error at the end of the input has none. */
function whereOf(error: { line?: number; token?: { startLine?: number } }): string {
    const line = error.line ?? error.token?.startLine;
    return line !== undefined && Number.isFinite(line) && line >= 1 ? `at line ${line}` : 'at the end of the file';
}

/** Writes next to the file, then renames over it: a reader sees the old text or the new, never half of it. */
async function writeAtomically(path: string, text: string, shown: string): Promise<void> {
    const { mode } = await stat(path);
    const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
    try {
        await writeFile(temporary, text, { mode, flag: 'wx' });
        await rename(temporary, path);
    } catch (error) {
        await unlink(temporary).catch(() => undefined);
        throw new UsageError(`cannot write '${shown}': ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
}
