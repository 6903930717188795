/**
 * Registers the server's own requests (protocol.ts) on the connection. Each answers
 * once the workspace is loaded and no build is running, so it sees the model as the
 * Problems panel shows it: every document parsed, linked and validated.
 */
import { URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { ResponseError, type Connection } from 'vscode-languageserver';
import type { RiskServices } from '../../risk-module.js';
import { exportRequest, type WorkspaceContext } from './export-request.js';
import { matrixRequest } from './matrix-request.js';
import { EXPORT_REQUEST, MATRIX_REQUEST, type ExportRequestResult, type MatrixRequestResult } from './protocol.js';

export function registerRiskRequests(connection: Connection, services: { shared: LangiumSharedServices; Risk: RiskServices }): void {
    const { shared, Risk } = services;
    const afterBuild = async <T>(request: string, answer: () => T): Promise<T | ResponseError<void>> => {
        await shared.workspace.WorkspaceManager.ready;
        try {
            // A normal read waits for running and queued builds, validation included.
            return await shared.workspace.WorkspaceLock.read(answer);
        } catch (error) {
            if (error instanceof ResponseError) {
                return error;
            }
            console.error(`Risk: ${request} failed:`, error);
            throw error;
        }
    };
    connection.onRequest(EXPORT_REQUEST, (params: unknown): Promise<ExportRequestResult | ResponseError<void>> =>
        afterBuild(EXPORT_REQUEST, () => exportRequest(Risk, params, workspaceContext(shared))));
    connection.onRequest(MATRIX_REQUEST, (params: unknown): Promise<MatrixRequestResult | ResponseError<void>> =>
        afterBuild(MATRIX_REQUEST, () => matrixRequest(Risk, params)));
}

/** The first workspace folder on disk is the folder of the model. */
export function workspaceContext(shared: LangiumSharedServices): WorkspaceContext {
    const folder = shared.workspace.WorkspaceManager.workspaceFolders
        ?.map(candidate => URI.parse(candidate.uri))
        .find(uri => uri.scheme === 'file');
    return folder ? { baseDir: folder.fsPath } : {};
}
