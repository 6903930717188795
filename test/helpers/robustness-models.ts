/**
 * The models that made a feature throw, hang or exhaust memory (issue 11), one per file
 * under test/resources/robustness; the first line of each says what it showed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROBUSTNESS_DIR = join(import.meta.dirname, '../resources/robustness');

export interface RobustnessModel {
    readonly file: string;
    readonly text: string;
}

export function robustnessModels(): RobustnessModel[] {
    return readdirSync(ROBUSTNESS_DIR)
        .filter(file => file.endsWith('.risk'))
        .sort()
        .map(file => ({ file, text: readFileSync(join(ROBUSTNESS_DIR, file), 'utf8') }));
}
