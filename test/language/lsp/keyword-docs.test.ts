/**
 * The keyword documentation (language/lsp/text/keyword-docs.ts), shown by completion and
 * hovers: every keyword of the grammar, wherever it stands, has an entry, and every entry
 * links to a heading that exists in docs/language.md.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AstUtils, GrammarAST } from 'langium';
import { describe, expect, test } from 'vitest';
import { RiskLanguageGrammar } from '../../../language/generated/grammar.js';
import { ruleOf } from '../../../language/lsp/completion/grammar-roles.js';
import { KEYWORD_DOCS, keywordDoc } from '../../../language/lsp/text/keyword-docs.js';

const LANGUAGE_MD = readFileSync(join(import.meta.dirname, '..', '..', '..', 'docs', 'language.md'), 'utf8');

/** GitHub's anchor of a Markdown heading: lower case, punctuation dropped, spaces as dashes. */
function anchor(heading: string): string {
    return heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
}

const HEADINGS = new Set(LANGUAGE_MD.split('\n').filter(line => /^#{2,4} /.test(line)).map(line => anchor(line.replace(/^#+ /, ''))));

describe('keyword documentation', () => {
    test('every keyword of the grammar has an entry where it stands', () => {
        const missing = AstUtils.streamAllContents(RiskLanguageGrammar())
            .filter(GrammarAST.isKeyword)
            .filter(keyword => /^[a-z]/.test(keyword.value))
            .filter(keyword => keywordDoc(keyword.value, ruleOf(keyword)) === undefined)
            .map(keyword => `${ruleOf(keyword)}.${keyword.value}`)
            .toArray();
        expect(missing).toEqual([]);
    });

    test('every reserved word of the language reference has an entry', () => {
        const block = /### Reserved words[\s\S]*?```text\n([\s\S]*?)```/.exec(LANGUAGE_MD)![1];
        const words = block.split(/\s+/).filter(Boolean);
        const documented = new Set(Object.keys(KEYWORD_DOCS).map(key => key.split('.').at(-1)!));
        const grammarWords = new Set(AstUtils.streamAllContents(RiskLanguageGrammar()).filter(GrammarAST.isKeyword).map(keyword => keyword.value));
        expect(words.filter(word => !grammarWords.has(word))).toEqual([]);
        // Values of enumerations are documented by their rule; the others by name.
        expect(words.filter(word => !documented.has(word) && keywordDocOfAnyRule(word) === undefined)).toEqual([]);
    });

    test('every entry links to a heading of docs/language.md', () => {
        const broken = Object.entries(KEYWORD_DOCS).filter(([, entry]) => !HEADINGS.has(entry.section)).map(([key, entry]) => `${key} → #${entry.section}`);
        expect(broken).toEqual([]);
    });

    test('a word with two meanings has two entries', () => {
        expect(keywordDoc('accept', 'AcceptCriteria')?.text).toContain('acceptance criteria');
        expect(keywordDoc('accept', 'TreatmentOption')?.text).toContain('risk retention');
        expect(keywordDoc('identified', 'Risk')?.values).toContain('YYYY-MM-DD');
        expect(keywordDoc('identified', 'RiskStatus')?.text).toContain('Where a risk stands');
        expect(keywordDoc('owner', 'Risk')?.text).toContain('The risk owner');
        expect(keywordDoc('owner', 'Asset')?.text).toContain('The role accountable');
    });
});

function keywordDocOfAnyRule(word: string) {
    const keyword = AstUtils.streamAllContents(RiskLanguageGrammar()).filter(GrammarAST.isKeyword).find(candidate => candidate.value === word);
    return keyword ? keywordDoc(word, ruleOf(keyword)) : undefined;
}
