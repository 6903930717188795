import { EmptyFileSystem } from 'langium';
import { expectHover } from 'langium/test';
import { beforeAll, describe, expect, test } from 'vitest';
import { createRiskServices } from '../../../language/risk-module.js';
import { hoverAt, lspModel, TEST_AS_OF, type LspModel } from './lsp-model.js';
import { BANDED_MODEL, MATRIX_MODEL } from './hint-hover-models.js';

let model: LspModel;
beforeAll(async () => {
    model = await lspModel(BANDED_MODEL);
});

describe('scale values', () => {
    const likely = '**Likelihood 3 Likely**\n\nCould occur annually\n\nValue 3 of the likelihood scale: 1 Rare, 2 Possible, 3 Likely.';

    test('on the declaration: its name and its number', async () => {
        expect(await hoverAt(model, 'method.risk', 'Likely')).toBe(likely);
        expect(await hoverAt(model, 'method.risk', '3 Likely')).toBe(likely);
    });

    test('on references by name and by number', async () => {
        expect(await hoverAt(model, 'risks.risk', 'likelihood Likely', 0, 'likelihood '.length)).toBe(likely);
        expect(await hoverAt(model, 'risks.risk', 'likelihood 3', 0, 'likelihood '.length)).toBe(likely);
    });

    test('impact values, on an asset', async () => {
        expect(await hoverAt(model, 'declarations.risk', 'availability 2', 0, 'availability '.length)).toBe(
            '**Impact 2 Noticeable**\n\nAbout one business day, or customers notice\n\nValue 2 of the impact scale: 1 Minor, 2 Noticeable, 3 Severe.');
    });
});

describe('levels', () => {
    test('a band above appetite and major, with its review cadence and risks', async () => {
        expect(await hoverAt(model, 'method.risk', 'High ')).toBe([
            '**Level High** · level 3 of 3',
            'Act now: owner assigned, monthly follow-up',
            'Scores 6..9.',
            'Above appetite (Moderate): a residual at this level needs a valid acceptance. Major (High and above): only a management role may accept it.',
            'Review every 1 month.',
            'Residual level of R-001, R-003, R-004, R-005, R-006.'
        ].join('\n\n'));
    });

    test('the appetite itself, also through a reference to it', async () => {
        const moderate = [
            '**Level Moderate** · level 2 of 3',
            'Plan improvements within 1-3 months',
            'Scores 3..4.',
            'The appetite: a residual at or below this level is acceptable as it is.',
            'Review every 12 months.',
            'Residual level of R-007.'
        ].join('\n\n');
        expect(await hoverAt(model, 'method.risk', 'Moderate')).toBe(moderate);
        expect(await hoverAt(model, 'method.risk', 'appetite Moderate', 0, 'appetite '.length)).toBe(moderate);
        expect(await hoverAt(model, 'risks.risk', 'level Moderate', 0, 'level '.length)).toBe(moderate);
    });

    test('a band within appetite', async () => {
        expect(await hoverAt(model, 'method.risk', 'Low ')).toBe([
            '**Level Low** · level 1 of 3',
            'Monitor as part of normal operations',
            'Scores 1..2.',
            'Within appetite (Moderate).',
            'Review every 12 months.',
            'Residual level of R-002.'
        ].join('\n\n'));
    });

    test('matrix levels list their cells (expectHover)', async () => {
        const { Risk } = createRiskServices(EmptyFileSystem);
        Risk.settings.RiskSettings.setAsOf(TEST_AS_OF);
        const hover = expectHover(Risk);
        const text = MATRIX_MODEL['clinic.risk']
            .replace('Critical "Treat now"', '<|>Critical "Treat now"')
            .replace('residual likelihood 2 impact High', 'residual likelihood 2 impact High // <|>High');
        await hover({
            text: text.replace('levels { Low "Accept" Moderate "Improve" High', 'levels { Low "Accept" Moderate "Improve" <|>High'),
            index: 0,
            hover: [
                '**Level High** · level 3 of 4',
                'Treat',
                'Matrix cells: likelihood High × impact Medium; likelihood Medium × impact High.',
                'Above appetite (Moderate): a residual at this level needs a valid acceptance.',
                'Residual level of C-01.'
            ].join('\n\n'),
            disposeAfterCheck: true
        });
        await hover({
            text,
            index: 0,
            hover: [
                '**Level Critical** · level 4 of 4',
                'Treat now',
                'Matrix cells: likelihood High × impact High.',
                'Above appetite (Moderate): a residual at this level needs a valid acceptance. Major (Critical and above): only a management role may accept it.',
                'Residual level of no risk.'
            ].join('\n\n'),
            disposeAfterCheck: true
        });
        // in a comment: nothing
        await hover({ text, index: 1, hover: undefined, disposeAfterCheck: true });
    });
});

describe('roles', () => {
    test('a management role: what it accepted, in which state, and what it approved', async () => {
        const ceo = [
            '**Role CEO** · Chief Executive Officer',
            'Management: yes, may accept any residual, major ones included.',
            '**Owns:** nothing',
            '**Accepted:** R-001 on 2026-11-15 (valid until 2027-11-15), R-003 on 2025-05-31 (expired 2026-05-31), '
                + 'R-004 on 2026-12-01 (not yet valid), R-006 on 2026-11-01 (outdated)',
            '**Approved:** scope Platform'
        ].join('\n\n');
        expect(await hoverAt(model, 'declarations.risk', 'CEO')).toBe(ceo);
        expect(await hoverAt(model, 'risks.risk', 'by CEO', 0, 'by '.length)).toBe(ceo);
    });

    test('an owner: assets, risks, scope, control and actions it owns', async () => {
        expect(await hoverAt(model, 'declarations.risk', 'CISO')).toBe([
            '**Role CISO** · Chief Information Security Officer',
            'Management: no, may accept residuals below major of the risks it owns.',
            '**Owns:** scope Platform, control MailFilter, action R-001/2, risk R-002, action R-002/1',
            '**Accepted:** nothing'
        ].join('\n\n'));
        expect(await hoverAt(model, 'risks.risk', 'owner ITManager', 0, 'owner '.length)).toBe([
            '**Role ITManager** · IT Manager',
            'Management: no, may accept residuals below major of the risks it owns.',
            '**Owns:** asset CustomerData, asset AdminAccounts, risk R-001, risk R-003, risk R-004, risk R-005, risk R-006, risk R-007',
            '**Accepted:** R-005 on 2026-11-01 (not authorised), R-007 on 2026-02-28 (valid until 2027-02-28)'
        ].join('\n\n'));
    });
});

describe('assets, threats, vulnerabilities, controls', () => {
    test('a primary asset: values by name, and the risks harming it through supporting assets', async () => {
        expect(await hoverAt(model, 'declarations.risk', 'CustomerData')).toBe([
            '**Asset CustomerData** · Customer personal data',
            'Primary information asset · owner ITManager',
            'Confidentiality 3 Severe · integrity 3 Severe · availability 2 Noticeable',
            '**Harmed by:** R-001 (derived), R-002 (derived), R-003 (derived), R-004 (derived), R-005 (derived), R-006 (derived), R-007 (derived)',
            '**Referenced by:** asset AdminAccounts (supports)'
        ].join('\n\n'));
    });

    test('a supporting asset, on a reference to it', async () => {
        expect(await hoverAt(model, 'risks.risk', 'on AdminAccounts', 0, 'on '.length)).toBe([
            '**Asset AdminAccounts** · Production admin accounts',
            'Supporting system asset · owner ITManager',
            'Supports: CustomerData',
            '**Referenced by:** vulnerability NoAdminMFA (on), risk R-001 (on), risk R-002 (on), risk R-003 (on), risk R-004 (on), risk R-005 (on), risk R-006 (on), risk R-007 (on)'
        ].join('\n\n'));
    });

    test('a threat and a vulnerability, on declaration and reference', async () => {
        const threat = '**Threat Phishing** · Phishing leading to credential theft\n\nSource: external\n\n**Referenced by:** risk R-001 (threat)';
        expect(await hoverAt(model, 'declarations.risk', 'Phishing')).toBe(threat);
        expect(await hoverAt(model, 'risks.risk', 'threat Phishing', 0, 'threat '.length)).toBe(threat);
        const vulnerability = '**Vulnerability NoAdminMFA** · Admin accounts lack multi-factor authentication\n\nOn: AdminAccounts\n\n**Referenced by:** risk R-001 (exploits)';
        expect(await hoverAt(model, 'declarations.risk', 'NoAdminMFA')).toBe(vulnerability);
        expect(await hoverAt(model, 'risks.risk', 'NoAdminMFA')).toBe(vulnerability);
    });

    test('an own control: status, owner, the Annex A controls it implements', async () => {
        expect(await hoverAt(model, 'risks.risk', 'MailFilter')).toBe([
            '**Control MailFilter** · Advanced e-mail filtering',
            'Status: planned · owner CISO',
            'Implements: A.8.23 Web filtering',
            '**Referenced by:** risk R-001 (controls)'
        ].join('\n\n'));
    });

    test('Annex A controls: ID, title, theme and who uses them', async () => {
        expect(await hoverAt(model, 'risks.risk', 'A.5.17', 0, 2)).toBe(
            '**A.5.17** · Authentication information\n\nISO/IEC 27001:2022 Annex A, organizational control.\n\n**Referenced by:** risk R-001 (controls)');
        expect(await hoverAt(model, 'declarations.risk', 'A.8.23')).toBe(
            '**A.8.23** · Web filtering\n\nISO/IEC 27001:2022 Annex A, technological control.\n\n**Referenced by:** control MailFilter (implements)');
        expect(await hoverAt(model, 'risks.risk', 'A.6.3')).toBe(
            '**A.6.3** · Information security awareness, education and training\n\nISO/IEC 27001:2022 Annex A, people control.\n\n**Referenced by:** action R-001/2 (controls)');
    });
});

describe('risks, actions, scopes', () => {
    test('the risk card: inherent → residual, treatment, actions, acceptance, owner, review', async () => {
        expect(await hoverAt(model, 'risks.risk', 'R-001')).toBe([
            '**Risk R-001** · Admin takeover through phished credentials',
            'Owner: ITManager · status treating · scope Platform',
            'Threat: Phishing',
            '**Inherent:** likelihood 3 Likely, impact 3 Severe ⇒ 9 · High',
            '**Residual:** likelihood 2 Possible, impact 3 Severe ⇒ 6 · High ⚠ above appetite (Moderate)',
            '**Treatment:** reduce',
            '- MFA Enforce MFA on all admin and remote access: in-progress, due 2026-12-31, owner SecurityLead\n'
                + '- R-001/2 Quarterly phishing drills: planned, due 2026-10-31 (overdue), owner CISO',
            '**Acceptance:** by CEO on 2026-11-15: valid until 2027-11-15',
            'Reviewed 2026-11-01; next review due 2026-12-01.'
        ].join('\n\n'));
    });

    test('a risk within appetite without acceptance, and one whose residual is its inherent risk', async () => {
        expect(await hoverAt(model, 'risks.risk', 'R-002')).toBe([
            '**Risk R-002** · Numbers',
            'Owner: CISO · status treating · scope Platform',
            '**Inherent:** likelihood 3 Likely, impact 2 Noticeable ⇒ 6 · High',
            '**Residual:** likelihood 1 Rare, impact 2 Noticeable ⇒ 2 · Low ✓ within appetite (Moderate)',
            '**Treatment:** reduce',
            '- R-002/1 Harden: planned, due 2027-01-31, owner CISO',
            '**Acceptance:** none',
            'Reviewed 2026-11-20; next review due 2027-11-20.'
        ].join('\n\n'));
        expect(await hoverAt(model, 'risks.risk', 'R-003')).toBe([
            '**Risk R-003** · Expired',
            'Owner: ITManager · status accepted · scope Platform',
            '**Inherent:** likelihood 3 Likely, impact 3 Severe ⇒ 9 · High',
            '**Residual:** as inherent, likelihood 3 Likely, impact 3 Severe ⇒ 9 · High ⚠ above appetite (Moderate)',
            '**Treatment:** accept',
            '**Acceptance:** by CEO on 2025-05-31: expired 2026-05-31',
            'Reviewed 2026-11-20; next review due 2026-12-20.'
        ].join('\n\n'));
    });

    test('a matrix risk card shows levels without scores', async () => {
        const matrix = await lspModel(MATRIX_MODEL);
        expect(await hoverAt(matrix, 'clinic.risk', 'C-01')).toBe([
            '**Risk C-01** · Ransomware',
            'Owner: Manager · status accepted · scope none',
            '**Inherent:** likelihood 3 High, impact 3 High ⇒ Critical',
            '**Residual:** likelihood 2 Medium, impact 3 High ⇒ High ⚠ above appetite (Moderate)',
            '**Treatment:** reduce',
            '- C-01/1 Replace PCs: planned, due 2027-02-01, owner Manager',
            '**Acceptance:** by Manager on 2026-10-05: valid until 2027-10-05',
            'Reviewed 2026-10-05.'
        ].join('\n\n'));
    });

    test('an action', async () => {
        expect(await hoverAt(model, 'risks.risk', 'MFA ')).toBe([
            '**Action MFA** · Enforce MFA on all admin and remote access',
            'Risk R-001 · treatment reduce',
            'Owner: SecurityLead · due 2026-12-31 · status in-progress',
            'Controls: A.8.5 Secure authentication'
        ].join('\n\n'));
    });

    test('a scope', async () => {
        expect(await hoverAt(model, 'declarations.risk', 'Platform')).toBe([
            '**Scope Platform** · Customer SaaS platform',
            'Owner: CISO',
            'Includes: Production environment, Customer data',
            'Excludes: Marketing website',
            'Approved by CEO on 2026-01-15.',
            '**Risks:** R-001, R-002, R-003, R-004, R-005, R-006, R-007'
        ].join('\n\n'));
    });
});

describe('anything else', () => {
    test('a `/** … */` comment before a declaration follows its card', async () => {
        const commented = await lspModel({
            ...BANDED_MODEL,
            'declarations.risk': BANDED_MODEL['declarations.risk'].replace('threat Phishing', '/** Seen weekly in the SOC. */\nthreat Phishing')
        });
        expect(await hoverAt(commented, 'risks.risk', 'threat Phishing', 0, 'threat '.length)).toBe(
            '**Threat Phishing** · Phishing leading to credential theft\n\nSource: external\n\n**Referenced by:** risk R-001 (threat)\n\nSeen weekly in the SOC.');
    });

    test('strings and dates have no hover', async () => {
        expect(await hoverAt(model, 'risks.risk', 'Admin takeover', 0, 3)).toBeUndefined();
        expect(await hoverAt(model, 'risks.risk', '2026-12-31', 0, 3)).toBeUndefined();
    });
});

describe('version 2 constructs (specification section 11)', () => {
    const files = {
        'model.risk': `method "m" {
  scale likelihood { 1 Rare "" 2 Possible "" 3 Likely "" }
  scale impact { 1 Minor "" 2 Noticeable "" 3 Severe "" }
  levels { Low 1..2 "" Moderate 3..4 "" High 6..6 "" Critical 9..9 "" }
  accept { appetite Moderate major Critical }
}
role Board "Board of directors" management
role SecurityCommittee "Security committee" accepts High
asset Crm "Customer records" { primary information owner Board tags "gdpr" }
asset HelpdeskSaaS "Ticketing supplier" { supporting supplier owner Board supports Crm tags "supplier" }
threat SupplierBreach "Breach at a supplier" { source supplier tags "supplier" }
threat Insider "Malicious insider"
risk R-1 "Customer records leaked through the ticketing supplier" {
  owner Board
  threat SupplierBreach, Insider
  on HelpdeskSaaS
  affects confidentiality, integrity
  identified 2026-10-01
  tags "gdpr", "supplier"
  likelihood Possible impact Severe
  treatment reduce { action Dpa "Sign a DPA" { owner Board due 2026-11-01 completed 2026-10-28 status done } }
  treatment defer until 2027-01-31 "Supplier audit in January"
  reviewed 2026-11-01
}
`
    };
    let v2: LspModel;
    beforeAll(async () => {
        v2 = await lspModel(files);
    });

    test('a risk: its threats, the properties it affects, when it was identified, its tags, and a deferral with its reason', async () => {
        const card = (await hoverAt(v2, 'model.risk', 'R-1'))!.split('\n\n');
        expect(card.slice(1, 5)).toEqual([
            'Owner: Board · status not given · scope none',
            'Threat: SupplierBreach, Insider · affects confidentiality, integrity',
            'Identified 2026-10-01.',
            'Tags: gdpr, supplier'
        ]);
        expect(card).toContain('**Treatment:** reduce; defer until 2027-01-31 (Supplier audit in January)');
    });

    test('an action\'s completion date, a role\'s authority, and the tags of declarations', async () => {
        expect(await hoverAt(v2, 'model.risk', 'Dpa')).toContain('Owner: Board · due 2026-11-01 · status done · completed 2026-10-28');
        expect(await hoverAt(v2, 'model.risk', 'SecurityCommittee')).toContain('Accepts: any residual up to High that is below major, whoever owns the risk.');
        expect(await hoverAt(v2, 'model.risk', 'Crm')).toContain('\n\nTags: gdpr\n\n');
        expect(await hoverAt(v2, 'model.risk', 'SupplierBreach')).toContain('Source: supplier\n\nTags: supplier');
    });
});

describe('keywords: what they mean, what may follow, the section of the language reference', () => {
    const reference = (section: string) => `[The language reference](https://github.com/risk-language/risk-language/blob/main/docs/language.md#${section})`;

    test('treatment: the options', async () => {
        expect(await hoverAt(model, 'risks.risk', 'treatment')).toBe([
            '**`treatment`** How the risk is treated (ISO/IEC 27005 risk treatment). A risk may have one treatment per option; `reduce` needs actions in its `{ … }` block, `share` a party (`with "…"`).',
            'Values: `reduce`, `accept`, `share`, `avoid` or `defer`.',
            reference('104-treatment')
        ].join('\n\n'));
    });

    test('residual and the scale keywords after it: the model\'s own values', async () => {
        expect(await hoverAt(model, 'risks.risk', 'residual')).toContain('The risk left once the treatment is done');
        expect(await hoverAt(model, 'risks.risk', 'residual likelihood', 0, 'residual '.length)).toBe([
            '**`likelihood`** The likelihood once the treatment is done. Without it, the inherent likelihood.',
            'Values: 1 Rare, 2 Possible, 3 Likely (by number or name).',
            reference('106-residual-risk')
        ].join('\n\n'));
        expect(await hoverAt(model, 'risks.risk', 'impact')).toContain('Values: 1 Minor, 2 Noticeable, 3 Severe (by number or name).');
    });

    test('acceptance and appetite', async () => {
        expect(await hoverAt(model, 'risks.risk', 'acceptance')).toContain('The formal acceptance of the residual risk');
        expect(await hoverAt(model, 'risks.risk', 'acceptance')).toContain(reference('107-acceptance'));
        expect(await hoverAt(model, 'method.risk', 'appetite')).toBe([
            '**`appetite`** The highest acceptable level: a residual level **above** it needs a valid acceptance, or `unaccepted-residual` is reported. Required.',
            'Values: Low, Moderate, High (lowest first).',
            reference('44-acceptance-criteria')
        ].join('\n\n'));
    });

    test('one word, two meanings: accept the method\'s block and accept the treatment option', async () => {
        expect(await hoverAt(model, 'method.risk', 'accept {')).toContain('The acceptance criteria');
        expect(await hoverAt(model, 'risks.risk', 'treatment accept', 0, 'treatment '.length)).toContain('risk retention');
    });

    test('a value keyword: the entry of its list (status, source)', async () => {
        expect(await hoverAt(model, 'declarations.risk', 'management')).toContain('top management');
    });
});

describe('transfer is shown as share, the specification\'s word, as the exports write it', () => {
    test('in the risk card and in an action\'s hover', async () => {
        const transferred = await lspModel({
            ...BANDED_MODEL,
            'risks.risk': BANDED_MODEL['risks.risk'].replace('treatment reduce {', 'treatment transfer with "Insurer" {')
        });
        const card = await hoverAt(transferred, 'risks.risk', 'R-001');
        expect(card).toContain('share with Insurer');
        expect(card).not.toContain('transfer');
        // The keyword itself says what it is.
        expect(await hoverAt(transferred, 'risks.risk', 'transfer')).toContain('Another word for the treatment option **share**');
    });
});
