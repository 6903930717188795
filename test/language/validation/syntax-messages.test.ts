import { describe, expect, test } from 'vitest';
import { friendlySyntaxMessage } from '../../../language/validation/syntax-messages.js';
import { findingsOf } from '../../helpers/check-model.js';

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
