/**
 * Document formatting (language/lsp/risk-formatter.ts): the rules of docs/language.md,
 * "Formatting" — the author's lines kept, tables aligned, comments where they were.
 *
 * Every formatting in this file is also checked for what a formatter must never do: a second
 * run changes nothing more, the AST is the same before and after (apart from positions), and
 * the tokens — comments included — are the same, in the same order.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EmptyFileSystem, isReference, TextDocument, type AstNode, type LangiumDocument } from 'langium';
import { parseHelper } from 'langium/test';
import type { FormattingOptions, Range } from 'vscode-languageserver';
import { describe, expect, test } from 'vitest';
import { createRiskServices } from '../../../language/risk-module.js';
import { checkTexts } from '../../helpers/check-model.js';
import { LINE_WIDTH } from '../../../language/lsp/formatting/layout.js';

const { Risk } = createRiskServices(EmptyFileSystem);
const parse = parseHelper(Risk);
const formatter = Risk.lsp.Formatter!;

const EXAMPLES = join(import.meta.dirname, '../../../examples');
const SPEC = join(import.meta.dirname, '../../resources/spec/risk-language.md');
const AS_OF = '2026-11-23';

/** What an editor asks for by default; the formatter indents by two spaces whatever it is told. */
const EDITOR_OPTIONS: FormattingOptions = { tabSize: 4, insertSpaces: true };

async function applyFormatting(document: LangiumDocument, options = EDITOR_OPTIONS, range?: Range): Promise<string> {
    const textDocument = { uri: document.uri.toString() };
    const edits = await (range
        ? formatter.formatDocumentRange(document, { textDocument, options, range })
        : formatter.formatDocument(document, { textDocument, options }));
    return TextDocument.applyEdits(document.textDocument, edits);
}

/** Formats `text` once, checks the formatter's promises, and returns the result. */
async function format(text: string, options = EDITOR_OPTIONS): Promise<string> {
    const before = await parse(text);
    expectNoSyntaxErrors(before);
    const once = await applyFormatting(before, options);
    const after = await parse(once);
    expectNoSyntaxErrors(after);
    expect(await applyFormatting(after, options), 'formatting twice equals formatting once').toBe(once);
    expect(astDump(after.parseResult.value), 'the same AST').toEqual(astDump(before.parseResult.value));
    expect(tokens(once), 'the same tokens and comments').toEqual(tokens(text));
    return once;
}

function expectNoSyntaxErrors(document: LangiumDocument): void {
    const { lexerErrors, parserErrors } = document.parseResult;
    expect([...lexerErrors, ...parserErrors].map(error => error.message)).toEqual([]);
}

/** The AST as JSON, without its links to text and tree; references as the names they were written with. */
function astDump(node: AstNode): unknown {
    const layout = new Set(['$cstNode', '$container', '$containerProperty', '$containerIndex', '$document']);
    return JSON.parse(JSON.stringify(node, (key, value: unknown) => {
        if (layout.has(key)) {
            return undefined;
        }
        return isReference(value) ? { $refText: value.$refText } : value;
    }));
}

/** Every token and comment of a text, in order. */
function tokens(text: string): string[] {
    const result = Risk.parser.Lexer.tokenize(text);
    return [...result.tokens, ...result.hidden]
        .sort((a, b) => a.startOffset - b.startOffset)
        .map(token => token.image);
}

/** Diagnostics of a model, independent of where they are: line numbers in messages masked. */
async function diagnostics(files: Record<string, string>): Promise<string[]> {
    const { findings } = await checkTexts(files, AS_OF);
    return findings
        .map(finding => `${finding.file} ${finding.severity} ${finding.code} ${finding.message.replace(/line \d+/g, 'line N')}`)
        .sort();
}

function exampleFiles(folder: string): Record<string, string> {
    const root = join(EXAMPLES, folder);
    return Object.fromEntries(readdirSync(root, { recursive: true, encoding: 'utf8' })
        .filter(file => file.endsWith('.risk'))
        .sort()
        .map(file => [file, readFileSync(join(root, file), 'utf8')]));
}

/** The ```risk blocks of the specification, by section number (as in spec-examples.test.ts). */
function specBlocks(): Map<string, string> {
    const blocks = new Map<string, string>();
    let section = '';
    let block: string[] | undefined;
    for (const line of readFileSync(SPEC, 'utf8').split(/\r?\n/)) {
        if (block) {
            if (line.startsWith('```')) {
                blocks.set(section, block.join('\n') + '\n');
                block = undefined;
            } else {
                block.push(line);
            }
        } else if (line.startsWith('```risk')) {
            block = [];
        } else {
            section = /^#{2,3} (\d+(?:\.\d+)?)\.? /.exec(line)?.[1] ?? section;
        }
    }
    return blocks;
}

describe('alignment: consecutive one-line declarations and method tables line up', () => {

    test('threats: name, title and block columns; a row with a comment instead of a block aligns it in the block column', async () => {
        expect(await format(`threat Phishing "Phishing leading to credential theft" { source external }
threat Ransomware   "Ransomware attack"   {source external}
threat DeviceLoss "Loss or theft of a laptop"    // source left open
threat VulnerableDependency "Exploitation of a vulnerable library" { source external }

threat Outage "Cloud region outage" { source environmental }
`)).toMatchInlineSnapshot(`
  "threat Phishing             "Phishing leading to credential theft" { source external }
  threat Ransomware           "Ransomware attack"                    { source external }
  threat DeviceLoss           "Loss or theft of a laptop"            // source left open
  threat VulnerableDependency "Exploitation of a vulnerable library" { source external }

  threat Outage "Cloud region outage" { source environmental }
  "
`);
    });

    test('roles: a blank line or a comment line ends an alignment block', async () => {
        expect(await format(`role CEO "Chief Executive Officer" management
role SecurityLead "Security Lead"
// auditors
role Auditor "Internal Auditor"
role DPO "Data Protection Officer"
`)).toMatchInlineSnapshot(`
  "role CEO          "Chief Executive Officer" management
  role SecurityLead "Security Lead"
  // auditors
  role Auditor "Internal Auditor"
  role DPO     "Data Protection Officer"
  "
`);
    });

    test('scale values, level bands (with and without a range) and matrix rows', async () => {
        expect(await format(`method "M" {
  scale likelihood {
    1 Rare "Less than once every 3 years"
    2 Possible "About once every 1-3 years"
    10 Likely "Could occur annually"
  }
  levels {
    Low 1 .. 2 "Monitor"
    Moderate 3..4 "Plan improvements"
    VeryHigh "Act now"
  }
  matrix {
    High : Moderate High Critical
    Medium: Low Moderate High
  }
}
`)).toMatchInlineSnapshot(`
  "method "M" {
    scale likelihood {
      1  Rare     "Less than once every 3 years"
      2  Possible "About once every 1-3 years"
      10 Likely   "Could occur annually"
    }
    levels {
      Low      1..2 "Monitor"
      Moderate 3..4 "Plan improvements"
      VeryHigh      "Act now"
    }
    matrix {
      High:   Moderate High     Critical
      Medium: Low      Moderate High
    }
  }
  "
`);
    });

    test('a one-line block written that way stays on one line, properties two spaces apart', async () => {
        expect(await format(`method "M" {
  scale impact { 1 Minor "Hours" 2 Major "Days" }
  accept {appetite Moderate major High}
}
`)).toMatchInlineSnapshot(`
  "method "M" {
    scale impact { 1 Minor "Hours"  2 Major "Days" }
    accept { appetite Moderate  major High }
  }
  "
`);
    });
});

describe('property groups and blocks', () => {

    test('properties written on one line stay there, two spaces apart (an action, the C/I/A line)', async () => {
        expect(await format(`asset CustomerData "Customer personal data" {
  primary information
  confidentiality Severe integrity Severe   availability Noticeable
}
risk R-1 "r" {
  treatment reduce {
    action Drills "Quarterly phishing drills" {
      owner CISO due 2027-03-31 status planned controls A.6.3, A.5.1
    }
  }
  likelihood Likely impact Severe
}
`)).toMatchInlineSnapshot(`
  "asset CustomerData "Customer personal data" {
    primary information
    confidentiality Severe  integrity Severe  availability Noticeable
  }
  risk R-1 "r" {
    treatment reduce {
      action Drills "Quarterly phishing drills" {
        owner CISO  due 2027-03-31  status planned  controls A.6.3, A.5.1
      }
    }
    likelihood Likely  impact Severe
  }
  "
`);
    });

    test(`a line of properties longer than ${LINE_WIDTH} columns gets one property per line`, async () => {
        expect(await format(`risk R-1 "r" {
  treatment reduce {
    action "a" {
      owner SecurityLead  due 2026-10-31  status in-progress  controls A.8.8, A.8.9, A.8.28, A.5.23, A.5.19
    }
  }
}
`)).toMatchInlineSnapshot(`
  "risk R-1 "r" {
    treatment reduce {
      action "a" {
        owner SecurityLead
        due 2026-10-31
        status in-progress
        controls A.8.8, A.8.9, A.8.28, A.5.23, A.5.19
      }
    }
  }
  "
`);
    });

    test('a block over several lines: `{` ends its first line, `}` on a line of its own, two spaces per level, no blank line inside its edges', async () => {
        expect(await format(`risk R-1 "r"
{ owner CISO

      likelihood Likely



  impact Severe
  treatment reduce {

    action "a" { owner CISO }    }

  status treating }
control C "c" {
}
`)).toMatchInlineSnapshot(`
  "risk R-1 "r" {
    owner CISO

    likelihood Likely

    impact Severe
    treatment reduce {
      action "a" { owner CISO }
    }

    status treating
  }
  control C "c" {}
  "
`);
    });

    test('a list continued after a comma: the continuation one level deeper', async () => {
        expect(await format(`scope Platform "Customer SaaS platform" {
  includes "Production environment",   "Customer data",
           "Backups"  ,
  "Source code"
}
`)).toMatchInlineSnapshot(`
  "scope Platform "Customer SaaS platform" {
    includes "Production environment", "Customer data",
      "Backups",
      "Source code"
  }
  "
`);
    });
});

describe('comments and strings', () => {

    test('trailing comments stay on their line, after the code, aligned with those of the lines around them', async () => {
        expect(await format(`method "M" {
  score likelihood * impact   // a 3x3 product
  accept {
    appetite Moderate   // at or below is acceptable
    major High // needs a management role
    lasts 12 months          // then it lapses
  }
}
risk R-1 "r" { // the first
  likelihood 1      // 1 = Rare
  impact 3 // 3 = Severe
  status assessed
  reviewed 2026-04-20 /* inline */ identified 2026-01-01
}
`)).toMatchInlineSnapshot(`
  "method "M" {
    score likelihood * impact // a 3x3 product
    accept {
      appetite Moderate // at or below is acceptable
      major High        // needs a management role
      lasts 12 months   // then it lapses
    }
  }
  risk R-1 "r" { // the first
    likelihood 1 // 1 = Rare
    impact 3     // 3 = Severe
    status assessed
    reviewed 2026-04-20 /* inline */ identified 2026-01-01
  }
  "
`);
    });

    test('a comment line is indented like the block it is in, a block comment over several lines keeps its place; a `{` after a line comment is not pulled onto the commented line', async () => {
        expect(await format(`risk R-1 "r"   // about R-1
{
// why this owner
      owner CISO
          /* a block comment
             over lines stays as written */
  // last words
}
`)).toMatchInlineSnapshot(`
  "risk R-1 "r" // about R-1
  {
    // why this owner
    owner CISO
            /* a block comment
               over lines stays as written */
    // last words
  }
  "
`);
    });

    test('nothing inside a string changes, not even in one over several lines', async () => {
        const text = 'risk R-1 "r  with   spaces" {\n  consequence "first line\n     second   line"   status assessed\n}\n';
        expect(await format(text)).toBe('risk R-1 "r  with   spaces" {\n  consequence "first line\n     second   line"  status assessed\n}\n');
    });
});

describe('the file as a whole', () => {

    test('at most one blank line between declarations; none at the start; one line break at the end', async () => {
        expect(await format('\n\nrole A "a"\n\n\n\nrole B "b"\nrole C "c"')).toBe('role A "a"\n\nrole B "b"\nrole C "c"\n');
    });

    test('a top-level declaration written after another on its line gets a line of its own', async () => {
        expect(await format('role A "a" role B "b" management\n')).toBe('role A "a"\nrole B "b" management\n');
    });

    test('indents by two spaces and uses spaces, whatever the editor asks for', async () => {
        expect(await format('risk R-1 "r" {\n\towner A\n}\n', { tabSize: 8, insertSpaces: false })).toBe('risk R-1 "r" {\n  owner A\n}\n');
    });

    test('keeps Windows line endings', async () => {
        expect(await format('role A "a"\r\nrisk R-1 "r" {\r\n   owner A\r\n}\r\n')).toBe('role A "a"\r\nrisk R-1 "r" {\r\n  owner A\r\n}\r\n');
    });

    test('keeps old Mac line endings (a lone CR is a line end too; found by the fuzzer, seed 1 input 72)', async () => {
        expect(await format('role A "a"\rrisk R-1 "r" {\r   owner A\r   status assessed // kept\r}\r'))
            .toBe('role A "a"\rrisk R-1 "r" {\r  owner A\r  status assessed // kept\r}\r');
    });

    test('an empty file stays empty', async () => {
        const document = await parse('');
        expect(await applyFormatting(document)).toBe('');
    });
});

describe('range and on-type formatting', () => {
    const table = `threat Phishing "Phishing" { source external }
threat Ransomware    "Ransomware attack" { source external }
threat   Outage "Cloud region outage" { source environmental }
`;

    test('range formatting changes only the lines of the range, aligned with the whole block', async () => {
        const document = await parse(table);
        const range = { start: { line: 1, character: 0 }, end: { line: 1, character: 10 } };
        expect(await applyFormatting(document, EDITOR_OPTIONS, range)).toBe(`threat Phishing "Phishing" { source external }
threat Ransomware "Ransomware attack"   { source external }
threat   Outage "Cloud region outage" { source environmental }
`);
    });

    test('a selection that ends at the start of a line leaves that line alone', async () => {
        const document = await parse(table);
        const range = { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } };
        const [firstLine] = (await format(table)).split('\n');
        expect(firstLine).toBe('threat Phishing   "Phishing"            { source external }');
        expect(await applyFormatting(document, EDITOR_OPTIONS, range)).toBe([firstLine, ...table.split('\n').slice(1)].join('\n'));
    });

    test('typing `}` formats the block it closes; a line break, the line just finished', async () => {
        const text = 'role A "a"\nrisk R-1 "r" {\n     owner A\n likelihood 1   impact 2\n}\n   role B "b"\n';
        const document = await parse(text);
        const textDocument = { uri: document.uri.toString() };
        const onBrace = await formatter.formatDocumentOnType(document, { textDocument, options: EDITOR_OPTIONS, position: { line: 4, character: 1 }, ch: '}' });
        expect(TextDocument.applyEdits(document.textDocument, onBrace)).toBe('role A "a"\nrisk R-1 "r" {\n  owner A\n  likelihood 1  impact 2\n}\n   role B "b"\n');
        const onEnter = await formatter.formatDocumentOnType(document, { textDocument, options: EDITOR_OPTIONS, position: { line: 3, character: 0 }, ch: '\n' });
        expect(TextDocument.applyEdits(document.textDocument, onEnter)).toBe('role A "a"\nrisk R-1 "r" {\n  owner A\n likelihood 1   impact 2\n}\n   role B "b"\n');
        expect(formatter.formatOnTypeOptions).toEqual({ firstTriggerCharacter: '}', moreTriggerCharacter: ['\n'] });
    });
});

describe('the examples with their layout scrambled', () => {
    const files = ['acme-saas', 'qualitative-matrix'].flatMap(folder => Object.entries(exampleFiles(folder)).map(([file, text]) => ({ name: `${folder}/${file}`, text })));

    test('are all here', () => {
        expect(files.length).toBeGreaterThanOrEqual(10);
    });

    test.each(files)('$name: formatting is idempotent, keeps the AST and every token', async ({ text }) => {
        for (const seed of [1, 2, 3]) {
            const scrambled = scramble(text, seed);
            expect(scrambled).not.toBe(text);
            expect(tokens(scrambled)).toEqual(tokens(text));
            const formatted = await format(scrambled);
            // Line breaks are partly the author's to choose, but the tokens of a line are the formatter's to space.
            expect(formatted.replace(/\s+/g, ' ')).toBe((await format(text)).replace(/\s+/g, ' '));
        }
    });

    test.each(['acme-saas', 'qualitative-matrix'])('%s: the model has the same diagnostics after formatting a scrambled copy', async folder => {
        const before = exampleFiles(folder);
        const after: Record<string, string> = {};
        for (const [file, text] of Object.entries(before)) {
            after[file] = await format(scramble(text, 7));
        }
        expect(await diagnostics(after)).toEqual(await diagnostics(before));
    });
});

/** The text with the whitespace between its tokens replaced at random (seeded), tokens unchanged. */
function scramble(text: string, seed: number): string {
    let state = seed;
    const random = (): number => {
        state = (state * 1103515245 + 12345) % 2147483648;
        return state / 2147483648;
    };
    const result = Risk.parser.Lexer.tokenize(text);
    const all = [...result.tokens, ...result.hidden].sort((a, b) => a.startOffset - b.startOffset);
    const punctuation = new Set([',', '{', '}', ':', '..']);
    let out = text.slice(0, all[0]?.startOffset ?? text.length);
    all.forEach((token, index) => {
        out += token.image;
        const next = all[index + 1];
        if (!next) {
            out += text.slice(token.endOffset! + 1);
            return;
        }
        const gap = text.slice(token.endOffset! + 1, next.startOffset);
        const needsLineBreak = token.image.startsWith('//');
        const choices = [' ', '   ', '\n', '\n\n\n    ', '\t', '\n\t  '];
        if (!needsLineBreak && (punctuation.has(token.image) || punctuation.has(next.image))) {
            choices.push('');
        }
        let replacement = choices[Math.floor(random() * choices.length)];
        if (needsLineBreak && !replacement.includes('\n')) {
            replacement = '\n';
        }
        out += gap.length === 0 && !choices.includes('') ? gap : replacement;
    });
    return out;
}

describe('the specification\'s examples', () => {
    const blocks = specBlocks();
    const method = ['3.1', '3.2', '3.4'].map(section => blocks.get(section)!).join('');
    const standalone = ['2', '3.3', '4', '5', '6', '7', '11.1', '11.2'];

    test('are where this test expects them', () => {
        expect([...blocks.keys()]).toEqual(['2', '3.1', '3.2', '3.3', '3.4', '4', '5', '6', '7', '11.1', '11.2']);
    });

    test.each(standalone)('section %s: formatting is idempotent, keeps the AST and every token', async section => {
        await format(blocks.get(section)!);
    });

    test('sections 3.1, 3.2 and 3.4 (the method): formatting is idempotent, keeps the AST and every token', async () => {
        await format(method);
    });

    test('sections 2–7 as one model: the same diagnostics after formatting', async () => {
        const before = ['2', '4', '5', '6', '7'].map(section => blocks.get(section)!).join('\n') + '\n' + method;
        expect(await diagnostics({ 'acme.risk': await format(before) })).toEqual(await diagnostics({ 'acme.risk': before }));
    });
});

describe('a file with syntax errors', () => {
    const broken = `role CISO "Chief"
risk R-1 "Broken"   {
  owner   CISO
  likelihood
  impact Severe Severe
  treatment reduce { action "a" { owner CISO due 2026-13-45 }
  # not a token
}
role CEO    "Chief Executive"
`;

    test('parses with errors (the premise of these tests)', async () => {
        const document = await parse(broken);
        expect(document.parseResult.parserErrors.length + document.parseResult.lexerErrors.length).toBeGreaterThan(0);
    });

    test('is not formatted, not even a range of it: no edits, nothing lost', async () => {
        const document = await parse(broken);
        expect(await applyFormatting(document)).toBe(broken);
        expect(await applyFormatting(document, EDITOR_OPTIONS, { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } })).toBe(broken);
    });

    test('unbalanced braces and unterminated strings: no edits, no exception', async () => {
        for (const text of ['risk R "r" {\n  owner A\n', 'risk R "r" }\n', 'role A "unterminated\nrole B "b"\n', '{ } { ', 'method']) {
            const document = await parse(text);
            expect(await applyFormatting(document)).toBe(text);
        }
    });
});
