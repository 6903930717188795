/**
 * The `risk` command line: commander parses, the commands run, and every way out is
 * an exit code. Usage errors and unexpected failures end with a message on stderr
 * and code 2, never a stack trace unless RISK_DEBUG is set.
 */
import { Command, CommanderError, Option } from 'commander';
import type { CheckIo } from './check-command.js';
import { DIFF_FAIL_LEVELS, DIFF_FORMATS } from './diff-options.js';
import { ExitCode, UsageError } from './errors.js';
import { collect, DEFAULTS, FAIL_LEVELS, FORMATS } from './options.js';
import { VERSION } from './version.js';

export interface CliIo extends CheckIo {
    readonly stderr: { write(text: string): unknown };
}

const EXIT_CODES_HELP = `
Exit codes:
  0  no finding at or above the --fail-on level (and no more warnings than --max-warnings)
  1  findings at or above the --fail-on level, or more warnings than --max-warnings
  2  usage error: a bad option value, a path that does not exist or cannot be read,
     or an unexpected failure (set RISK_DEBUG=1 to see its stack trace)`;

const CHECK_HELP = `
Models:
  Each folder argument is one model: every .risk file below it, skipping node_modules
  and folders whose name starts with a dot. All file arguments together form one more
  model. The findings of all models are reported together, sorted by file and position.
${EXIT_CODES_HELP}

Examples:
  risk check                                    check the model in the current folder
  risk check risks/ --as-of 2026-11-23          reproducible: every date rule uses that day
  risk check --format sarif > risk.sarif        for GitHub code scanning
  risk check --format github --summary          annotations and a job summary in GitHub Actions
  risk check --format gitlab > gl-code-quality-report.json
                                                for GitLab Code Quality
  risk check --format md                        Markdown, for a pull-request comment
  risk check --baseline origin/main             only the findings a branch introduced`;

const EXPORT_HELP = `
Exports (columns in docs/exports.md):
  register  one row per risk, highest residual level first
  plan      one row per treatment action, by due date
  soa       the 93 Annex A controls of ISO/IEC 27001:2022, used or not, and by what
  all       the three in one workbook (--format xlsx only)

Formats: csv, md and json go to stdout or --output; xlsx (a Summary sheet with the
coloured heat maps, then one sheet per export) needs --output.

Exit codes:
  0  the export was written
  2  usage error: a bad option value, not exactly one model, a path that cannot be
     read, or an output file that cannot be written

Examples:
  risk export register examples/acme-saas --format md > register.md
  risk export plan risks/ --output out/plan.csv --bom --as-of 2026-11-23
  risk export soa --format json
  risk export all examples/acme-saas --format xlsx --output register.xlsx`;

const REPORT_HELP = `
One self-contained HTML file for management and auditors: no script, nothing loaded
from the network, a strict Content-Security-Policy. Opens in any browser and prints to
PDF with a page per section (docs/report.md).

Exit codes:
  0  the report was written
  2  usage error: a bad option value, not exactly one model, a path that cannot be
     read, or an output file that cannot be written

Examples:
  risk report examples/acme-saas --output report.html --as-of 2026-11-23`;

const IMPORT_HELP = `
Columns (any order; names compared without case, spaces or punctuation; see docs/import.md):
  Risk ID, Risk Description, Asset Owner / Risk Owner, Likelihood, Impact, Risk Level,
  Existing Controls, Recommended Treatment, Action Owner, Due Date, Status, and every
  column of \`risk export register\`. Other columns are left out and listed.

Writes method.risk, roles.risk, assets.risk, threats.risk, risks.risk (those needed)
into --out and prints what was inferred, guessed and left out, row by row.

Exit codes:
  0  the model was written
  2  usage error: the file cannot be read or has no register (the message gives the
     row and column), or a file to write exists already (use --force)

Examples:
  risk import register.xlsx --out model/
  risk import risks.csv --map "Risk Rating=level" --map "Mitigation Owner=actionOwner"`;

const DIFF_HELP = `
Revisions:
  BASE and HEAD are git revisions; HEAD defaults to the working tree. BASE...HEAD
  compares from their merge base, as git diff does. Both versions are read from git
  objects (no checkout) and evaluated on the same --as-of date. PATH is the model's
  folder inside the repository (default "."); put "--" before paths when a name could
  be a revision too. --from DIR --to DIR compares two folders without git.

Verdict: worse (only worse changes), better, mixed (both) or unchanged (no worse or
better change; moves, renames and other neutral changes do not count).

Exit codes:
  0  the verdict does not reach --fail-on (always with the default "never")
  1  --fail-on worse: a worse change; --fail-on changed: a worse or better change
  2  usage error: not a git repository, an unknown revision (git's message), no model
     at PATH in either version, a bad option value, or an unexpected failure

Examples:
  risk diff main                               working tree against main
  risk diff origin/main...HEAD --format md     a pull-request comment
  risk diff origin/main...HEAD --fail-on worse the CI gate
  risk diff v1.0 v2.0 -- risks/                two tags, the model in risks/
  risk diff --from old-model --to new-model    two folders`;

const FMT_HELP = `
Lays out .risk files as the editor's Format Document does (docs/language.md,
"Formatting"): tables aligned, the author's line breaks and comments kept, two spaces
per level. Folders are searched recursively, skipping node_modules and folders whose
name starts with a dot. Only the whitespace between tokens changes.

Files that change are written in place (atomically) and their names printed. A file
with a syntax error, or not in UTF-8, is left as it is and reported.

Exit codes:
  0  every file is formatted (or was written formatted)
  1  --check: some files are not formatted (they are listed; nothing is written)
  2  a file could not be formatted (syntax error, not UTF-8), a path that does not
     exist, or a file that cannot be written

Examples:
  risk fmt                                      format every .risk file below "."
  risk fmt --check                              in CI: fail when a file is not formatted
  risk fmt --check --diff risks/                show what formatting would change`;

const LSP_HELP = `
The language server of the VS Code extension, for any editor that speaks the Language
Server Protocol (Neovim, Helix, Emacs, Zed, ...): it reads requests on standard input
and writes responses on standard output until the editor sends \`exit\`. The editor
sends the settings of the \`risk\` section (README.md, "Other editors").

Example:
  risk lsp --stdio`;

/*
 * Each command's module is loaded when that command runs: `risk check` never loads the
 * spreadsheet library of `risk import`, nor `risk --version` the language core. A cold
 * start is a third of a small check (docs/performance.md).
 */
function createProgram(io: CliIo, args: readonly string[], setExitCode: (code: number) => void): Command {
    const program = new Command('risk')
        .description('Check ISO/IEC 27001 / 27005 risk models written in the .risk language.')
        .version(VERSION, '-V, --version', 'print the version and exit')
        .helpOption('-h, --help', 'show this help and exit')
        .helpCommand(false)
        .configureOutput({
            writeOut: text => io.stdout.write(text),
            writeErr: text => io.stderr.write(text),
            outputError: (text, write) => write(`risk: ${text.replace(/^error: /, '')}`)
        })
        .showHelpAfterError('Run "risk --help" or "risk check --help" for usage.')
        .exitOverride()
        .addHelpText('after', EXIT_CODES_HELP);

    program.command('check')
        .description('Check .risk models and report every finding: errors, warnings, infos and hints.')
        .argument('[paths...]', 'files or folders to check (default: ".")')
        .addOption(new Option('-f, --format <format>', `output format: ${FORMATS.join(', ')}`).default(DEFAULTS.format))
        .addOption(new Option('--as-of <date>', 'the date every date rule uses, as YYYY-MM-DD (default: today)'))
        .addOption(new Option('--fail-on <level>', `exit 1 when a finding is at or above this level: ${FAIL_LEVELS.join(', ')}`).default(DEFAULTS.failOn))
        .addOption(new Option('--max-warnings <n>', 'exit 1 when there are more than n warnings, whatever --fail-on says (default: no limit)'))
        .addOption(new Option('--baseline <rev>', 'report only findings absent at this git revision (matched by code and risk IDs, not by line); the summary says how many were hidden'))
        .addOption(new Option('--summary', 'also append the Markdown report (as --format md prints it) to the file $GITHUB_STEP_SUMMARY names; nothing when it is not set'))
        .addOption(new Option('--tag <tag>', 'report only findings in risks tagged TAG (repeatable: any of the tags); rules still see the whole model').argParser(collect))
        .helpOption('-h, --help', 'show this help and exit')
        .addHelpText('after', CHECK_HELP)
        .action(async (paths: string[], options: { format?: string; asOf?: string; failOn?: string; maxWarnings?: string; baseline?: string; summary?: boolean; tag?: string[] }) => {
            const { tag, ...rest } = options;
            const { runCheck } = await import('./check-command.js');
            setExitCode(await runCheck({ paths, ...rest, tags: tag }, io));
        });

    program.command('diff')
        .description('Compare two versions of a model: what a change does to the risk posture.')
        .argument('[revisions-and-paths...]', 'BASE [HEAD] [PATH...]: git revisions, then the model folder (default ".")')
        .addOption(new Option('-f, --format <format>', `output format: ${DIFF_FORMATS.join(', ')}`).default('pretty'))
        .addOption(new Option('--as-of <date>', 'the date both versions are evaluated on, as YYYY-MM-DD (default: today)'))
        .addOption(new Option('--fail-on <level>', `exit 1 when the verdict reaches this level: ${DIFF_FAIL_LEVELS.join(', ')}`).default('never'))
        .addOption(new Option('--from <dir>', 'compare this folder (the old version) ...'))
        .addOption(new Option('--to <dir>', '... with this folder (the new version), without git'))
        .addOption(new Option('--link-base <url>', 'md format: link files and lines to <url>/<path>#L<line>, e.g. https://github.com/OWNER/REPO/blob/SHA'))
        .helpOption('-h, --help', 'show this help and exit')
        .addHelpText('after', DIFF_HELP)
        .action(async (operands: string[], options: { format?: string; asOf?: string; failOn?: string; from?: string; to?: string; linkBase?: string }) => {
            // Commander drops the "--"; what followed it in the arguments is the tail of the operands.
            const dashDash = args.indexOf('--');
            const pathCount = dashDash < 0 ? 0 : args.length - dashDash - 1;
            const { runDiff } = await import('./diff-command.js');
            setExitCode(await runDiff({
                operands: operands.slice(0, operands.length - pathCount),
                paths: operands.slice(operands.length - pathCount),
                ...options
            }, io));
        });

    program.command('export')
        .description('Export the risk register, the treatment plan or the Statement of Applicability of one model.')
        .argument('<what>', `what to export: register, plan, soa, or all (one workbook; with --format xlsx)`)
        .argument('[paths...]', 'the model: one folder, or the .risk files of one model (default: ".")')
        .addOption(new Option('-f, --format <format>', 'csv, md (GitHub Markdown with summary and heat map), json, or xlsx (an Excel workbook; needs --output)').default('csv'))
        .addOption(new Option('-o, --output <file>', 'write to this file (folders are created; never a .risk file) instead of stdout'))
        .addOption(new Option('--as-of <date>', 'the date acceptance validity and overdue actions are computed on, as YYYY-MM-DD (default: today)'))
        .addOption(new Option('--bom', 'start a CSV with a UTF-8 byte-order mark, for Excel'))
        .addOption(new Option('--tag <tag>', 'register and plan: only risks tagged TAG (repeatable: any of the tags)').argParser(collect))
        .helpOption('-h, --help', 'show this help and exit')
        .addHelpText('after', EXPORT_HELP)
        .action(async (kind: string, paths: string[], options: { format?: string; output?: string; asOf?: string; bom?: boolean; tag?: string[] }) => {
            const { tag, ...rest } = options;
            const { runExport } = await import('./export-command.js');
            setExitCode(await runExport({ kind, paths, ...rest, tags: tag }, io));
        });

    program.command('report')
        .description('Write the HTML report of one model: heat maps, risks above appetite, method, register, treatment plan and SoA.')
        .argument('[paths...]', 'the model: one folder, or the .risk files of one model (default: ".")')
        .addOption(new Option('-o, --output <file>', 'write to this file (folders are created; never a .risk file) instead of stdout'))
        .addOption(new Option('--as-of <date>', 'the date acceptance validity and overdue actions are computed on, as YYYY-MM-DD (default: today)'))
        .helpOption('-h, --help', 'show this help and exit')
        .addHelpText('after', REPORT_HELP)
        .action(async (paths: string[], options: { output?: string; asOf?: string }) => {
            const { runReport } = await import('./report-command.js');
            setExitCode(await runReport({ paths, ...options }, io));
        });

    program.command('import')
        .description('Turn a spreadsheet risk register (CSV or XLSX) into a folder of .risk files.')
        .argument('<file>', 'the register: a .csv or .xlsx file')
        .addOption(new Option('--sheet <name>', 'the sheet of an XLSX file (default: the first; a workbook of `risk export` its Register)'))
        .addOption(new Option('--map <column=field...>', 'read a column as a field, e.g. --map "Risk Rating=level" (repeatable)'))
        .addOption(new Option('--out <dir>', 'the folder to write the model to (default: ".")'))
        .addOption(new Option('--force', 'replace files of the same names in --out'))
        .helpOption('-h, --help', 'show this help and exit')
        .addHelpText('after', IMPORT_HELP)
        .action(async (file: string, options: { sheet?: string; map?: string[]; out?: string; force?: boolean }) => {
            const { runImport } = await import('./import-command.js');
            setExitCode(await runImport({ file, ...options }, io));
        });

    program.command('fmt')
        .description('Format .risk files in place: aligned tables, the author\'s lines and comments kept.')
        .argument('[paths...]', 'files or folders to format (default: ".")')
        .addOption(new Option('--check', 'write nothing; list the files that are not formatted and exit 1 if there are any'))
        .addOption(new Option('--diff', 'print what formatting changes as a unified diff (with --check: what it would change)'))
        .helpOption('-h, --help', 'show this help and exit')
        .addHelpText('after', FMT_HELP)
        .action(async (paths: string[], options: { check?: boolean; diff?: boolean }) => {
            const { runFmt } = await import('./fmt-command.js');
            setExitCode(await runFmt({ paths, ...options }, io));
        });

    program.command('lsp')
        .description('Start the language server for editors: LSP over standard input and output.')
        .addOption(new Option('--stdio', 'talk LSP over standard input and output (required; the only transport)'))
        // vscode-languageclient adds the editor's process ID; the server exits when that process is gone.
        .addOption(new Option('--clientProcessId <pid>').hideHelp())
        .helpOption('-h, --help', 'show this help and exit')
        .addHelpText('after', LSP_HELP)
        .action(async (options: { stdio?: boolean }) => {
            if (!options.stdio) {
                throw new UsageError('--stdio is missing: the language server talks LSP over standard input and output; run "risk lsp --stdio"');
            }
            // Loaded only here: `risk check` and `risk export` never pay for the server.
            const { createStdioConnection, startRiskLanguageServer } = await import('../server/start.js');
            startRiskLanguageServer(createStdioConnection());
        });

    return program;
}

/** Runs `risk` with the arguments after the executable and script; returns the exit code. */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
    let exitCode: number = ExitCode.Ok;
    const program = createProgram(io, args, code => {
        exitCode = code;
    });
    try {
        if (args.length === 0) {
            program.outputHelp({ error: true });
            return ExitCode.Usage;
        }
        await program.parseAsync([...args], { from: 'user' });
        return exitCode;
    } catch (error) {
        if (error instanceof CommanderError) {
            // Commander has printed its message (or the help or version) already.
            return error.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
        }
        if (error instanceof UsageError) {
            io.stderr.write(error.message.split('\n').map(line => `risk: ${line}\n`).join(''));
            return ExitCode.Usage;
        }
        io.stderr.write(`risk: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`);
        if (io.env.RISK_DEBUG) {
            io.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
        } else {
            io.stderr.write('Set RISK_DEBUG=1 to see the stack trace, and please report the problem.\n');
        }
        return ExitCode.Usage;
    }
}
