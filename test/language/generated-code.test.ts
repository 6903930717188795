/**
 * The generated parser and AST types are committed; they must be exactly what
 * `langium generate` makes from the grammar, so nobody edits them by hand.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';

const root = join(import.meta.dirname, '../..');

test('language/generated is what langium generate makes from language/risk.langium', () => {
    const out = mkdtempSync(join(tmpdir(), 'risk-generated-'));
    const config = JSON.parse(readFileSync(join(root, 'langium-config.json'), 'utf8'));
    config.out = join(out, 'generated');
    config.languages = config.languages.map((language: { grammar: string; textMate?: { out: string } }) => ({
        ...language,
        grammar: join(root, language.grammar),
        textMate: language.textMate && { out: join(out, 'risk.tmLanguage.json') }
    }));
    writeFileSync(join(out, 'langium-config.json'), JSON.stringify(config));
    execFileSync(process.execPath, [join(root, 'node_modules/langium-cli/bin/langium.js'), 'generate', '--file', join(out, 'langium-config.json')], { cwd: out, stdio: 'pipe' });
    for (const file of readdirSync(join(root, 'language/generated'))) {
        expect(readFileSync(join(out, 'generated', file), 'utf8'), file).toBe(readFileSync(join(root, 'language/generated', file), 'utf8'));
    }
    expect(readFileSync(join(out, 'risk.tmLanguage.json'), 'utf8')).toBe(readFileSync(join(root, 'syntaxes/risk.tmLanguage.json'), 'utf8'));
});
