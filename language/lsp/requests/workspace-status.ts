/**
 * The model's standing (status-protocol.ts): after every build the server tells the
 * client how many residual risks above appetite have no valid acceptance, and the
 * "Check Workspace" command validates the whole workspace again and answers with the
 * counts of its findings.
 */
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import type { RiskServices } from '../../risk-module.js';
import { isBuiltinDocument } from '../../workspace/builtin-documents.js';
import { revalidateWorkspace } from '../../workspace/revalidate.js';
import { CHECK_WORKSPACE_REQUEST, STATUS_NOTIFICATION, type CheckWorkspaceResult, type RiskStatus } from './status-protocol.js';

/** The findings of the model's files by severity, and its unaccepted residual risks. */
export function checkWorkspaceResult(services: RiskServices): CheckWorkspaceResult {
    // LSP DiagnosticSeverity: 1 error, 2 warning, 3 information, 4 hint; unset reads as an error.
    const counts = [0, 0, 0, 0];
    const documents = services.shared.workspace.LangiumDocuments.all.filter(document => !isBuiltinDocument(document)).toArray();
    for (const document of documents) {
        for (const diagnostic of document.diagnostics ?? []) {
            counts[(diagnostic.severity ?? 1) - 1]++;
        }
    }
    // Every model of the workspace counts (workspace/model-boundaries.ts).
    const evaluations = services.evaluation.ModelBoundaries.models().map(model => services.evaluation.ModelEvaluator.evaluate(model));
    return {
        unacceptedResidualRisks: evaluations.flatMap(evaluation => evaluation.risks).filter(risk => risk.aboveAppetite && !risk.accepted).length,
        errors: counts[0],
        warnings: counts[1],
        infos: counts[2],
        hints: counts[3],
        files: documents.length,
        asOf: services.settings.RiskSettings.asOf()
    };
}

export function riskStatus(services: RiskServices): RiskStatus {
    const { unacceptedResidualRisks, errors, asOf } = checkWorkspaceResult(services);
    return { unacceptedResidualRisks, errors, asOf };
}

export function registerWorkspaceStatus(connection: Connection, services: { shared: LangiumSharedServices; Risk: RiskServices }): void {
    const { shared, Risk } = services;
    const lock = shared.workspace.WorkspaceLock;

    // Every build starts with an update; a normal read runs once it, and any build
    // queued behind it, is done. One read stands for any number of updates before it.
    let scheduled = false;
    let sent: string | undefined;
    shared.workspace.DocumentBuilder.onUpdate(() => {
        if (scheduled) {
            return;
        }
        scheduled = true;
        lock.read(() => {
            scheduled = false;
            const status = riskStatus(Risk);
            const text = JSON.stringify(status);
            if (text !== sent) {
                sent = text;
                void connection.sendNotification(STATUS_NOTIFICATION, status);
            }
        }).catch(error => console.error(`Risk: ${STATUS_NOTIFICATION} failed:`, error));
    });

    connection.onRequest(CHECK_WORKSPACE_REQUEST, async (): Promise<CheckWorkspaceResult> => {
        await shared.workspace.WorkspaceManager.ready;
        await revalidateWorkspace(shared);
        // The revalidation may have been cancelled by an edit; the read waits for the build that follows.
        return lock.read(() => checkWorkspaceResult(Risk));
    });
}
