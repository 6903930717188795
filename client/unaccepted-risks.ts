/**
 * What the status bar item lists when clicked: one entry per `unaccepted-residual` error
 * the editor holds, in file and line order, with the risk's ID and what the server says
 * about it. Kept free of `vscode` so that it can be tested without an editor.
 */

/** The parts of a VS Code diagnostic read here: its code is a string, or `{ value, target }` with a link. */
export interface DiagnosticLike {
    readonly message: string;
    readonly code?: string | number | { readonly value: string | number };
    readonly range: { readonly start: { readonly line: number; readonly character: number } };
}

export interface UnacceptedRisk {
    /** `R-005`: the first word of the message, which names the risk. */
    readonly label: string;
    /** The message after the ID: level, appetite and why no acceptance holds. */
    readonly detail: string;
    /** `risks/people.risk:3` */
    readonly description: string;
    readonly uri: string;
    readonly line: number;
    readonly character: number;
}

export const UNACCEPTED_RESIDUAL = 'unaccepted-residual';

export function codeOf(diagnostic: DiagnosticLike): string | undefined {
    const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
    return code === undefined ? undefined : String(code);
}

/**
 * The unaccepted residual risks among the diagnostics of each file (as
 * `vscode.languages.getDiagnostics()` gives them), with `relativePath` naming a file
 * the way the workspace shows it.
 */
export function unacceptedRisks(files: ReadonlyArray<readonly [string, readonly DiagnosticLike[]]>, relativePath: (uri: string) => string): UnacceptedRisk[] {
    return files
        .flatMap(([uri, diagnostics]) => diagnostics
            .filter(diagnostic => codeOf(diagnostic) === UNACCEPTED_RESIDUAL)
            .map(diagnostic => {
                const [id, ...rest] = diagnostic.message.split(' ');
                const { line, character } = diagnostic.range.start;
                return { label: id, detail: rest.join(' '), description: `${relativePath(uri)}:${line + 1}`, uri, line, character };
            }))
        .sort((a, b) => a.description.localeCompare(b.description, 'en', { numeric: true }));
}
