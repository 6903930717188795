/**
 * Show Risk Matrix: a webview with the inherent and residual heat maps of the
 * workspace's model, from the language server's evaluation (`risk/matrix`). Clicking
 * a cell lists its risks; clicking a risk opens it. The panel refreshes after every
 * build of the server (`risk/modelUpdated`: edits, and files changed on disk such as a
 * `git checkout`), when a `.risk` file is saved, when the as-of date setting changes,
 * and whenever it becomes visible again.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { MATRIX_REQUEST, type MatrixRequestResult } from '../../language/lsp/requests/protocol.js';
import { MODEL_UPDATED_NOTIFICATION } from '../../language/lsp/requests/status-protocol.js';
import { createNonce, riskMatrixHtml, riskMatrixMessageHtml, type MatrixMessage, type MatrixPage } from './risk-matrix-html.js';

const VIEW_TYPE = 'risk.riskMatrix';

/** Builds follow each other quickly while someone types or a checkout lands: one refresh for a burst. */
const REFRESH_DELAY_MS = 300;

export function registerRiskMatrix(context: vscode.ExtensionContext, client: LanguageClient): void {
    let panel: RiskMatrixPanel | undefined;
    context.subscriptions.push(
        vscode.commands.registerCommand('risk.showRiskMatrix', () => {
            if (panel) {
                panel.reveal();
            } else {
                panel = new RiskMatrixPanel(client, () => {
                    panel = undefined;
                });
            }
            return panel.refresh();
        }),
        client.onNotification(MODEL_UPDATED_NOTIFICATION, () => panel?.refreshSoon()),
        vscode.workspace.onDidSaveTextDocument(document => {
            if (panel && isRiskDocument(document)) {
                void panel.refresh();
            }
        }),
        vscode.workspace.onDidChangeConfiguration(event => {
            if (panel && event.affectsConfiguration('risk.asOf')) {
                void panel.refresh();
            }
        }),
        { dispose: () => panel?.dispose() }
    );
}

function isRiskDocument(document: vscode.TextDocument): boolean {
    return document.languageId === 'risk' || document.uri.path.toLowerCase().endsWith('.risk');
}

class RiskMatrixPanel {
    private readonly panel: vscode.WebviewPanel;
    private readonly disposables: vscode.Disposable[] = [];
    /** The matrix on show: a risk the page asks to open must be one of it. */
    private matrix: MatrixRequestResult | undefined;
    /** Counts refreshes, so that a slow answer never replaces a newer one. */
    private generation = 0;
    /** Seen visible at the last view state change: a refresh follows only from hidden to visible. */
    private wasVisible = true;
    /** The last `.risk` file active in an editor: the matrix is of its model (docs/language.md §1). */
    private modelFile: string | undefined;

    constructor(private readonly client: LanguageClient, onDispose: () => void) {
        this.panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Risk Matrix', vscode.ViewColumn.Beside, {
            enableScripts: true,
            localResourceRoots: [],
            enableFindWidget: true
        });
        this.panel.webview.html = riskMatrixMessageHtml('Loading the risk matrix…', this.page());
        this.followModel(vscode.window.activeTextEditor);
        this.disposables.push(
            vscode.window.onDidChangeActiveTextEditor(editor => {
                if (this.followModel(editor)) {
                    void this.refresh();
                }
            }),
            this.panel.onDidDispose(() => {
                clearTimeout(this.refreshTimer);
                this.disposables.forEach(disposable => disposable.dispose());
                onDispose();
            }),
            this.panel.onDidChangeViewState(event => {
                // Also fired when the panel gains or loses focus: refresh only when it shows again.
                const visible = event.webviewPanel.visible;
                if (visible && !this.wasVisible) {
                    void this.refresh();
                }
                this.wasVisible = visible;
            }),
            this.panel.webview.onDidReceiveMessage((message: MatrixMessage) => this.receive(message))
        );
    }

    private refreshTimer: ReturnType<typeof setTimeout> | undefined;

    /** A refresh after a short quiet period: the last of a burst of builds shows. */
    refreshSoon(): void {
        clearTimeout(this.refreshTimer);
        this.refreshTimer = setTimeout(() => {
            this.refreshTimer = undefined;
            void this.refresh();
        }, REFRESH_DELAY_MS);
    }

    /** True when the editor shows a `.risk` file other than the one the matrix follows. */
    private followModel(editor: vscode.TextEditor | undefined): boolean {
        if (!editor || !isRiskDocument(editor.document) || editor.document.uri.toString() === this.modelFile) {
            return false;
        }
        this.modelFile = editor.document.uri.toString();
        return true;
    }

    reveal(): void {
        this.panel.reveal(undefined);
    }

    dispose(): void {
        this.panel.dispose();
    }

    /** Asks the server for the matrix and shows it; a hidden panel refreshes once it is visible again. */
    async refresh(): Promise<void> {
        if (!this.panel.visible) {
            return;
        }
        const generation = ++this.generation;
        try {
            const matrix = await this.client.sendRequest<MatrixRequestResult>(MATRIX_REQUEST, this.modelFile ? { uri: this.modelFile } : {});
            // The same matrix is not drawn again: the page keeps the cell someone opened.
            if (generation === this.generation && !sameMatrix(matrix, this.matrix)) {
                this.matrix = matrix;
                this.panel.webview.html = riskMatrixHtml(matrix, this.page());
            }
        } catch (error) {
            if (generation === this.generation) {
                this.matrix = undefined;
                const reason = error instanceof Error ? error.message : String(error);
                this.panel.webview.html = riskMatrixMessageHtml(`The risk matrix could not be computed: ${reason}`, this.page(), 'error');
            }
        }
    }

    private page(): MatrixPage {
        return { cspSource: this.panel.webview.cspSource, nonce: createNonce() };
    }

    private async receive(message: MatrixMessage): Promise<void> {
        if (message?.type === 'refresh') {
            await this.refresh();
        } else if (message?.type === 'openRisk') {
            await this.openRisk(message.uri, message.line, message.character);
        }
    }

    /** Opens a risk of the matrix on show at its ID; anything else the page might post is ignored. */
    private async openRisk(uri: unknown, line: unknown, character: unknown): Promise<void> {
        const matrix = this.matrix;
        const risks = matrix ? [
            ...matrix.cells.inherent.flatMap(cell => cell.risks),
            ...matrix.cells.residual.flatMap(cell => cell.risks),
            ...matrix.notAssessed.inherent,
            ...matrix.notAssessed.residual
        ] : [];
        const risk = risks.find(candidate => candidate.uri === uri && candidate.line === line && candidate.character === character);
        if (!risk) {
            return;
        }
        const start = new vscode.Position(risk.line, risk.character);
        const selection = new vscode.Range(start, start.translate(0, risk.id.length));
        const column = this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One;
        try {
            await vscode.window.showTextDocument(vscode.Uri.parse(risk.uri), { selection, viewColumn: column, preview: false });
        } catch (error) {
            void vscode.window.showErrorMessage(`Risk: ${risk.id} could not be opened: ${error instanceof Error ? error.message : String(error)}`);
        }
    }
}

function sameMatrix(a: MatrixRequestResult, b: MatrixRequestResult | undefined): boolean {
    return b !== undefined && JSON.stringify(a) === JSON.stringify(b);
}
