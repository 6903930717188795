import { describe, expect, test } from 'vitest';
import { JUSTIFICATION_PROMPT } from '../../../language/evaluation/justification.js';
import { action, applyEdit, codeActions, diagnosticsOf, errorsOf, expectQuickFix, fixesFor, uriOf } from './quick-fix-helpers.js';

// appetite Low, major High: a Moderate residual needs the owner's acceptance, a High one management's.
const METHOD = `method "Test method" {
  scale likelihood { 1 Rare "" 2 Possible "" 3 Likely "" }
  scale impact { 1 Minor "" 2 Noticeable "" 3 Severe "" }
  levels { Low 1..2 "" Moderate 3..4 "" High 6..9 "" }
  accept { appetite Low major High }
}
`;

const ROLES = `role ITManager "IT Manager"
role CEO "Chief Executive Officer" management
role CFO "Chief Financial Officer" management
`;

/** What the acceptance fix writes where the reason goes: a prompt, which counts as a placeholder. */
const JUSTIFICATION = `"${JUSTIFICATION_PROMPT}"`;

/** The files once someone has written the reason the fix asked for. */
function justify(files: Record<string, string>): Record<string, string> {
    return { ...files, 'risks.risk': files['risks.risk'].replace(JUSTIFICATION, '"Compensating monitoring covers it until the 2027 redesign"') };
}

const ACCEPT_OR_REDUCE = (role: string): string[] => [`Add an acceptance by ${role}`, 'Reduce the risk: add a treatment action'];

describe('unaccepted residual: add an acceptance', () => {
    test('a major residual: by the first management role, on the as-of date, at the residual level', async () => {
        const files = {
            'method.risk': METHOD,
            'roles.risk': ROLES,
            'risks.risk': `risk R-001 "Admin takeover" {
  owner ITManager
  likelihood Likely
  impact Severe
  treatment accept
  status accepted
}
`
        };
        const fixes = await fixesFor(files, 'risks.risk', 'unaccepted-residual');
        expect(fixes.actions.map(candidate => candidate.title)).toEqual(ACCEPT_OR_REDUCE('CEO'));
        const fix = action(fixes, 'Add an acceptance by CEO');
        expectQuickFix(fixes, fix, false);
        const fixed = applyEdit(files, fix.edit);
        expect(fixed['risks.risk']).toBe(`risk R-001 "Admin takeover" {
  owner ITManager
  likelihood Likely
  impact Severe
  treatment accept
  status accepted
  acceptance {
    by CEO on 2026-11-23  level High
    ${JUSTIFICATION}
  }
}
`);
        // Until someone writes the reason, the acceptance does not count.
        expect(await diagnosticsOf(fixed, ['unaccepted-residual', 'acceptance-incomplete'])).toEqual(['risks.risk: unaccepted-residual', 'risks.risk: acceptance-incomplete']);
        expect(await errorsOf(justify(fixed))).toEqual([]);
        expect(await diagnosticsOf(justify(fixed), ['unaccepted-residual', 'acceptance-incomplete', 'acceptance-not-authorised'])).toEqual([]);
    });

    test('a residual below major: by the risk owner', async () => {
        const files = {
            'method.risk': METHOD,
            'roles.risk': ROLES,
            'risks.risk': `risk R-002 "Laptop theft" {
  owner ITManager
  likelihood Possible impact Noticeable
}
`
        };
        const fixes = await fixesFor(files, 'risks.risk', 'unaccepted-residual');
        const fixed = applyEdit(files, action(fixes, 'Add an acceptance by ITManager').edit);
        expect(fixed['risks.risk']).toBe(`risk R-002 "Laptop theft" {
  owner ITManager
  likelihood Possible impact Noticeable
  acceptance {
    by ITManager on 2026-11-23  level Moderate
    ${JUSTIFICATION}
  }
}
`);
        expect(await errorsOf(justify(fixed))).toEqual([]);
    });

    test('a residual below major on a risk without owner: by a management role', async () => {
        const files = {
            'method.risk': METHOD,
            'roles.risk': ROLES,
            'risks.risk': `risk R-003 "No owner" {
  likelihood Possible impact Noticeable
}
`
        };
        const fixes = await fixesFor(files, 'risks.risk', 'unaccepted-residual');
        const fixed = applyEdit(files, action(fixes, 'Add an acceptance by CEO').edit);
        expect(fixed['risks.risk']).toContain('    by CEO on 2026-11-23  level Moderate\n');
        expect(await errorsOf(justify(fixed))).toEqual([]);
        expect(await diagnosticsOf(justify(fixed), ['unaccepted-residual', 'missing-owner'])).toEqual(['risks.risk: missing-owner']);
    });

    test('a model without a management role gets a placeholder that does not resolve until it is replaced', async () => {
        const files = {
            'method.risk': METHOD,
            'risks.risk': `role ITManager "IT Manager"

risk R-004 "Major" {
  owner ITManager
  likelihood 3 impact 3
}
`
        };
        const fixes = await fixesFor(files, 'risks.risk', 'unaccepted-residual');
        const fixed = applyEdit(files, action(fixes, 'Add an acceptance by MANAGEMENT_ROLE').edit);
        expect(fixed['risks.risk']).toContain('    by MANAGEMENT_ROLE on 2026-11-23  level High\n');
        expect(await diagnosticsOf(fixed, ['unresolved-reference'])).toEqual(['risks.risk: unresolved-reference']);
    });

    test('after a trailing comment, and inside a risk written on one line', async () => {
        const files = {
            'method.risk': METHOD,
            'roles.risk': ROLES,
            'risks.risk': `risk R-005 "Commented" {
  owner ITManager
  likelihood 3 impact 3 // assessed in the workshop

}
risk R-006 "One line" { owner ITManager likelihood 3 impact 3 }
`
        };
        const first = await fixesFor(files, 'risks.risk', 'unaccepted-residual', 0);
        const second = await fixesFor(files, 'risks.risk', 'unaccepted-residual', 1);
        expect(applyEdit(files, action(first, 'Add an acceptance by CEO').edit)['risks.risk']).toBe(`risk R-005 "Commented" {
  owner ITManager
  likelihood 3 impact 3 // assessed in the workshop
  acceptance {
    by CEO on 2026-11-23  level High
    ${JUSTIFICATION}
  }

}
risk R-006 "One line" { owner ITManager likelihood 3 impact 3 }
`);
        const fixed = applyEdit(files, action(second, 'Add an acceptance by CEO').edit);
        expect(fixed['risks.risk']).toBe(`risk R-005 "Commented" {
  owner ITManager
  likelihood 3 impact 3 // assessed in the workshop

}
risk R-006 "One line" {
  owner ITManager likelihood 3 impact 3
  acceptance {
    by CEO on 2026-11-23  level High
    ${JUSTIFICATION}
  }
}
`);
        expect(await diagnosticsOf(justify(fixed), ['unaccepted-residual'])).toEqual(['risks.risk: unaccepted-residual']); // R-005 only
    });

    test('an expired acceptance: a new one after it; both diagnostics go away, and the fix is offered once for both', async () => {
        const files = {
            'method.risk': METHOD,
            'roles.risk': ROLES,
            'risks.risk': `risk R-007 "Expired" {
  owner ITManager
  likelihood Likely impact Severe
  treatment accept
  acceptance { by CEO on 2025-05-31 until 2026-05-31 "Accepted for a year" }
  status accepted
}
`
        };
        const fixes = await fixesFor(files, 'risks.risk', 'acceptance-expired');
        const fix = action(fixes, 'Add an acceptance by CEO');
        expectQuickFix(fixes, fix, false);
        const fixed = applyEdit(files, fix.edit);
        expect(fixed['risks.risk']).toBe(`risk R-007 "Expired" {
  owner ITManager
  likelihood Likely impact Severe
  treatment accept
  acceptance { by CEO on 2025-05-31 until 2026-05-31 "Accepted for a year" }
  status accepted
  acceptance {
    by CEO on 2026-11-23  level High
    ${JUSTIFICATION}
  }
}
`);
        expect(await diagnosticsOf(justify(fixed), ['unaccepted-residual', 'acceptance-expired'])).toEqual([]);

        const document = fixes.model.document('risks.risk');
        const both = (document.diagnostics ?? []).filter(diagnostic => diagnostic.code === 'acceptance-expired' || diagnostic.code === 'unaccepted-residual');
        expect(both).toHaveLength(2);
        const offered = await codeActions(fixes.model, document, both);
        expect(offered.map(candidate => candidate.title)).toEqual(ACCEPT_OR_REDUCE('CEO'));
        expect(offered[0].diagnostics).toHaveLength(2);
    });

    test('an outdated acceptance: a new one at the current level; the old one becomes history', async () => {
        const files = {
            'method.risk': METHOD,
            'roles.risk': ROLES,
            'risks.risk': `risk R-008 "Outdated" {
  owner ITManager
  likelihood Likely impact Severe
  treatment accept
  acceptance { by CEO on 2026-11-01 level Moderate "Accepted when it was Moderate" }
}
`
        };
        const fixes = await fixesFor(files, 'risks.risk', 'acceptance-outdated');
        const fixed = applyEdit(files, action(fixes, 'Add an acceptance by CEO').edit);
        expect(fixed['risks.risk']).toBe(`risk R-008 "Outdated" {
  owner ITManager
  likelihood Likely impact Severe
  treatment accept
  acceptance { by CEO on 2026-11-01 level Moderate "Accepted when it was Moderate" }
  acceptance {
    by CEO on 2026-11-23  level High
    ${JUSTIFICATION}
  }
}
`);
        expect(await diagnosticsOf(justify(fixed), ['unaccepted-residual', 'acceptance-outdated'])).toEqual([]);
    });
});

describe('unresolved reference', () => {
    const files = {
        'method.risk': METHOD,
        'roles.risk': ROLES,
        'assets.risk': `asset CustomerData "Customer personal data" {
  primary information
  owner ITManager
}
`,
        'risks.risk': `risk R-010 "Typo" {
  owner ITManagr
  on Servers
  harms PatientRecords
  threat Phishing
  exploits NoMFA
  scope Platform
  controls MailFilter
  likelihood 1 impact 1
}
`
    };

    test('change to the suggested name (preferred), or declare the role where the roles are', async () => {
        const fixes = await fixesFor(files, 'risks.risk', 'unresolved-reference', 0);
        expect(fixes.actions.map(candidate => candidate.title)).toEqual(["Change to 'ITManager'", "Declare role 'ITManagr'"]);
        const change = action(fixes, "Change to 'ITManager'");
        expectQuickFix(fixes, change, true);
        const changed = applyEdit(files, change.edit);
        expect(changed['risks.risk']).toBe(files['risks.risk'].replace('owner ITManagr', 'owner ITManager'));
        expect(await diagnosticsOf(changed, ['unresolved-reference'])).toHaveLength(6);

        const declare = action(fixes, "Declare role 'ITManagr'");
        expectQuickFix(fixes, declare, false);
        expect(Object.keys(declare.edit!.changes!)).toEqual([uriOf('roles.risk')]);
        const declared = applyEdit(files, declare.edit);
        expect(declared['roles.risk']).toBe(`${ROLES}role ITManagr "ITManagr"\n`);
        expect(declared['risks.risk']).toBe(files['risks.risk']);
        expect(await diagnosticsOf(declared, ['unresolved-reference'])).toHaveLength(6);
    });

    test('an asset named by `on` is declared supporting, by `harms` primary, in the file of the assets', async () => {
        const on = await fixesFor(files, 'risks.risk', 'unresolved-reference', 1);
        expect(on.actions.map(candidate => candidate.title)).toEqual(["Declare supporting asset 'Servers'"]);
        expect(applyEdit(files, on.actions[0].edit)['assets.risk']).toBe(`asset CustomerData "Customer personal data" {
  primary information
  owner ITManager
}

asset Servers "Servers" {
  supporting system
}
`);
        const harms = await fixesFor(files, 'risks.risk', 'unresolved-reference', 2);
        expect(harms.actions.map(candidate => candidate.title)).toEqual(["Declare primary asset 'PatientRecords'"]);
        const declared = applyEdit(files, harms.actions[0].edit);
        expect(declared['assets.risk']).toBe(`asset CustomerData "Customer personal data" {
  primary information
  owner ITManager
}

asset PatientRecords "PatientRecords" {
  primary information
}
`);
        expect(await diagnosticsOf(declared, ['unresolved-reference', 'scenario-mismatch'])).toHaveLength(6);
    });

    test('threats, vulnerabilities, scopes and controls no file declares yet go into the current file', async () => {
        const expected = [
            ["Declare threat 'Phishing'", 'threat Phishing "Phishing"'],
            ["Declare vulnerability 'NoMFA'", 'vulnerability NoMFA "NoMFA"'],
            ["Declare scope 'Platform'", 'scope Platform "Platform"'],
            ["Declare control 'MailFilter'", 'control MailFilter "MailFilter"']
        ];
        for (const [index, [title, declaration]] of expected.entries()) {
            const fixes = await fixesFor(files, 'risks.risk', 'unresolved-reference', index + 3);
            expect(fixes.actions.map(candidate => candidate.title)).toEqual([title]);
            expect(Object.keys(fixes.actions[0].edit!.changes!)).toEqual([uriOf('risks.risk')]);
            const fixed = applyEdit(files, fixes.actions[0].edit);
            // Set off by a blank line from the risk above it, which spans several lines.
            expect(fixed['risks.risk']).toBe(`${files['risks.risk']}\n${declaration}\n`);
            expect(await diagnosticsOf(fixed, ['unresolved-reference'])).toHaveLength(6);
        }
    });

    test('files with CRLF line breaks and without a final line break', async () => {
        const crlf = {
            'method.risk': METHOD,
            'roles.risk': 'role ITManager "IT Manager"\r\nrole CEO "Chief Executive Officer" management',
            'risks.risk': 'risk R-012 "CRLF" {\r\n  owner ITManagr\r\n  likelihood 1 impact 1\r\n}\r\n'
        };
        const unresolved = await fixesFor(crlf, 'risks.risk', 'unresolved-reference');
        expect(applyEdit(crlf, action(unresolved, "Declare role 'ITManagr'").edit)['roles.risk'])
            .toBe('role ITManager "IT Manager"\r\nrole CEO "Chief Executive Officer" management\r\nrole ITManagr "ITManagr"\r\n');
        const major = { ...crlf, 'risks.risk': 'risk R-013 "CRLF" {\r\n  owner ITManager\r\n  likelihood 3 impact 3\r\n}\r\n' };
        const unaccepted = await fixesFor(major, 'risks.risk', 'unaccepted-residual');
        const fixed = applyEdit(major, action(unaccepted, 'Add an acceptance by CEO').edit);
        expect(fixed['risks.risk']).toBe(`risk R-013 "CRLF" {\r\n  owner ITManager\r\n  likelihood 3 impact 3\r\n  acceptance {\r\n    by CEO on 2026-11-23  level High\r\n    ${JUSTIFICATION}\r\n  }\r\n}\r\n`);
        expect(await errorsOf(justify(fixed))).toEqual([]);
    });

    test('a name declared as something else is not declared again', async () => {
        const wrongKind = {
            'method.risk': METHOD,
            'risks.risk': `role Phishing "Not a threat"

risk R-011 "Wrong kind" {
  owner Phishing
  threat Phishing
  likelihood 1 impact 1
}
`
        };
        const fixes = await fixesFor(wrongKind, 'risks.risk', 'unresolved-reference');
        expect(fixes.actions).toEqual([]);
    });
});

describe('unknown Annex A control', () => {
    test('change to the nearest control, in a risk and in a control', async () => {
        const files = {
            'method.risk': METHOD,
            'risks.risk': `role ITManager "IT Manager"

control Backups "Backups" { implements A.12.3 status implemented }

risk R-020 "Controls" {
  owner ITManager
  controls A.5.38, Backups
  likelihood 1 impact 1
}
`
        };
        const risk = await fixesFor(files, 'risks.risk', 'unknown-control', 1);
        expect(risk.actions.map(candidate => candidate.title)).toEqual(['Change to A.5.37 "Documented operating procedures"']);
        expectQuickFix(risk, risk.actions[0], true);
        const control = await fixesFor(files, 'risks.risk', 'unknown-control', 0);
        expect(control.actions.map(candidate => candidate.title)).toEqual(['Change to A.8.13 "Information backup"']);
        const fixed = applyEdit(applyEdit(files, risk.actions[0].edit), control.actions[0].edit);
        expect(fixed['risks.risk']).toBe(files['risks.risk'].replace('A.5.38', 'A.5.37').replace('A.12.3', 'A.8.13'));
        expect(await diagnosticsOf(fixed, ['unknown-control', 'unresolved-reference'])).toEqual([]);
    });
});

describe('missing owner: add the first role of the model', () => {
    const files = {
        'method.risk': METHOD,
        'roles.risk': ROLES,
        'risks.risk': `asset Records "Patient records" {
  primary information
  confidentiality 3
}
asset Billing "Billing" { primary process confidentiality 2 }

risk R-030 "Owned by nobody" {
  likelihood 1 impact 1
  treatment reduce {
    action "Harden" { due 2027-01-31 status planned }
    action "Patch"
  }
}
risk R-031 "Commented" { // to be assessed
  owner CEO
  likelihood 1 impact 1
}
`
    };

    /** The nth missing owner: assets and risks are `missing-owner`, actions `action-incomplete`. */
    async function fixed(nth: number): Promise<Record<string, string>> {
        const fixes = nth < 3 ? await fixesFor(files, 'risks.risk', 'missing-owner', nth) : await fixesFor(files, 'risks.risk', 'action-incomplete', nth - 3);
        expect(fixes.actions.map(candidate => candidate.title)).toEqual(["Add 'owner ITManager'"]);
        expectQuickFix(fixes, fixes.actions[0], false);
        return applyEdit(files, fixes.actions[0].edit);
    }

    test('a primary asset: right after its category, multi-line and on one line', async () => {
        expect((await fixed(0))['risks.risk']).toContain(`asset Records "Patient records" {
  primary information
  owner ITManager
  confidentiality 3
}
`);
        expect((await fixed(1))['risks.risk']).toContain('asset Billing "Billing" { primary process  owner ITManager  confidentiality 2 }\n');
    });

    test('a risk: the first line of its block', async () => {
        const result = await fixed(2);
        expect(result['risks.risk']).toContain(`risk R-030 "Owned by nobody" {
  owner ITManager
  likelihood 1 impact 1
`);
        expect(await diagnosticsOf(result, ['missing-owner'])).toHaveLength(2);
    });

    test('actions: inside a one-line block, and a block opened for an action without one', async () => {
        expect((await fixed(3))['risks.risk']).toContain('    action "Harden" { owner ITManager  due 2027-01-31 status planned }\n');
        const opened = await fixed(4);
        expect(opened['risks.risk']).toContain(`    action "Patch" {
      owner ITManager
    }
  }
`);
        expect(await errorsOf(opened)).toEqual([]);
    });

    test('after a comment that follows the brace', async () => {
        const commented = {
            'method.risk': METHOD,
            'roles.risk': ROLES,
            'risks.risk': `risk R-032 "Commented" { // to be assessed
  likelihood 1 impact 1
}
`
        };
        const fixes = await fixesFor(commented, 'risks.risk', 'missing-owner');
        expect(applyEdit(commented, fixes.actions[0].edit)['risks.risk']).toBe(`risk R-032 "Commented" { // to be assessed
  owner ITManager
  likelihood 1 impact 1
}
`);
    });

    test('without any role in the model: a placeholder', async () => {
        const noRoles = { 'method.risk': METHOD, 'risks.risk': 'risk R-033 "Alone" {\n  likelihood 1 impact 1\n}\n' };
        const fixes = await fixesFor(noRoles, 'risks.risk', 'missing-owner');
        expect(fixes.actions.map(candidate => candidate.title)).toEqual(["Add 'owner ROLE'"]);
        expect(applyEdit(noRoles, fixes.actions[0].edit)['risks.risk']).toBe('risk R-033 "Alone" {\n  owner ROLE\n  likelihood 1 impact 1\n}\n');
    });
});

describe('overdue action: mark it done', () => {
    const files = {
        'method.risk': METHOD,
        'roles.risk': ROLES,
        'risks.risk': `risk R-040 "Actions" {
  owner ITManager
  likelihood 1 impact 1
  treatment reduce {
    action MFA "Enforce MFA" {
      owner ITManager
      due 2026-10-31
      status in-progress
      controls A.8.5
    }
    action Drills "Phishing drills" {
      owner ITManager
      due 2026-09-30
    }
    action Logs "Central logging" { owner ITManager due 2026-08-31 }
  }
}
`
    };

    test('the status becomes done, or `status done` is added; the warning goes away', async () => {
        const results: string[] = [];
        for (const nth of [0, 1, 2]) {
            const fixes = await fixesFor(files, 'risks.risk', 'action-overdue', nth);
            expect(fixes.actions.map(candidate => candidate.title)).toEqual(['Mark the action done']);
            expectQuickFix(fixes, fixes.actions[0], false);
            const fixed = applyEdit(files, fixes.actions[0].edit);
            expect(await diagnosticsOf(fixed, ['action-overdue'])).toHaveLength(2);
            results.push(fixed['risks.risk']);
        }
        expect(results[0]).toContain('      due 2026-10-31\n      status done\n      controls A.8.5\n');
        expect(results[1]).toContain(`    action Drills "Phishing drills" {
      owner ITManager
      due 2026-09-30
      status done
    }
`);
        expect(results[2]).toContain('    action Logs "Central logging" { owner ITManager due 2026-08-31  status done }\n');
    });
});

describe('the provider', () => {
    test('diagnostics without a quick fix, requests for other kinds and the built-in library get none', async () => {
        const files = {
            'method.risk': METHOD,
            'roles.risk': ROLES,
            'risks.risk': 'risk R-050 "Plain" {\n  owner ITManager\n  likelihood 3 impact 3\n}\n'
        };
        const fixes = await fixesFor(files, 'risks.risk', 'treatment-missing');
        expect(fixes.actions).toEqual([]);
        const unaccepted = await fixesFor(files, 'risks.risk', 'unaccepted-residual');
        const document = unaccepted.model.document('risks.risk');
        expect(await codeActions(unaccepted.model, document, [unaccepted.diagnostic], ['refactor'])).toEqual([]);
        expect(await codeActions(unaccepted.model, document, [unaccepted.diagnostic], ['quickfix'])).toHaveLength(2);
        const builtin = unaccepted.model.services.shared.workspace.LangiumDocuments.all.find(candidate => candidate.uri.scheme === 'builtin')!;
        expect(await codeActions(unaccepted.model, builtin, [unaccepted.diagnostic])).toEqual([]);
    });

    test('a diagnostic as an editor sends it back, with the code only in `data`', async () => {
        const files = {
            'method.risk': METHOD,
            'roles.risk': ROLES,
            'risks.risk': 'risk R-051 "Plain" {\n  owner ITManager\n  likelihood 3 impact 3\n  treatment accept\n}\n'
        };
        const fixes = await fixesFor(files, 'risks.risk', 'unaccepted-residual');
        const { code: _code, ...withoutCode } = fixes.diagnostic;
        const offered = await codeActions(fixes.model, fixes.model.document('risks.risk'), [withoutCode]);
        expect(offered.map(candidate => candidate.title)).toEqual(ACCEPT_OR_REDUCE('CEO'));
    });
});
