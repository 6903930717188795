/**
 * The 93 controls of ISO/IEC 27001:2022 Annex A, with their short titles and themes.
 * They become declarations of a built-in library document, so references to `A.5.1`
 * resolve, hover and complete like references to the model's own declarations.
 */
export type AnnexTheme = 'organizational' | 'people' | 'physical' | 'technological';

export interface AnnexEntry {
    readonly id: string;
    readonly title: string;
    readonly theme: AnnexTheme;
}

const ORGANIZATIONAL = [
    'Policies for information security',
    'Information security roles and responsibilities',
    'Segregation of duties',
    'Management responsibilities',
    'Contact with authorities',
    'Contact with special interest groups',
    'Threat intelligence',
    'Information security in project management',
    'Inventory of information and other associated assets',
    'Acceptable use of information and other associated assets',
    'Return of assets',
    'Classification of information',
    'Labelling of information',
    'Information transfer',
    'Access control',
    'Identity management',
    'Authentication information',
    'Access rights',
    'Information security in supplier relationships',
    'Addressing information security within supplier agreements',
    'Managing information security in the ICT supply chain',
    'Monitoring, review and change management of supplier services',
    'Information security for use of cloud services',
    'Information security incident management planning and preparation',
    'Assessment and decision on information security events',
    'Response to information security incidents',
    'Learning from information security incidents',
    'Collection of evidence',
    'Information security during disruption',
    'ICT readiness for business continuity',
    'Legal, statutory, regulatory and contractual requirements',
    'Intellectual property rights',
    'Protection of records',
    'Privacy and protection of PII',
    'Independent review of information security',
    'Compliance with policies, rules and standards for information security',
    'Documented operating procedures'
];

const PEOPLE = [
    'Screening',
    'Terms and conditions of employment',
    'Information security awareness, education and training',
    'Disciplinary process',
    'Responsibilities after termination or change of employment',
    'Confidentiality or non-disclosure agreements',
    'Remote working',
    'Information security event reporting'
];

const PHYSICAL = [
    'Physical security perimeters',
    'Physical entry',
    'Securing offices, rooms and facilities',
    'Physical security monitoring',
    'Protecting against physical and environmental threats',
    'Working in secure areas',
    'Clear desk and clear screen',
    'Equipment siting and protection',
    'Security of assets off-premises',
    'Storage media',
    'Supporting utilities',
    'Cabling security',
    'Equipment maintenance',
    'Secure disposal or re-use of equipment'
];

const TECHNOLOGICAL = [
    'User endpoint devices',
    'Privileged access rights',
    'Information access restriction',
    'Access to source code',
    'Secure authentication',
    'Capacity management',
    'Protection against malware',
    'Management of technical vulnerabilities',
    'Configuration management',
    'Information deletion',
    'Data masking',
    'Data leakage prevention',
    'Information backup',
    'Redundancy of information processing facilities',
    'Logging',
    'Monitoring activities',
    'Clock synchronization',
    'Use of privileged utility programs',
    'Installation of software on operational systems',
    'Networks security',
    'Security of network services',
    'Segregation of networks',
    'Web filtering',
    'Use of cryptography',
    'Secure development life cycle',
    'Application security requirements',
    'Secure system architecture and engineering principles',
    'Secure coding',
    'Security testing in development and acceptance',
    'Outsourced development',
    'Separation of development, test and production environments',
    'Change management',
    'Test information',
    'Protection of information systems during audit testing'
];

function clause(clauseNumber: number, theme: AnnexTheme, titles: readonly string[]): AnnexEntry[] {
    return titles.map((title, index) => ({ id: `A.${clauseNumber}.${index + 1}`, title, theme }));
}

/** All Annex A controls in the standard's order, A.5.1 first. */
export const ANNEX_A: readonly AnnexEntry[] = [
    ...clause(5, 'organizational', ORGANIZATIONAL),
    ...clause(6, 'people', PEOPLE),
    ...clause(7, 'physical', PHYSICAL),
    ...clause(8, 'technological', TECHNOLOGICAL)
];

export const ANNEX_A_BY_ID: ReadonlyMap<string, AnnexEntry> = new Map(ANNEX_A.map(entry => [entry.id, entry]));

/** The URI of the built-in library document; never a file on disk. */
export const ANNEX_A_URI = 'builtin:/annex-a.risk';

/** The library document's text: one `annex` declaration per control. */
export function annexLibraryText(): string {
    const escape = (text: string) => text.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
    return ANNEX_A.map(entry => `annex ${entry.id} "${escape(entry.title)}" theme ${entry.theme}`).join('\n') + '\n';
}
