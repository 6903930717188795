/**
 * Every `.risk` file of the repository: formatting it is idempotent and keeps its meaning
 * (the same diagnostic codes, the same JSON exports), and the file is kept in formatted form
 * (`risk fmt --check` would pass) — except the files whose exact bytes are what a test is about.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { buildExport, EXPORT_KINDS, formatExport } from '../../../language/exports/index.js';
import { formattedText } from '../../../language/lsp/risk-formatter.js';
import { createRiskServices } from '../../../language/risk-module.js';
import { decodeRiskFile } from '../../../language/workspace/file-encoding.js';
import { checkTexts } from '../../helpers/check-model.js';

const ROOT = join(import.meta.dirname, '../../..');

/** Files kept as they are, and why: their bytes are the test. */
const AS_THEY_ARE: ReadonlyArray<readonly [prefix: string, why: string]> = [
    ['test/fuzz/reproducers/', 'inputs the fuzzer found, kept byte for byte'],
    ['test/resources/validation/encoding-invalid/', 'byte order marks and encodings are the test'],
    ['test/resources/validation/syntax-error/', 'syntax errors: such a file cannot be formatted'],
    ['test/resources/version-1/', 'models frozen byte for byte as version 1 of the language wrote them; tests edit their exact text']
];

const { shared } = createRiskServices(EmptyFileSystem);

function riskFiles(folder: string): string[] {
    return readdirSync(folder, { withFileTypes: true }).flatMap(entry => {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) {
            return entry.name === 'node_modules' || entry.name.startsWith('.') || entry.name === 'dist' ? [] : riskFiles(path);
        }
        return entry.name.endsWith('.risk') ? [relative(ROOT, path).split('\\').join('/')] : [];
    }).sort();
}

function format(text: string, name: string): string | undefined {
    return formattedText(shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(`/formatting/${name}`)));
}

/** What a model means: its diagnostic codes and its exports, without the places (lines move). */
async function meaning(name: string, text: string): Promise<unknown> {
    const { model, findings } = await checkTexts({ [name]: text });
    const exports = EXPORT_KINDS.map(kind => JSON.parse(formatExport(buildExport(kind, model.evaluation()), 'json'), (key, value: unknown) => ['file', 'line', 'column', 'endLine', 'endColumn'].includes(key) ? undefined : value) as unknown);
    return { codes: findings.map(finding => finding.code).sort(), exports };
}

const files = riskFiles(ROOT).map(path => {
    const bytes = readFileSync(join(ROOT, path));
    const decoded = decodeRiskFile(bytes);
    const plainUtf8 = !decoded.problem && bytes[0] !== 0xef && bytes[0] !== 0xff && bytes[0] !== 0xfe;
    return { path, text: decoded.text, plainUtf8, keptBecause: AS_THEY_ARE.find(([prefix]) => path.startsWith(prefix))?.[1] };
});

describe('every .risk file of the repository', () => {

    test('are found, the examples among them', () => {
        expect(files.length).toBeGreaterThan(150);
        expect(files.map(file => file.path)).toContain('examples/acme-saas/threats.risk');
    });

    test.each(files.filter(file => !file.keptBecause && file.plainUtf8))('$path is in formatted form (risk fmt)', ({ path, text }) => {
        const formatted = format(text, path);
        // A file with a syntax error on purpose (test/resources/robustness) cannot be formatted: risk fmt leaves it too.
        if (formatted !== undefined) {
            expect(formatted, `run: risk fmt ${path}`).toBe(text);
        }
    });

    test.each(files.filter(file => file.keptBecause))('$path is kept as it is ($keptBecause), and formats without loss if it parses', async ({ path, text }) => {
        const once = format(text, path);
        if (once === undefined) {
            return;
        }
        expect(format(once, path), 'formatting twice equals formatting once').toBe(once);
        expect(await meaning(path, once)).toEqual(await meaning(path, text));
    });

    test.each(files.filter(file => !file.keptBecause))('$path, with its layout flattened, formats to a model of the same meaning, idempotently', async ({ path, text }) => {
        // Every line break the author may choose removed: the formatter alone lays the tokens out.
        const flattened = flatten(text, path);
        if (flattened === undefined) {
            return;
        }
        const once = format(flattened, path)!;
        expect(once).toBeDefined();
        expect(format(once, path), 'formatting twice equals formatting once').toBe(once);
        expect(await meaning(path, once)).toEqual(await meaning(path, text));
    });
});

/** The text with the whitespace between tokens collapsed to one space, except after a line comment. */
function flatten(text: string, path: string): string | undefined {
    const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(`/flatten/${path}`));
    if (document.parseResult.lexerErrors.length > 0 || document.parseResult.parserErrors.length > 0) {
        return undefined;
    }
    const { Risk } = createRiskServices(EmptyFileSystem);
    const lexed = Risk.parser.Lexer.tokenize(text);
    const all = [...lexed.tokens, ...lexed.hidden].sort((a, b) => a.startOffset - b.startOffset);
    return all.map((token, i) => token.image + (i === all.length - 1 ? '\n' : token.image.startsWith('//') ? '\n' : ' ')).join('');
}
