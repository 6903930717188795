/**
 * The model's standing, for the editor: the `risk/status` notification the server
 * sends after every build (the VS Code extension shows it in the status bar), and the
 * `risk/checkWorkspace` request behind the "Risk: Check Workspace" command. Shared by
 * the server and the client, so it imports nothing: names and shapes only.
 *
 * | message | params | result |
 * | --- | --- | --- |
 * | `risk/status` (server → client) | {@link RiskStatus} | — |
 * | `risk/checkWorkspace` (client → server) | `{}` | {@link CheckWorkspaceResult} |
 * | `risk/modelUpdated` (server → client) | none | — |
 */

export const STATUS_NOTIFICATION = 'risk/status';
export const CHECK_WORKSPACE_REQUEST = 'risk/checkWorkspace';
/**
 * Sent after every build, whatever started it: an edit, or files changed on disk (a
 * `git checkout` reported by `workspace/didChangeWatchedFiles`). Views of the whole model,
 * such as the Risk Matrix, ask for their data again.
 */
export const MODEL_UPDATED_NOTIFICATION = 'risk/modelUpdated';

export interface RiskStatus {
    /** Risks whose residual is above appetite with no valid acceptance: the `unaccepted-residual` errors. */
    readonly unacceptedResidualRisks: number;
    /** Errors of every kind in the model's files. */
    readonly errors: number;
    /** The as-of date the model was evaluated on, `YYYY-MM-DD`. */
    readonly asOf: string;
}

/** The model after every file was validated again; the counts are those `risk check` prints. */
export interface CheckWorkspaceResult extends RiskStatus {
    readonly warnings: number;
    readonly infos: number;
    readonly hints: number;
    /** The model's `.risk` files (open, untitled or on disk). */
    readonly files: number;
}
