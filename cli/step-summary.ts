/**
 * `--summary`: GitHub Actions shows, on a run's summary page, the Markdown that steps
 * append to the file named by GITHUB_STEP_SUMMARY. Outside GitHub Actions (the
 * variable unset) there is nowhere to write, and the option does nothing, so one
 * command works in a workflow and on a laptop.
 */
import { appendFile } from 'node:fs/promises';
import { UsageError } from './errors.js';

export const STEP_SUMMARY_VARIABLE = 'GITHUB_STEP_SUMMARY';

/** Appends `markdown` to the step summary file; true when there was one to append to. */
export async function appendStepSummary(markdown: string, env: NodeJS.ProcessEnv): Promise<boolean> {
    const file = env[STEP_SUMMARY_VARIABLE];
    if (!file) {
        return false;
    }
    await appendFile(file, markdown.endsWith('\n') ? `${markdown}\n` : `${markdown}\n\n`).catch((error: NodeJS.ErrnoException) => {
        throw new UsageError(`--summary: cannot append to ${STEP_SUMMARY_VARIABLE} ('${file}'): ${error.code ?? error.message}. ` +
            `Set ${STEP_SUMMARY_VARIABLE} to a writable file, or leave out --summary.`);
    });
    return true;
}
