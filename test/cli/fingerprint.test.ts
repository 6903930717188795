/** Finding fingerprints: code + subject IDs, the same wherever the declaration sits. */
import { expect, test } from 'vitest';
import { sortFindings, toFinding } from '../../cli/findings.js';
import { fingerprintsOf } from '../../cli/fingerprint.js';
import { diagnosticsOf, loadModelTexts } from '../../language/model/load-model.js';
import { METHOD } from './fixtures.js';

const RISKS = `risk R-001 "No owner" {
  threat Phishing
  on Servers
  likelihood Rare
  impact Minor
  treatment reduce {
    action "Unnamed" { due 2026-01-31 }
  }
  status assessed
}
`;

async function findings(files: Record<string, string>) {
    const model = await loadModelTexts(files, { asOf: '2026-11-23' });
    return sortFindings(diagnosticsOf(model).map(({ document, diagnostic }) => toFinding(document, diagnostic, '/model')));
}

test('subjects name the enclosing declarations, outermost first; an unnamed action by its position', async () => {
    const found = await findings({ 'method.risk': METHOD, 'risks.risk': RISKS });
    const bySubject = Object.fromEntries(found.map(finding => [finding.code, finding.subjects]));
    expect(bySubject['missing-owner']).toEqual(['R-001']);
    expect(bySubject['action-overdue']).toEqual(['R-001', 'R-001/1']);
});

test('moving a declaration to another file and other lines keeps every fingerprint', async () => {
    const before = await findings({ 'method.risk': METHOD, 'risks.risk': RISKS });
    const after = await findings({ 'method.risk': METHOD, 'elsewhere/moved.risk': `// moved\n\n\n${RISKS}` });
    expect(after.map(finding => finding.file)).not.toEqual(before.map(finding => finding.file));
    expect(fingerprintsOf(after).sort()).toEqual(fingerprintsOf(before).sort());
});

test('the same code on two subjects, and twice on one subject, gives distinct fingerprints', () => {
    const finding = (subjects: string[]) => ({ code: 'unresolved-reference', subjects, sourceLine: '' });
    const prints = fingerprintsOf([finding(['R-001']), finding(['R-002']), finding(['R-001'])]);
    expect(new Set(prints).size).toBe(3);
    expect(prints[2]).toBe(prints[0].replace(/:1$/, ':2'));
});
