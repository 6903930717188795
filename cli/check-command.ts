/**
 * `risk check`: load each model, collect the findings the language core reports,
 * print them in the chosen format and decide the exit code.
 */
import type { ModelEvaluation } from '../language/evaluation/model-evaluator.js';
import { diagnosticsOf, loadModelFiles, modelRootPath } from '../language/model/load-model.js';
import { filterByBaseline } from './baseline.js';
import { sizeOfFiles, type ModelSizeHook } from './large-model.js';
import { collectModels } from './collect-files.js';
import { modelFolderLabel } from './model-folders.js';
import { inTaggedRisks } from './tag-filter.js';
import { UsageError } from './errors.js';
import { exitCodeFor } from './exit-code.js';
import { modelPathOf } from './fingerprint.js';
import { sortFindings, summarize, toFinding, type Finding } from './findings.js';
import { formatGithub } from './formatters/github.js';
import { formatGitlab } from './formatters/gitlab.js';
import { formatJson } from './formatters/json.js';
import { formatMarkdown } from './formatters/markdown.js';
import { formatPretty } from './formatters/pretty.js';
import { formatSarif } from './formatters/sarif.js';
import { shouldColor } from './formatters/style.js';
import { parseCheckOptions, type OutputFormat, type RawCheckOptions } from './options.js';
import { findRepositoryRoot } from './repository-root.js';
import type { CheckReport, FormatOptions } from './report.js';
import { appendStepSummary } from './step-summary.js';

export interface CheckIo {
    readonly cwd: string;
    readonly env: NodeJS.ProcessEnv;
    readonly stdout: { isTTY?: boolean; write(text: string): unknown };
    /** Told the size of the model about to be loaded; the executable may run again tuned for it (large-model.ts). */
    readonly modelSize?: ModelSizeHook;
}

const FORMATTERS: Readonly<Record<OutputFormat, (report: CheckReport, options: FormatOptions) => string>> = {
    pretty: formatPretty,
    json: formatJson,
    sarif: formatSarif,
    github: formatGithub,
    gitlab: formatGitlab,
    md: formatMarkdown
};

/** Runs the check and returns the exit code; usage problems throw a UsageError. */
export async function runCheck(raw: RawCheckOptions, io: CheckIo): Promise<number> {
    const options = parseCheckOptions(raw);
    const models = await collectModels(options.paths, io.cwd);
    io.modelSize?.(sizeOfFiles(new Set(models.flatMap(model => model.files))));
    const findings: Finding[] = [];
    const files = new Set<string>();
    const checked = new Map<string, number>();
    for (const collected of models) {
        const loaded = await loadModelFiles(collected.files, { asOf: options.asOf, folders: collected.folder ? [collected.root] : [] }).catch((error: unknown) => {
            throw fileSystemError(error) ?? error;
        });
        collected.files.forEach(file => files.add(file));
        // The files of one argument may hold several models (model-boundaries.ts): each is checked on its own.
        for (const model of loaded.models()) {
            const folder = modelFolderLabel(model, io.cwd);
            checked.set(folder, (checked.get(folder) ?? 0) + model.documents.length);
            const evaluation = loaded.evaluation(model);
            const levels = residualLevels(evaluation);
            // Rules ran on the whole model; --tag only narrows what is reported.
            const reported = options.tags.length > 0 ? inTaggedRisks(evaluation, options.tags) : () => true;
            for (const { document, diagnostic } of diagnosticsOf({ documents: model.documents })) {
                if (!reported(document, diagnostic)) {
                    continue;
                }
                const finding = { ...toFinding(document, diagnostic, io.cwd), model: folder, modelPath: modelPathOf(modelRootPath(model), collected.root) };
                const riskLevel = finding.subjects.length > 0 ? levels.get(finding.subjects[0]) : undefined;
                findings.push(riskLevel === undefined ? finding : { ...finding, riskLevel });
            }
        }
    }
    let sorted = sortFindings(findings);
    let baseline: CheckReport['baseline'];
    if (options.baseline !== undefined) {
        const result = await filterByBaseline(sorted, options.baseline, options.paths, options.asOf, io.cwd);
        sorted = [...result.kept];
        baseline = { revision: options.baseline, hidden: result.hidden };
    }
    const report: CheckReport = {
        asOf: options.asOf,
        cwd: io.cwd,
        sourceRoot: findRepositoryRoot(io.cwd) ?? io.cwd,
        fileCount: files.size,
        models: [...checked].map(([folder, fileCount]) => ({ folder, files: fileCount })).sort((a, b) => (a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : 0)),
        findings: sorted,
        summary: summarize(sorted),
        baseline
    };
    io.stdout.write(FORMATTERS[options.format](report, { color: shouldColor(io.stdout, io.env) }));
    if (options.summary) {
        await appendStepSummary(formatMarkdown(report), io.env);
    }
    return exitCodeFor(report.summary, options.failOn, options.maxWarnings);
}

/** Each risk's residual level by the risk's ID, as the evaluated model computed it. */
function residualLevels(evaluation: ModelEvaluation): Map<string, string> {
    const levels = new Map<string, string>();
    for (const { risk, residual } of evaluation.risks) {
        const level = residual?.level?.name;
        if (risk.name && level && !levels.has(risk.name)) {
            levels.set(risk.name, level);
        }
    }
    return levels;
}

/** A file that vanished or became unreadable between listing and loading. */
function fileSystemError(error: unknown): UsageError | undefined {
    const { code, path } = (error ?? {}) as NodeJS.ErrnoException;
    if (typeof code === 'string' && typeof path === 'string') {
        return new UsageError(`'${path}' cannot be read (${code}). Check that the file exists and is readable.`);
    }
    return undefined;
}
