/** `risk check` exit codes: 0, 1 by --fail-on and --max-warnings, 2 for usage errors. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLEAN, ERROR, FIXTURE_AS_OF, HINT, INFO, METHOD, WARNING, workspace, type Workspace } from './fixtures.js';
import { runJson, runRisk } from './run-risk.js';

let ws: Workspace;

beforeAll(() => {
    const model = (extra: Record<string, string>) => ({ 'method.risk': METHOD, 'clean.risk': CLEAN, ...extra });
    const files: Record<string, string> = {};
    const models: Record<string, Record<string, string>> = {
        clean: model({}),
        errors: model({ 'error.risk': ERROR }),
        warnings: model({ 'warning.risk': WARNING }),
        infos: model({ 'info.risk': INFO }),
        hints: model({ 'hint.risk': HINT }),
        all: model({ 'error.risk': ERROR, 'warning.risk': WARNING, 'info.risk': INFO, 'hint.risk': HINT })
    };
    for (const [name, texts] of Object.entries(models)) {
        for (const [file, text] of Object.entries(texts)) {
            files[`${name}/${file}`] = text;
        }
    }
    ws = workspace(files);
});

afterAll(() => ws.remove());

const status = (...args: string[]) => runRisk(['check', ...args, '--as-of', FIXTURE_AS_OF], { cwd: ws.dir }).status;

describe('the fixtures', () => {
    test('have the findings the exit-code tests rely on', () => {
        const summary = (folder: string) => runJson(['check', folder, '--as-of', FIXTURE_AS_OF], ws.dir).report.summary;
        expect(summary('clean')).toEqual({ errors: 0, warnings: 0, infos: 0, hints: 0 });
        expect(summary('errors')).toEqual({ errors: 1, warnings: 0, infos: 0, hints: 0 });
        expect(summary('warnings')).toEqual({ errors: 0, warnings: 1, infos: 0, hints: 0 });
        expect(summary('infos')).toEqual({ errors: 0, warnings: 0, infos: 1, hints: 0 });
        expect(summary('hints')).toEqual({ errors: 0, warnings: 0, infos: 0, hints: 1 });
    });
});

describe('--fail-on', () => {
    test('error (the default): 1 only when there is an error', () => {
        expect(status('clean')).toBe(0);
        expect(status('errors')).toBe(1);
        expect(status('warnings')).toBe(0);
        expect(status('infos')).toBe(0);
        expect(status('hints')).toBe(0);
        expect(status('errors', '--fail-on', 'error')).toBe(1);
        expect(status('warnings', '--fail-on', 'error')).toBe(0);
    });

    test('warning: 1 for errors and warnings', () => {
        expect(status('errors', '--fail-on', 'warning')).toBe(1);
        expect(status('warnings', '--fail-on', 'warning')).toBe(1);
        expect(status('infos', '--fail-on', 'warning')).toBe(0);
        expect(status('hints', '--fail-on', 'warning')).toBe(0);
    });

    test('info: 1 for errors, warnings and infos, never for hints', () => {
        expect(status('errors', '--fail-on', 'info')).toBe(1);
        expect(status('warnings', '--fail-on', 'info')).toBe(1);
        expect(status('infos', '--fail-on', 'info')).toBe(1);
        expect(status('hints', '--fail-on', 'info')).toBe(0);
        expect(status('clean', '--fail-on', 'info')).toBe(0);
    });

    test('never: 0 whatever is found', () => {
        expect(status('all', '--fail-on', 'never')).toBe(0);
        expect(status('errors', '--fail-on', 'never')).toBe(0);
    });

    test('applies to every format alike', () => {
        for (const format of ['pretty', 'json', 'sarif', 'github']) {
            expect(status('errors', '--format', format)).toBe(1);
            expect(status('warnings', '--format', format)).toBe(0);
        }
    });
});

describe('--max-warnings', () => {
    test('exits 1 when the warnings exceed the limit', () => {
        expect(status('warnings', '--max-warnings', '0')).toBe(1);
        expect(status('warnings', '--max-warnings', '1')).toBe(0);
        expect(status('clean', '--max-warnings', '0')).toBe(0);
        expect(status('infos', '--max-warnings', '0')).toBe(0);
    });

    test('counts even with --fail-on never, and does not excuse errors', () => {
        expect(status('warnings', '--fail-on', 'never', '--max-warnings', '0')).toBe(1);
        expect(status('errors', '--max-warnings', '5')).toBe(1);
    });
});

describe('usage errors exit 2 with a message on stderr and nothing on stdout', () => {
    const usage = (args: string[], message: RegExp) => {
        const run = runRisk(args, { cwd: ws.dir });
        expect(run.status).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toMatch(message);
        expect(run.stderr).not.toMatch(/\n\s+at /);
        return run;
    };

    test('a date that is not in the calendar', () => {
        usage(['check', 'clean', '--as-of', '2026-02-30'], /--as-of "2026-02-30" is not a real calendar date; .*YYYY-MM-DD/);
        usage(['check', 'clean', '--as-of', '2026-13-01'], /--as-of "2026-13-01" is not a real calendar date/);
    });

    test('something that is not a date', () => {
        const run = usage(['check', 'clean', '--as-of', 'tomorrow'], /--as-of "tomorrow" is not a date; write it as YYYY-MM-DD/);
        expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
        usage(['check', 'clean', '--as-of', '23.11.2026'], /is not a date/);
    });

    test('a leap day is a real date', () => {
        expect(status('clean', '--as-of', '2028-02-29')).toBe(0);
        expect(runRisk(['check', 'clean', '--as-of', '2027-02-29'], { cwd: ws.dir }).status).toBe(2);
    });

    test('bad option values', () => {
        usage(['check', 'clean', '--format', 'xml'], /--format "xml" is not a format; use one of pretty, json, sarif, github/);
        usage(['check', 'clean', '--fail-on', 'fatal'], /--fail-on "fatal" is not a level; use one of error, warning, info, never/);
        usage(['check', 'clean', '--max-warnings', 'many'], /--max-warnings "many" is not a whole number/);
        usage(['check', 'clean', '--max-warnings', '-1'], /--max-warnings "-1" is not a whole number/);
        usage(['check', 'clean', '--max-warnings', '1.5'], /--max-warnings "1.5" is not a whole number/);
    });

    test('every bad value is named at once', () => {
        const run = usage(['check', 'clean', '--format', 'xml', '--as-of', '2026-02-30'], /--format "xml"/);
        expect(run.stderr).toMatch(/--as-of "2026-02-30"/);
    });

    test('an unknown option, a missing option value, an unknown command', () => {
        usage(['check', 'clean', '--bogus'], /unknown option '--bogus'/);
        usage(['check', 'clean', '--as-of'], /argument missing/);
        usage(['chekc'], /unknown command 'chekc'/);
    });

    test('no command at all shows the help on stderr', () => {
        usage([], /Usage: risk/);
    });

    test('a path that does not exist', () => {
        usage(['check', 'nope'], /'nope' does not exist/);
        usage(['check', 'clean', 'missing.risk'], /'missing.risk' does not exist/);
    });

    test('a folder without .risk files', () => {
        ws.write({ 'empty/readme.txt': 'no model here', 'empty/node_modules/x.risk': 'risk' });
        usage(['check', 'empty'], /'empty' contains no \.risk files/);
    });
});
