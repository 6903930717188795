/**
 * LibreOffice Calc, headless, as a judge of CSV files: each file is imported with the
 * given CSV filter options and saved as flat OpenDocument XML (.fods), whose cells
 * show whether the import made a formula (`table:formula="of:=…"`).
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The `soffice` on the PATH (Debian: package libreoffice-calc-nogui), or undefined. */
export function findSoffice(): string | undefined {
    for (const folder of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
        const candidate = join(folder, 'soffice');
        try {
            accessSync(candidate, constants.X_OK);
            return candidate;
        } catch {
            // not in this folder
        }
    }
    return undefined;
}

/**
 * Token list of LibreOffice's CSV filter ("Text - txt - csv (StarCalc)"): 1 field
 * separator, 2 text delimiter, 3 character set, 4 first line, 5 column formats,
 * 6 language, 7 quoted field as text, 8 detect special numbers, 9–10 export only,
 * 11 trim spaces, 12 export only, 13 evaluate formulas.
 * https://help.libreoffice.org/latest/en-US/text/shared/guide/csv_params.html
 */
export const CSV_IMPORTS = {
    /** The import dialog's defaults: comma, double quote, UTF-8 (76), from line 1. */
    default: '44,34,76,1',
    /** The same with "Trim spaces", "Detect special numbers" and "Evaluate formulas" on. */
    trimSpaces: '44,34,76,1,,0,false,true,false,false,true,-1,true'
} as const;

/** Imports every CSV file with the filter options and returns each one's .fods XML by file name. */
export function importCsv(soffice: string, files: readonly string[], filterOptions: string): Map<string, string> {
    const work = mkdtempSync(join(tmpdir(), 'risk-soffice-'));
    try {
        const result = spawnSync(soffice, [
            // A profile of its own: no clash with another running LibreOffice, nothing left in ~.
            `-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`,
            '--headless', '--norestore',
            `--infilter=Text - txt - csv (StarCalc):${filterOptions}`,
            '--convert-to', 'fods', '--outdir', join(work, 'out'),
            ...files
        ], { encoding: 'utf8', timeout: 300_000 });
        if (result.error || result.status !== 0) {
            throw new Error(`soffice failed (${result.error?.message ?? `exit ${result.status}`}): ${result.stderr}`);
        }
        return new Map(files.map(file => {
            const name = basename(file).replace(/\.csv$/, '.fods');
            return [basename(file), readFileSync(join(work, 'out', name), 'utf8')];
        }));
    } finally {
        rmSync(work, { recursive: true, force: true });
    }
}

/** The formulas of a .fods document's cells, as LibreOffice stored them (`of:=1+1`). */
export function formulaCells(fods: string): string[] {
    return [...fods.matchAll(/<table:table-cell\b[^>]*\btable:formula="([^"]*)"/g)].map(match => match[1]);
}
