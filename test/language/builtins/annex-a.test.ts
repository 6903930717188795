import { describe, expect, test } from 'vitest';
import { isAnnexControl, type AnnexControl } from '../../../language/generated/ast.js';
import { ANNEX_A, ANNEX_A_BY_ID, annexLibraryText } from '../../../language/builtins/annex-a.js';
import { nearestAnnexControl } from '../../../language/builtins/annex-suggestion.js';
import { loadModelTexts } from '../../../language/model/load-model.js';

describe('Annex A of ISO/IEC 27001:2022', () => {
    test('has exactly 93 controls with unique IDs', () => {
        expect(ANNEX_A).toHaveLength(93);
        expect(new Set(ANNEX_A.map(entry => entry.id)).size).toBe(93);
        expect(ANNEX_A_BY_ID.size).toBe(93);
    });

    test('37 organizational, 8 people, 14 physical, 34 technological controls', () => {
        const counts: Record<string, number> = {};
        for (const entry of ANNEX_A) {
            counts[entry.theme] = (counts[entry.theme] ?? 0) + 1;
        }
        expect(counts).toEqual({ organizational: 37, people: 8, physical: 14, technological: 34 });
    });

    test('numbered 5.1–5.37, 6.1–6.8, 7.1–7.14, 8.1–8.34 in order, A.5.1 first and A.8.34 last', () => {
        const expected = ([[5, 37], [6, 8], [7, 14], [8, 34]] as const)
            .flatMap(([clause, count]) => Array.from({ length: count }, (_, index) => `A.${clause}.${index + 1}`));
        expect(ANNEX_A.map(entry => entry.id)).toEqual(expected);
        expect(ANNEX_A[0].id).toBe('A.5.1');
        expect(ANNEX_A.at(-1)?.id).toBe('A.8.34');
    });

    test('the theme follows the clause', () => {
        const themeOfClause: Record<string, string> = { 5: 'organizational', 6: 'people', 7: 'physical', 8: 'technological' };
        for (const entry of ANNEX_A) {
            expect(entry.theme, entry.id).toBe(themeOfClause[entry.id.split('.')[1]]);
        }
    });

    test('every control has a title, and titles are unique', () => {
        for (const entry of ANNEX_A) {
            expect(entry.title.trim().length, entry.id).toBeGreaterThan(3);
        }
        expect(new Set(ANNEX_A.map(entry => entry.title)).size).toBe(93);
    });

    test.each([
        ['A.5.1', 'Policies for information security'],
        ['A.5.15', 'Access control'],
        ['A.5.17', 'Authentication information'],
        ['A.5.23', 'Information security for use of cloud services'],
        ['A.5.37', 'Documented operating procedures'],
        ['A.6.1', 'Screening'],
        ['A.6.3', 'Information security awareness, education and training'],
        ['A.6.8', 'Information security event reporting'],
        ['A.7.1', 'Physical security perimeters'],
        ['A.7.4', 'Physical security monitoring'],
        ['A.7.14', 'Secure disposal or re-use of equipment'],
        ['A.8.1', 'User endpoint devices'],
        ['A.8.5', 'Secure authentication'],
        ['A.8.13', 'Information backup'],
        ['A.8.23', 'Web filtering'],
        ['A.8.34', 'Protection of information systems during audit testing']
    ])('%s is "%s"', (id, title) => {
        expect(ANNEX_A_BY_ID.get(id)?.title).toBe(title);
    });

    test('the built-in library document declares all 93 with their titles and themes', async () => {
        const model = await loadModelTexts({}, { validate: false });
        const documents = model.services.shared.workspace.LangiumDocuments.all.toArray();
        const declared = documents.flatMap(document => (document.parseResult.value as { elements?: unknown[] }).elements ?? []).filter(isAnnexControl) as AnnexControl[];
        expect(documents.every(document => document.parseResult.parserErrors.length === 0 && document.parseResult.lexerErrors.length === 0)).toBe(true);
        expect(declared.map(control => `${control.name} ${control.theme} ${control.title}`)).toEqual(ANNEX_A.map(entry => `${entry.id} ${entry.theme} ${entry.title}`));
    });

    test('the library text has one `annex` line per control', () => {
        expect(annexLibraryText().split('\n')).toContain('annex A.5.31 "Legal, statutory, regulatory and contractual requirements" theme organizational');
        expect(annexLibraryText().split('\n').filter(Boolean)).toHaveLength(93);
    });
});

describe('nearestAnnexControl', () => {
    test.each([
        ['A.5.38', 'A.5.37'],
        ['A.5.99', 'A.5.37'],
        ['A.5.0', 'A.5.1'],
        ['A.6.9', 'A.6.8'],
        ['A.7.15', 'A.7.14'],
        ['A.8.35', 'A.8.34'],
        ['A.8.0', 'A.8.1'],
        ['A.4.2', 'A.5.2'],
        ['A.1.40', 'A.5.37'],
        ['A.20.5', 'A.8.5'],
        ['A.05.17', 'A.5.17']
    ])('%s → the numerically nearest %s', (id, nearest) => {
        expect(nearestAnnexControl(id)?.id).toBe(nearest);
    });

    test.each([
        ['A.9.1', 'A.5.15', 'Access control'],
        ['A.9.2', 'A.5.18', 'Access rights'],
        ['A.9.4', 'A.8.3', 'Information access restriction'],
        ['A.10.1', 'A.8.24', 'Use of cryptography'],
        ['A.12.3', 'A.8.13', 'Information backup'],
        ['A.12.6', 'A.8.8', 'Management of technical vulnerabilities'],
        ['A.13.2', 'A.5.14', 'Information transfer'],
        ['A.17.2', 'A.8.14', 'Redundancy of information processing facilities'],
        ['A.18.1', 'A.5.31', 'Legal, statutory, regulatory and contractual requirements']
    ])('2013 category %s → its 2022 counterpart %s', (id, counterpart, title) => {
        expect(nearestAnnexControl(id)).toMatchObject({ id: counterpart, title });
    });

    test('every 2013 category of clauses 9–18 leads to an existing 2022 control outside its numeric neighbourhood', () => {
        const categories = ['A.9.1', 'A.9.2', 'A.9.3', 'A.9.4', 'A.10.1', 'A.11.1', 'A.11.2', 'A.12.1', 'A.12.2', 'A.12.3', 'A.12.4', 'A.12.5', 'A.12.6', 'A.12.7',
            'A.13.1', 'A.13.2', 'A.14.1', 'A.14.2', 'A.14.3', 'A.15.1', 'A.15.2', 'A.16.1', 'A.17.1', 'A.17.2', 'A.18.1', 'A.18.2'];
        const suggestions = categories.map(id => nearestAnnexControl(id)?.id);
        expect(suggestions.every(id => id !== undefined && ANNEX_A_BY_ID.has(id))).toBe(true);
        // Not simply "A.8.<n>", which is what the numeric fallback would give for clauses above 8.
        expect(suggestions.filter((id, index) => id !== `A.8.${categories[index].split('.')[2]}`).length).toBeGreaterThan(20);
    });

    test('an existing ID is its own nearest control', () => {
        for (const entry of ANNEX_A) {
            expect(nearestAnnexControl(entry.id)?.id).toBe(entry.id);
        }
    });

    test('no suggestion for text that is not an Annex A ID', () => {
        expect(nearestAnnexControl('B.5.1')).toBeUndefined();
        expect(nearestAnnexControl('A.5')).toBeUndefined();
        expect(nearestAnnexControl('MailFilter')).toBeUndefined();
    });
});
