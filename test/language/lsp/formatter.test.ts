/**
 * Document formatting (language/lsp/risk-formatter.ts): badly laid-out input in, the
 * canonical layout out, for every construct of the language.
 *
 * Every formatting in this file is also checked for what a formatter must never do: a second
 * run changes nothing more, the AST is the same before and after (apart from positions), and
 * the tokens — comments included — are the same, in the same order.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EmptyFileSystem, isReference, TextDocument, type AstNode, type LangiumDocument } from 'langium';
import { expectFormatting, parseHelper } from 'langium/test';
import type { FormattingOptions, Range } from 'vscode-languageserver';
import { describe, expect, test } from 'vitest';
import { createRiskServices } from '../../../language/risk-module.js';
import { checkTexts } from '../../helpers/check-model.js';

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

describe('formatting each construct', () => {

    test('roles: one per line, single spaces', async () => {
        expect(await format(`role   CISO    "Chief Information Security Officer"   role CEO
  "Chief Executive Officer"
      management
role ITManager "IT Manager"



role SecurityLead "Security Lead"
`)).toMatchInlineSnapshot(`
          "role CISO "Chief Information Security Officer"
          role CEO "Chief Executive Officer" management
          role ITManager "IT Manager"

          role SecurityLead "Security Lead"
          "
        `);
    });

    test('method: scales, score, levels, accept and review lines, each block indented', async () => {
        expect(await format(`method "Acme ISMS risk method"
{ scale likelihood { 1 Rare      "Less than once every 3 years" 2 Possible  "About once every 1-3 years"
        3 Likely    "Could occur annually" }
  scale impact {
1 Minor "Under 4 hours downtime" 2 Noticeable "About one business day" 3 Severe "Over a day down" }


    score likelihood*impact
  levels { Low 1 .. 2 "Monitor"
   Moderate 3..4 "Plan improvements" High 6..9 "Act now" }
  accept { appetite Moderate major High lasts 12   months }
  review every 12 months review High every 1 month }
`)).toMatchInlineSnapshot(`
          "method "Acme ISMS risk method" {
            scale likelihood {
              1 Rare "Less than once every 3 years"
              2 Possible "About once every 1-3 years"
              3 Likely "Could occur annually"
            }
            scale impact {
              1 Minor "Under 4 hours downtime"
              2 Noticeable "About one business day"
              3 Severe "Over a day down"
            }

            score likelihood * impact
            levels {
              Low 1..2 "Monitor"
              Moderate 3..4 "Plan improvements"
              High 6..9 "Act now"
            }
            accept {
              appetite Moderate
              major High
              lasts 12 months
            }
            review every 12 months
            review High every 1 month
          }
          "
        `);
    });

    test('matrix method: one row per line, `Row: cell cell cell`', async () => {
        expect(await format(`method "Qualitative 3x3" {
  scale likelihood { 1 Low "" 2 Medium "" 3 High "" }
  scale impact     { 1 Low "" 2 Medium "" 3 High "" }
  levels { Low "" Moderate "" High "" Critical "" }
  matrix {
    High:    Moderate  High      Critical
    Medium : Low       Moderate  High Low:Low Low
             Moderate
  }
  accept { appetite Moderate  major Critical }
}
`)).toMatchInlineSnapshot(`
          "method "Qualitative 3x3" {
            scale likelihood {
              1 Low ""
              2 Medium ""
              3 High ""
            }
            scale impact {
              1 Low ""
              2 Medium ""
              3 High ""
            }
            levels {
              Low ""
              Moderate ""
              High ""
              Critical ""
            }
            matrix {
              High: Moderate High Critical
              Medium: Low Moderate High
              Low: Low Low Moderate
            }
            accept {
              appetite Moderate
              major Critical
            }
          }
          "
        `);
    });

    test('scope: comma lists as `a, b, c`; a line break after a comma is kept as a continuation line', async () => {
        expect(await format(`scope Platform "Customer SaaS platform" { owner CISO
  includes "Production environment" ,"Customer data","Admin accounts",
           "Backups"  ,   "Subcontractors"
    excludes "Marketing website" approved  by  CEO
      on 2026-01-15 }
scope Corporate "Corporate IT"
`)).toMatchInlineSnapshot(`
          "scope Platform "Customer SaaS platform" {
            owner CISO
            includes "Production environment", "Customer data", "Admin accounts",
              "Backups", "Subcontractors"
            excludes "Marketing website"
            approved by CEO on 2026-01-15
          }

          scope Corporate "Corporate IT"
          "
        `);
    });

    test('assets: one property per line', async () => {
        expect(await format(`asset CustomerData "Customer personal data" { primary   information owner ITManager
  confidentiality Severe  integrity Severe  availability Noticeable }
asset AdminAccounts "Production admin accounts"
{
    supporting system

    owner ITManager supports CustomerData,SaaSService }
asset SaaSService "Service" { primary service }
`)).toMatchInlineSnapshot(`
          "asset CustomerData "Customer personal data" {
            primary information
            owner ITManager
            confidentiality Severe
            integrity Severe
            availability Noticeable
          }

          asset AdminAccounts "Production admin accounts" {
            supporting system

            owner ITManager
            supports CustomerData, SaaSService
          }

          asset SaaSService "Service" {
            primary service
          }
          "
        `);
    });

    test('threats, vulnerabilities, controls: a one-line block stays on one line, a spread-out one gets a property per line', async () => {
        expect(await format(`threat Phishing     "Phishing leading to credential theft" {source external}
threat Outage   "Cloud region outage"   {   source   environmental   }
threat Insider "Malicious insider"
threat Empty "Nothing to say" {  }
vulnerability NoAdminMFA "Admin accounts lack MFA" { on AdminAccounts,Backups }
vulnerability Wide "Spread out" {
on AdminAccounts }
control MailFilter "Advanced e-mail filtering" { implements A.8.23   status planned }
control BackupPolicy "Daily encrypted backups" { implements A.8.13,A.8.7
  status implemented owner DevOpsLead }
`)).toMatchInlineSnapshot(`
          "threat Phishing "Phishing leading to credential theft" { source external }
          threat Outage "Cloud region outage" { source environmental }
          threat Insider "Malicious insider"
          threat Empty "Nothing to say" {}
          vulnerability NoAdminMFA "Admin accounts lack MFA" { on AdminAccounts, Backups }

          vulnerability Wide "Spread out" {
            on AdminAccounts
          }

          control MailFilter "Advanced e-mail filtering" { implements A.8.23 status planned }

          control BackupPolicy "Daily encrypted backups" {
            implements A.8.13, A.8.7
            status implemented
            owner DevOpsLead
          }
          "
        `);
    });

    test('a full risk: treatment with actions, residual, acceptance', async () => {
        expect(await format(`risk R-001 "Admin takeover through phished credentials" { owner ITManager scope Platform
  threat Phishing exploits NoAdminMFA,Weak on AdminAccounts harms CustomerData
    consequence "Customer data breach; contract and reputation harm"
  controls A.5.17 , A.6.3,MailFilter likelihood Likely
  impact 3
  treatment   reduce   {
    action MFA "Enforce MFA on all admin and remote access" { owner SecurityLead due 2026-12-31 status in-progress controls A.8.5 }
    action Drills "Quarterly phishing drills" {
      owner CISO  due 2027-03-31  status planned  controls A.6.3
    }
       action "Unnamed, no block"
  }
  residual    likelihood Possible
     impact   Severe
  acceptance { by CEO on 2026-11-15   until 2027-11-15 level High
    "MFA roll-out funded; hardware keys follow in 2027" }
  status treating reviewed 2026-11-01 }
risk R-002 "Shared" { treatment share with   "Insurer"
  treatment accept }
`)).toMatchInlineSnapshot(`
          "risk R-001 "Admin takeover through phished credentials" {
            owner ITManager
            scope Platform
            threat Phishing
            exploits NoAdminMFA, Weak
            on AdminAccounts
            harms CustomerData
            consequence "Customer data breach; contract and reputation harm"
            controls A.5.17, A.6.3, MailFilter
            likelihood Likely
            impact 3
            treatment reduce {
              action MFA "Enforce MFA on all admin and remote access" {
                owner SecurityLead
                due 2026-12-31
                status in-progress
                controls A.8.5
              }
              action Drills "Quarterly phishing drills" {
                owner CISO
                due 2027-03-31
                status planned
                controls A.6.3
              }
              action "Unnamed, no block"
            }
            residual likelihood Possible impact Severe
            acceptance {
              by CEO on 2026-11-15 until 2027-11-15
              level High
              "MFA roll-out funded; hardware keys follow in 2027"
            }
            status treating
            reviewed 2026-11-01
          }

          risk R-002 "Shared" {
            treatment share with "Insurer"
            treatment accept
          }
          "
        `);
    });

    test('version 2 (specification section 11): applicability lines, role authority, terms, treat within, tags, affects, several treatments, defer, completed', async () => {
        expect(await format(`role Board "Board of directors"   management
role SecurityCommittee "Security committee"    accepts   High
method "m" { scale likelihood { 1 Rare "" } treat High   within 30 days accept { appetite Low major High longest 24   months } }
applicability { exclude A.7.1,A.7.2 ,
      A.7.3, A.7.4 "Fully remote company: no premises in scope"
  include A.5.31   "GDPR and customer contracts require it" }
asset Db "Database" { primary information owner Board tags "gdpr" , "crm" }
threat Leak "Data leak" { source external tags "supplier" }
risk R-1 "Supplier leak" { owner Board threat Leak, Insider affects confidentiality,integrity identified 2026-01-01 tags "gdpr","supplier"
  treatment reduce { action DPA "Sign a DPA" { owner Board due 2026-01-01 completed 2026-01-02 status done } } treatment share with "Insurer"
  treatment   defer until 2027-01-01   "Budget decision in January"
  residual impact Minor }
`)).toMatchInlineSnapshot(`
  "role Board "Board of directors" management
  role SecurityCommittee "Security committee" accepts High

  method "m" {
    scale likelihood {
      1 Rare ""
    }
    treat High within 30 days
    accept {
      appetite Low
      major High
      longest 24 months
    }
  }

  applicability {
    exclude A.7.1, A.7.2,
      A.7.3, A.7.4 "Fully remote company: no premises in scope"
    include A.5.31 "GDPR and customer contracts require it"
  }

  asset Db "Database" {
    primary information
    owner Board
    tags "gdpr", "crm"
  }

  threat Leak "Data leak" { source external tags "supplier" }

  risk R-1 "Supplier leak" {
    owner Board
    threat Leak, Insider
    affects confidentiality, integrity
    identified 2026-01-01
    tags "gdpr", "supplier"
    treatment reduce {
      action DPA "Sign a DPA" {
        owner Board
        due 2026-01-01
        completed 2026-01-02
        status done
      }
    }
    treatment share with "Insurer"
    treatment defer until 2027-01-01 "Budget decision in January"
    residual impact Minor
  }
  "
`);
    });

    test('comments stay where they are: trailing ones on their line, others indented with the line after them', async () => {
        expect(await format(`


/* Acme's risks.
   Reviewed monthly. */
risk R-012 "Legacy FTP server" {   // the last of its kind
        // Who and what


  owner ITManager   // since 2024
      threat ServiceExploit
  likelihood Likely  impact Severe
     // Avoidance: the server was switched off.
  treatment avoid {
  action "Decommission the FTP server" { owner ITManager due 2026-09-15 /* done early */ status done
    // no controls needed
  }
  }
  residual likelihood Rare impact Minor// gone

}
// Next: people.
role ITManager "IT Manager"



/* end */
`)).toMatchInlineSnapshot(`
          "/* Acme's risks.
             Reviewed monthly. */
          risk R-012 "Legacy FTP server" { // the last of its kind
            // Who and what

            owner ITManager // since 2024
            threat ServiceExploit
            likelihood Likely
            impact Severe
            // Avoidance: the server was switched off.
            treatment avoid {
              action "Decommission the FTP server" {
                owner ITManager
                due 2026-09-15 /* done early */
                status done
                // no controls needed
              }
            }
            residual likelihood Rare impact Minor // gone
          }

          // Next: people.
          role ITManager "IT Manager"

          /* end */
          "
        `);
    });

    test('blank lines between top-level declarations: one around multi-line ones, at most one elsewhere', async () => {
        expect(await format(`role A "a"
role B "b"


role C "c"
risk R-1 "r" { owner A }
risk R-2 "r" { owner A }



threat T "t"
threat U "u" { source internal }
`)).toMatchInlineSnapshot(`
          "role A "a"
          role B "b"

          role C "c"

          risk R-1 "r" {
            owner A
          }

          risk R-2 "r" {
            owner A
          }

          threat T "t"
          threat U "u" { source internal }
          "
        `);
    });

    test('declarations without braces are left as they are', async () => {
        const text = 'role CISO "Chief Information Security Officer"\n'
            + 'scope Platform "Customer SaaS platform"\n'
            + 'asset CustomerData "Customer personal data"\n'
            + 'threat Insider "Malicious insider"\n'
            + 'vulnerability Weak "Weak passwords"\n'
            + 'control Policy "Password policy"\n';
        await expectFormatting(Risk)({ before: text, after: text });
    });

    test('indents by two spaces and uses spaces, whatever the editor asks for', async () => {
        const text = 'risk R "r" {\n\towner A\n\ttreatment reduce {\n\t\taction "a"\n\t}\n}\n';
        const expected = 'risk R "r" {\n  owner A\n  treatment reduce {\n    action "a"\n  }\n}\n';
        expect(await format(text, { tabSize: 4, insertSpaces: false })).toBe(expected);
        expect(await format(text, { tabSize: 8, insertSpaces: true })).toBe(expected);
    });

    test('keeps Windows line endings', async () => {
        const text = 'role A "a"\r\nrisk R "r" {\r\n    owner A\r\n\r\n\r\n  status assessed }';
        expect(await format(text)).toBe('role A "a"\r\n\r\nrisk R "r" {\r\n  owner A\r\n\r\n  status assessed\r\n}\r\n');
    });

    test('ends the file with exactly one line break', async () => {
        expect(await format('role A "a"')).toBe('role A "a"\n');
        expect(await format('role A "a"\n\n\n  \n')).toBe('role A "a"\n');
        expect(await format('role A "a" // last\n\n')).toBe('role A "a" // last\n');
    });

    test('an empty file stays empty', async () => {
        expect(await format('')).toBe('');
    });
});

describe('the examples', () => {
    const folders = ['acme-saas', 'qualitative-matrix'];
    const files = folders.flatMap(folder => Object.entries(exampleFiles(folder)).map(([file, text]) => ({ name: `${folder}/${file}`, text })));

    test('are all here', () => {
        expect(files.length).toBeGreaterThanOrEqual(10);
    });

    test.each(files)('$name: formatting is idempotent, keeps the AST and every token', async ({ text }) => {
        await format(text);
    });

    test.each(folders)('%s: the model has the same diagnostics after formatting', async folder => {
        const before = exampleFiles(folder);
        const after: Record<string, string> = {};
        for (const [file, text] of Object.entries(before)) {
            after[file] = await format(text);
        }
        expect(await diagnostics(after)).toEqual(await diagnostics(before));
    });

    test('lines already in the canonical layout are kept as they are', async () => {
        // The parts of the examples the formatter leaves alone: multi-line blocks with one
        // property per line, risks, trailing comments with one space.
        const risk = exampleFiles('acme-saas')['risks/people-and-suppliers.risk'];
        const r007 = risk.slice(risk.indexOf('risk R-007'), risk.indexOf('risk R-009'));
        expect(await format(r007)).toBe(r007.trimEnd() + '\n');
    });
});

describe('the examples with their layout scrambled', () => {
    const files = ['acme-saas', 'qualitative-matrix'].flatMap(folder => Object.entries(exampleFiles(folder)).map(([file, text]) => ({ name: `${folder}/${file}`, text })));

    test.each(files)('$name: formatting is idempotent, keeps the AST and every token', async ({ text }) => {
        for (const seed of [1, 2, 3]) {
            const scrambled = scramble(text, seed);
            expect(scrambled).not.toBe(text);
            expect(tokens(scrambled)).toEqual(tokens(text));
            const formatted = await format(scrambled);
            // Line breaks and blank lines are partly the author's to choose (one-line threats, blank
            // lines, breaks after commas), but the spacing within lines is the formatter's alone.
            expect(formatted.replace(/\s+/g, ' ')).toBe((await format(text)).replace(/\s+/g, ' '));
        }
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
    const standalone = ['2', '3.3', '4', '5', '6', '7'];

    test('are where this test expects them', () => {
        expect([...blocks.keys()]).toEqual(['2', '3.1', '3.2', '3.3', '3.4', '4', '5', '6', '7', '11.1', '11.2']);
    });

    test.each(['11.1', '11.2'])('section %s: formatting is idempotent, keeps the AST and every token', async section => {
        await format(blocks.get(section)!);
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

    test('section 7: the risk in canonical layout', async () => {
        expect(await format(blocks.get('7')!)).toMatchInlineSnapshot(`
          "risk R-001 "Admin takeover through phished credentials" {
            owner ITManager
            scope Platform
            threat Phishing
            exploits NoAdminMFA
            on AdminAccounts
            harms CustomerData
            consequence "Customer data breach; contract and reputation harm"
            controls A.5.17, A.6.3
            likelihood Likely
            impact Severe
            treatment reduce {
              action MFA "Enforce MFA on all admin and remote access" {
                owner SecurityLead
                due 2026-12-31
                status in-progress
                controls A.8.5
              }
              action Drills "Quarterly phishing drills" {
                owner CISO
                due 2027-03-31
                status planned
                controls A.6.3
              }
            }
            residual likelihood Possible impact Severe
            acceptance {
              by CEO on 2026-11-15 until 2027-11-15
              level High
              "MFA roll-out funded; hardware keys follow in 2027"
            }
            status treating
            reviewed 2026-11-01
          }
          "
        `);
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

    test('is not formatted: no edits, nothing lost', async () => {
        const document = await parse(broken);
        const formatted = await applyFormatting(document);
        expect(formatted).toBe(broken);
        expect(tokens(formatted)).toEqual(tokens(broken));
    });

    test('range formatting: the part before the first error may be formatted, every token stays', async () => {
        const document = await parse(broken);
        for (const range of [
            { start: { line: 0, character: 0 }, end: { line: 0, character: 17 } },
            { start: { line: 0, character: 0 }, end: { line: 8, character: 0 } },
            { start: { line: 6, character: 0 }, end: { line: 9, character: 0 } }
        ]) {
            const formatted = await applyFormatting(document, EDITOR_OPTIONS, range);
            expect(tokens(formatted)).toEqual(tokens(broken));
            expect(formatted.replace(/\s+/g, '')).toBe(broken.replace(/\s+/g, ''));
        }
    });

    test('unbalanced braces and unterminated strings: no edits, no exception', async () => {
        for (const text of ['risk R "r" {\n  owner A\n', 'risk R "r" }\n', 'role A "unterminated\nrole B "b"\n', '{ } { ', 'method']) {
            const document = await parse(text);
            expect(await applyFormatting(document)).toBe(text);
        }
    });
});
