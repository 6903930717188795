import { ANNEX_A, ANNEX_A_BY_ID, type AnnexEntry } from './annex-a.js';

/**
 * ISO/IEC 27001:2013 Annex A categories of clauses 9–18, which the 2022 edition no
 * longer has, mapped to the 2022 control that takes over their first control
 * (ISO/IEC 27002:2022 Annex B, table B.2). Clauses 5–8 exist in both editions, so an
 * ID there is read as a 2022 ID.
 */
const ISO_27001_2013_CATEGORIES: Readonly<Record<string, string>> = {
    'A.9.1': 'A.5.15',   // Business requirements of access control → Access control
    'A.9.2': 'A.5.18',   // User access management → Access rights
    'A.9.3': 'A.5.17',   // User responsibilities → Authentication information
    'A.9.4': 'A.8.3',    // System and application access control → Information access restriction
    'A.10.1': 'A.8.24',  // Cryptographic controls → Use of cryptography
    'A.11.1': 'A.7.1',   // Secure areas → Physical security perimeters
    'A.11.2': 'A.7.8',   // Equipment → Equipment siting and protection
    'A.12.1': 'A.5.37',  // Operational procedures and responsibilities → Documented operating procedures
    'A.12.2': 'A.8.7',   // Protection from malware
    'A.12.3': 'A.8.13',  // Backup → Information backup
    'A.12.4': 'A.8.15',  // Logging and monitoring → Logging
    'A.12.5': 'A.8.19',  // Control of operational software → Installation of software on operational systems
    'A.12.6': 'A.8.8',   // Technical vulnerability management → Management of technical vulnerabilities
    'A.12.7': 'A.8.34',  // Information systems audit considerations → Protection of information systems during audit testing
    'A.13.1': 'A.8.20',  // Network security management → Networks security
    'A.13.2': 'A.5.14',  // Information transfer
    'A.14.1': 'A.8.26',  // Security requirements of information systems → Application security requirements
    'A.14.2': 'A.8.25',  // Security in development and support processes → Secure development life cycle
    'A.14.3': 'A.8.33',  // Test data → Test information
    'A.15.1': 'A.5.19',  // Information security in supplier relationships
    'A.15.2': 'A.5.22',  // Supplier service delivery management → Monitoring, review and change management of supplier services
    'A.16.1': 'A.5.24',  // Management of information security incidents → Incident management planning and preparation
    'A.17.1': 'A.5.29',  // Information security continuity → Information security during disruption
    'A.17.2': 'A.8.14',  // Redundancies → Redundancy of information processing facilities
    'A.18.1': 'A.5.31',  // Compliance with legal and contractual requirements
    'A.18.2': 'A.5.35'   // Information security reviews → Independent review of information security
};

/**
 * The 2022 control that takes over a 2013 control ID of clauses 9–18 (`A.9.4.2` →
 * `A.8.3`), by its category; undefined for any other ID.
 */
export function annex2013To2022(id: string): AnnexEntry | undefined {
    const match = /^A\.(\d+)\.(\d+)\.\d+$/.exec(id);
    const renumbered = match ? ISO_27001_2013_CATEGORIES[`A.${Number(match[1])}.${Number(match[2])}`] : undefined;
    return renumbered ? ANNEX_A_BY_ID.get(renumbered) : undefined;
}

/**
 * The Annex A control nearest to an unknown ID. A 2013 category (`A.9.1`, `A.12.3`)
 * leads to its 2022 counterpart (`A.5.15`, `A.8.13`); any other ID to the numerically
 * nearest control: `A.5.38` → `A.5.37`, `A.8.0` → `A.8.1`, `A.20.5` → `A.8.5`.
 * Edit distance would rank `A.5.3` as close to `A.5.38` as `A.5.37`.
 */
export function nearestAnnexControl(id: string): AnnexEntry | undefined {
    // A 2013 control ID has three numbers (A.9.4.2); its category decides the suggestion.
    const match = /^A\.(\d+)\.(\d+)(?:\.\d+)?$/.exec(id);
    if (!match) {
        return undefined;
    }
    const wanted = Number(match[1]);
    const renumbered = ISO_27001_2013_CATEGORIES[`A.${wanted}.${Number(match[2])}`];
    if (renumbered) {
        return ANNEX_A_BY_ID.get(renumbered);
    }
    const clauses = [...new Set(ANNEX_A.map(entry => Number(entry.id.split('.')[1])))];
    const clause = clauses.reduce((best, candidate) => Math.abs(candidate - wanted) < Math.abs(best - wanted) ? candidate : best);
    const inClause = ANNEX_A.filter(entry => entry.id.startsWith(`A.${clause}.`));
    const number = Math.min(Math.max(Number(match[2]), 1), inClause.length);
    return ANNEX_A_BY_ID.get(`A.${clause}.${number}`);
}
