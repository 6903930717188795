/**
 * What the server tells the person in front of the editor about its own work, so that
 * a large workspace that is still loading never looks like a clean model:
 *
 * - a start line in the log: version, Node, workspace folders;
 * - while the workspace is first loaded and checked, a progress notification
 *   (`window/workDoneProgress`, "Checking 24 files… 12/24") when the client supports it;
 * - after every build, one summary line in the log: files, risks, findings by severity,
 *   unaccepted residual risks, the as-of date and how long the build took.
 *
 * The log lines go to the connection's console: in VS Code, the "Risk Language" output
 * channel at its default level (Info); in other editors, their LSP log.
 */
import { DocumentState, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection, InitializeParams, WorkDoneProgressServerReporter } from 'vscode-languageserver';
import { VERSION } from '../cli/version.js';
import { checkWorkspaceResult } from '../language/lsp/requests/workspace-status.js';
import type { RiskServices } from '../language/risk-module.js';
import { isBuiltinDocument } from '../language/workspace/builtin-documents.js';

/** Reports at most this often while files are checked: a report per file would flood a slow client. */
const REPORT_INTERVAL_MS = 100;

export function registerBuildReport(connection: Connection, services: { shared: LangiumSharedServices; Risk: RiskServices }): void {
    const { shared, Risk } = services;
    const builder = shared.workspace.DocumentBuilder;
    let progressSupported = false;

    shared.lsp.LanguageServer.onInitialize((params: InitializeParams) => {
        progressSupported = params.capabilities.window?.workDoneProgress === true;
        connection.console.info(startLine(params));
    });

    shared.lsp.LanguageServer.onInitialized(() => {
        if (progressSupported) {
            void reportInitialBuild(connection, shared);
        }
    });

    let buildStarted: number | undefined;
    builder.onUpdate(() => {
        buildStarted ??= performance.now();
    });
    builder.onBuildPhase(DocumentState.Validated, () => {
        const milliseconds = buildStarted === undefined ? undefined : Math.round(performance.now() - buildStarted);
        buildStarted = undefined;
        try {
            connection.console.info(buildSummary(Risk, milliseconds));
        } catch (error) {
            connection.console.error(`Risk: the build summary failed: ${error instanceof Error ? error.message : String(error)}`);
        }
    });
}

function startLine(params: InitializeParams): string {
    const folders = params.workspaceFolders?.map(folder => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    const where = folders.length === 0 ? 'no workspace folder' : `workspace ${folders.join(', ')}`;
    return `Risk Language server ${VERSION} started on Node ${process.version} (pid ${process.pid}); ${where}`;
}

function buildSummary(Risk: RiskServices, milliseconds: number | undefined): string {
    const result = checkWorkspaceResult(Risk);
    const models = Risk.evaluation.ModelBoundaries.models();
    const risks = models.reduce((sum, model) => sum + Risk.evaluation.ModelEvaluator.evaluate(model).risks.length, 0);
    const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
    return [
        `Checked ${plural(result.files, 'file')} (${plural(risks, 'risk')}): `,
        `${plural(result.errors, 'error')}, ${plural(result.warnings, 'warning')}, `,
        `${result.infos} info, ${plural(result.hints, 'hint')}; `,
        `${result.unacceptedResidualRisks} unaccepted residual ${result.unacceptedResidualRisks === 1 ? 'risk' : 'risks'}; `,
        `as of ${result.asOf}`,
        milliseconds === undefined ? '' : `; ${milliseconds} ms`
    ].join('');
}

/**
 * A progress notification from the first build to its end. The workspace manager loads
 * the files, then builds them all at once; each file that reaches `Validated` is a step.
 */
async function reportInitialBuild(connection: Connection, shared: LangiumSharedServices): Promise<void> {
    const builder = shared.workspace.DocumentBuilder;
    let progress: WorkDoneProgressServerReporter | undefined;
    let total = 0;
    let checked = 0;
    let reported = 0;
    let endFirstBuild!: () => void;
    const firstBuild = new Promise<void>(resolve => {
        endFirstBuild = resolve;
    });
    const listeners = [
        builder.onDocumentPhase(DocumentState.Validated, (document: LangiumDocument) => {
            if (isBuiltinDocument(document)) {
                return;
            }
            checked++;
            const now = performance.now();
            if (progress && total > 0 && now - reported >= REPORT_INTERVAL_MS) {
                reported = now;
                const step = Math.min(checked, total);
                progress.report(Math.floor(step * 100 / total), `Checking ${files(total)}… ${step}/${total}`);
            }
        }),
        builder.onBuildPhase(DocumentState.Validated, () => endFirstBuild())
    ];
    try {
        progress = await connection.window.createWorkDoneProgress();
        await shared.workspace.WorkspaceManager.ready;
        total = shared.workspace.LangiumDocuments.all.filter(document => !isBuiltinDocument(document)).count();
        // On a small workspace the build may be over already: begin and end all the same,
        // so the notification always says what was checked.
        progress.begin('Risk', 0, `Checking ${files(total)}…`, false);
        await firstBuild;
    } catch (error) {
        connection.console.warn(`Risk: no progress notification: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
        listeners.forEach(listener => listener.dispose());
        progress?.done();
    }
}

function files(count: number): string {
    return `${count} ${count === 1 ? 'file' : 'files'}`;
}
