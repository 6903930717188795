import { describe, expect, test } from 'vitest';
import { friendlySyntaxMessage } from '../../../language/validation/syntax-messages.js';
import { checkTexts, findingsOf } from '../../helpers/check-model.js';

describe('friendlySyntaxMessage', () => {
    test('an unexpected character names it and says what is allowed', () => {
        expect(friendlySyntaxMessage('unexpected character: ->#<- at offset: 53, skipped 1 characters.'))
            .toBe('Unexpected character `#`: remove it. Names use letters, digits, `_` and `-`; text goes in "double quotes"; comments start with // or /*.');
    });

    test('token sequences become one line in words', () => {
        expect(friendlySyntaxMessage("Expecting: one of these possible Token sequences:\n  1. [INT]\n  2. [ID]\nbut found: '}'"))
            .toBe('Expected a number or a name but found `}`.');
        expect(friendlySyntaxMessage("Expecting: one of these possible Token sequences:\n  1. [information]\n  2. [process]\n  3. [service]\nbut found: 'system'"))
            .toBe('Expected one of `information`, `process` or `service` but found `system`.');
    });

    test('a stray token at the top level points at braces', () => {
        expect(friendlySyntaxMessage("Expecting token of type 'EOF' but found `}`."))
            .toMatch(/^Unexpected `}`: a declaration starts here with `role`, .* Check for a stray or missing brace above\.$/);
        expect(friendlySyntaxMessage("Expecting token of type 'STRING' but found `{`.")).toBe('Expected a quoted string but found `{`.');
    });

    test('unknown wording passes through on one line', () => {
        expect(friendlySyntaxMessage('Something\n  else')).toBe('Something else');
    });
});

describe('syntax errors in a model', () => {
    test('carry the syntax-error code and a friendly message', async () => {
        const findings = await findingsOf('role CISO "Chief Information Security Officer" management\nasset A1 "x" { primary system owner CISO }\n', ['syntax-error']);
        expect(findings.map(finding => [finding.line, finding.message])).toEqual([
            [2, 'Expected one of `information`, `process` or `service` but found `system`.']
        ]);
    });
});

describe('a word a block does not take', () => {
    const HEADER = 'role CTO "Chief Technology Officer"\n';

    test('names what the block takes, read from the grammar, and ends with the closing brace', async () => {
        const findings = await findingsOf(HEADER + 'risk R-1 "Supplier breach" {\n  owner CTO\n  category "Supplier"\n}\n', ['syntax-error']);
        expect(findings.map(finding => [finding.line, finding.text, finding.message])).toEqual([[4, 'category',
            '`category` is not something a `risk` block takes. It takes `owner`, `scope`, `threat`, `exploits`, `on`, `harms`, `affects`, `consequence`, '
            + '`controls`, `likelihood`, `impact`, `treatment`, `residual`, `acceptance`, `status`, `reviewed`, `identified` or `tags`, and ends with `}`.']]);
    });

    test.each([
        ['an action', 'risk R-1 "x" {\n  treatment reduce { action "Patch" { owner CTO dew 2027-01-31 } }\n}', 'dew', 'due', '`action` block', '`owner`, `due`, `completed`, `status` or `controls`'],
        ['the accept criteria', 'method "m" {\n  accept { appetite Low lastz 3 months }\n}', 'lastz', 'lasts', '`accept` block', '`appetite`, `major`, `lasts` or `longest`'],
        ['a scope', 'scope S "Platform" { ownr CTO }', 'ownr', 'owner', '`scope` block', '`owner`, `includes`, `excludes` or `approved`'],
        ['an acceptance, where `until` is part of `by … on …`', 'risk R-1 "x" {\n  acceptance { by CTO on 2026-01-01 untill 2027-01-01 "ok" }\n}', 'untill', 'until', '`acceptance` block', '`by`, `level` or a quoted string']
    ])('in %s: the nearest keyword is suggested', async (_, model, written, suggestion, block, takes) => {
        const [finding] = await findingsOf(HEADER + model, ['syntax-error']);
        expect(finding.text).toBe(written);
        expect(finding.message).toContain(`\`${written}\` is not something a${block.startsWith('`a') ? 'n' : ''} ${block} takes. Did you mean \`${suggestion}\`? It takes ${takes}, and ends with \`}\`.`);
    });

    test('a word far from every keyword gets no suggestion', async () => {
        const [finding] = await findingsOf(HEADER + 'asset Db "Database" {\n  primary information\n  categroy "x"\n}', ['syntax-error']);
        expect(finding.message).toBe('`categroy` is not something an `asset` block takes. It takes `primary`, `supporting`, `owner`, `confidentiality`, `integrity`, `availability`, `supports` or `tags`, and ends with `}`.');
    });

    test('something that is not a word, and a block left open at the end of the file', async () => {
        const [stray] = await findingsOf(HEADER + 'scope S "Platform" {\n  owner CTO\n  {\n}', ['syntax-error']);
        expect(stray.message).toBe('Expected an entry of a `scope` block or its closing `}` but found `{`. A `scope` block takes `owner`, `includes`, `excludes` or `approved`.');
        const [open] = await findingsOf(HEADER + 'risk R-1 "x" {\n  owner CTO\n', ['syntax-error']);
        expect(open.message).toBe('A `risk` block is not closed before the end of the file: add its closing `}`.');
    });
});

describe('a residual written impact first', () => {
    const MODEL = `role CTO "Chief Technology Officer"
method "m" {
  scale likelihood { 1 Rare "" 2 Possible "" 3 Likely "" }
  scale impact { 1 Minor "" 2 Noticeable "" 3 Severe "" }
  levels { Low 1..2 "" Moderate 3..4 "" High 6..9 "" }
  accept { appetite Moderate major High }
}
risk R-1 "Stolen laptop" {
  owner CTO
  likelihood Likely
  impact Severe
  treatment reduce { action "Disk encryption" { owner CTO due 2027-01-31 } }
  residual impact Minor likelihood Rare
  reviewed 2026-11-01
}
`;

    test('is one error saying how to write it, not a syntax error and two duplicate properties on the inherent lines', async () => {
        const { findings, model } = await checkTexts(MODEL);
        expect(findings.filter(finding => finding.severity === 'error').map(finding => [finding.line, finding.code, finding.text, finding.message])).toEqual([
            [13, 'syntax-error', 'residual impact Minor likelihood Rare', '`residual` takes the likelihood first, then the impact: write `residual likelihood Rare impact Minor`.']
        ]);
        // The values still mean what was written: the inherent risk stays Likely × Severe.
        const risk = model.evaluation().risks[0];
        expect([risk.inherent?.likelihood.name, risk.inherent?.impact.name, risk.residual?.likelihood.name, risk.residual?.impact.name]).toEqual(['Likely', 'Severe', 'Rare', 'Minor']);
    });

    test('near misses: the likelihood first, or one value alone, is no finding', async () => {
        for (const residual of ['residual likelihood Rare impact Minor', 'residual impact Minor', 'residual likelihood 1']) {
            expect(await findingsOf(MODEL.replace('residual impact Minor likelihood Rare', residual), ['syntax-error', 'duplicate-property'])).toEqual([]);
        }
    });
});

describe('a control reference being typed', () => {
    const risk = (controls: string) => `role Lead "Lead"\nrisk R-1 "Typing" {\n  owner Lead\n  controls ${controls}\n}\n`;

    test.each([
        ['A.5.1, A.8.', 'A.8.', 'A.8.1', 19],
        ['A.', 'A.', 'A.5.1', 12],
        ['A.7', 'A.7', 'A.7.1', 12],
        ['A.9.', 'A.9.', 'A.5.1', 12]
    ])('controls %s: one syntax error on %s that names a control to write (%s)', async (controls, written, example, column) => {
        const { findings } = await checkTexts(risk(controls));
        expect(findings.filter(finding => finding.line === 4).map(finding => [finding.code, finding.column, finding.text, finding.message])).toEqual([
            ['syntax-error', column, written, `The control reference \`${written}\` is incomplete: write an Annex A control ID such as \`${example}\`.`]
        ]);
    });
});
