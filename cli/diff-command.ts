/**
 * `risk diff`: load two versions of a model, evaluate both on the same as-of date,
 * compare them semantically, print the report and decide the exit code.
 */
import { relative } from 'node:path';
import { AT_BASE_KINDS } from '../language/diff/change.js';
import type { DiffSide } from '../language/diff/declarations.js';
import { diffModels, type Verdict } from '../language/diff/model-diff.js';
import { diagnosticsOf, loadModelSources, modelRootPath, type LoadedModel } from '../language/model/load-model.js';
import type { ModelFolder } from '../language/workspace/model-boundaries.js';
import { modelPathOf } from './fingerprint.js';
import { soleModel } from './model-folders.js';
import type { CheckIo } from './check-command.js';
import { parseDiffOptions, type DiffFailLevel, type DiffFormat, type RawDiffOptions } from './diff-options.js';
import { diffFindings, type DiffFormatOptions, type DiffReport, type DiffSideReport } from './diff-report.js';
import { readDiffInputs, type SideFiles } from './diff-sides.js';
import { ExitCode } from './errors.js';
import { displayPath, sortFindings, summarize, toFinding, type Finding } from './findings.js';
import { formatDiffGithub } from './formatters/diff-github.js';
import { formatDiffJson } from './formatters/diff-json.js';
import { formatDiffMarkdown } from './formatters/diff-markdown.js';
import { formatDiffPretty } from './formatters/diff-pretty.js';
import { formatDiffSarif } from './formatters/diff-sarif.js';
import { shouldColor } from './formatters/style.js';

const FORMATTERS: Readonly<Record<DiffFormat, (report: DiffReport, options: DiffFormatOptions) => string>> = {
    pretty: formatDiffPretty,
    md: formatDiffMarkdown,
    json: formatDiffJson,
    github: formatDiffGithub,
    sarif: formatDiffSarif
};

interface LoadedSide {
    readonly files: SideFiles;
    readonly model: LoadedModel;
    /** The one model the side's files form. */
    readonly selected: ModelFolder;
    readonly findings: Finding[];
    readonly unparsable: string[];
}

export async function runDiff(raw: RawDiffOptions, io: CheckIo): Promise<number> {
    const options = parseDiffOptions(raw);
    const inputs = await readDiffInputs(options, io.cwd);
    io.modelSize?.(Math.max(...[inputs.base, inputs.head].map(side => side.files.reduce((bytes, file) => bytes + Buffer.byteLength(file.text), 0))));
    const base = await loadSide(inputs.base, options.asOf, io.cwd);
    const head = await loadSide(inputs.head, options.asOf, io.cwd);
    const diff = diffModels(diffSide(base), diffSide(head));
    const report: DiffReport = {
        asOf: diff.asOf,
        verdict: diff.verdict,
        changes: diff.changes.map(change => {
            const atBase = AT_BASE_KINDS.has(change.kind);
            const root = (atBase ? inputs.base : inputs.head).root;
            return {
                kind: change.kind,
                subject: change.subject,
                effect: change.effect,
                before: change.before,
                after: change.after,
                file: change.location ? displayPath(change.location.path, io.cwd) : null,
                line: change.location?.line ?? null,
                message: change.message,
                atBase,
                rootPath: change.location ? relative(root, change.location.path).split('\\').join('/') : null
            };
        }),
        base: sideReport(base, diff.base),
        head: sideReport(head, diff.head),
        findings: diffFindings(base.findings, head.findings),
        headRoot: inputs.head.root
    };
    io.stdout.write(FORMATTERS[options.format](report, { color: shouldColor(io.stdout, io.env), linkBase: options.linkBase }));
    return failsOn(report.verdict, options.failOn) ? ExitCode.Findings : ExitCode.Ok;
}

async function loadSide(files: SideFiles, asOf: string, cwd: string): Promise<LoadedSide> {
    const model = await loadModelSources(files.files, { asOf, folders: [files.root] });
    const selected = soleModel(model, `A diff (${files.label})`, cwd);
    // Fingerprinted within the one model, by its folder relative to the side's folder.
    const modelPath = modelPathOf(modelRootPath(selected), files.root);
    const findings = sortFindings(diagnosticsOf(model).map(({ document, diagnostic }) => ({ ...toFinding(document, diagnostic, cwd), modelPath })));
    const unparsable = model.documents
        .filter(document => document.parseResult.lexerErrors.length > 0 || document.parseResult.parserErrors.length > 0)
        .map(document => displayPath(document.uri.fsPath, cwd));
    return { files, model, selected, findings, unparsable };
}

function diffSide(side: LoadedSide): DiffSide {
    return { evaluation: side.model.evaluation(side.selected), documents: side.model.documents, root: side.files.root };
}

function sideReport(side: LoadedSide, posture: DiffSideReport['posture']): DiffSideReport {
    return {
        label: side.files.label,
        commit: side.files.commit,
        files: side.files.files.length,
        posture,
        check: summarize(side.findings),
        unparsable: side.unparsable
    };
}

export function failsOn(verdict: Verdict, level: DiffFailLevel): boolean {
    switch (level) {
        case 'worse':
            return verdict === 'worse' || verdict === 'mixed';
        case 'changed':
            return verdict !== 'unchanged';
        case 'never':
            return false;
    }
}
