/**
 * A multi-file model for the incremental evaluation tests, written from a small state
 * that edits change: the method, the roles and scopes, a primary asset (read by risks
 * through a supporting asset declared in another file), a catalogue, risk files and an
 * SoA. `render` gives every file's text; an edit changes the state and the texts that differ
 * are sent to the document builder.
 */

export interface RiskState {
    id: string;
    owner: string;
    scope?: string;
    likelihood: string;
    impact: string;
    residual?: { likelihood?: string; impact?: string };
    acceptance?: { by: string; on: string; until?: string; level?: string };
    action?: { due: string; status: string };
    controls: boolean;
    status: string;
}

export interface ModelState {
    appetite: string;
    /** Two ways of cutting the score range into levels. */
    levels: 0 | 1;
    lasts: string;
    /** A comment line in the method file: a new AST with the same meaning. */
    methodRevision: number;
    roles: Array<{ name: string; management: boolean; accepts?: string }>;
    scopes: string[];
    scopeRevision: number;
    primaryName: string;
    primaryConfidentiality: string;
    supportingName: string;
    /** Risk files by name; a deleted file is absent. */
    riskFiles: Map<string, RiskState[]>;
    soaDecision: 'include' | 'exclude';
    asOf: string;
}

export const LIKELIHOODS = ['Rare', 'Possible', 'Likely'];
export const IMPACTS = ['Minor', 'Noticeable', 'Severe'];
export const LEVELS = ['Low', 'Moderate', 'High'];
export const ROLE_NAMES = ['CISO', 'CTO', 'Board', 'Ops'];

export function initialState(): ModelState {
    const risk = (id: string, index: number): RiskState => ({
        id,
        owner: ROLE_NAMES[index % ROLE_NAMES.length],
        likelihood: LIKELIHOODS[index % 3],
        impact: IMPACTS[(index + 1) % 3],
        residual: index % 2 === 0 ? { likelihood: 'Rare' } : undefined,
        acceptance: index % 3 === 0 ? { by: ROLE_NAMES[(index + 1) % ROLE_NAMES.length], on: '2026-06-01', level: index % 2 === 0 ? 'Moderate' : undefined } : undefined,
        action: index % 4 === 1 ? { due: '2026-12-01', status: 'planned' } : undefined,
        controls: index % 2 === 1,
        status: index % 3 === 0 ? 'accepted' : 'treating'
    });
    return {
        appetite: 'Moderate',
        levels: 0,
        lasts: '12 months',
        methodRevision: 0,
        roles: [
            { name: 'CISO', management: false, accepts: 'High' },
            { name: 'CTO', management: false },
            { name: 'Board', management: true },
            { name: 'Ops', management: false, accepts: 'Low' }
        ],
        scopes: ['Platform'],
        scopeRevision: 0,
        primaryName: 'Data',
        primaryConfidentiality: 'Noticeable',
        supportingName: 'Db',
        riskFiles: new Map([
            ['risks-a', [risk('R-1', 0), risk('R-2', 1), risk('R-3', 2)]],
            ['risks-b', [risk('R-4', 3), risk('R-5', 4), risk('R-6', 5)]],
            ['risks-c', [risk('R-7', 6), risk('R-8', 7)]]
        ]),
        soaDecision: 'include',
        asOf: '2026-11-30'
    };
}

export function render(state: ModelState): Map<string, string> {
    const files = new Map<string, string>();
    const [low, moderate] = state.levels === 0 ? ['1..2', '3..4'] : ['1..3', '4..4'];
    files.set('method', `method "M" {
  scale likelihood { 1 Rare "" 2 Possible "" 3 Likely "" }
  scale impact { 1 Minor "" 2 Noticeable "" 3 Severe "" }
  score likelihood * impact
  levels { Low ${low} "" Moderate ${moderate} "" High 6..9 "" }
  accept { appetite ${state.appetite} major High lasts ${state.lasts} longest 24 months }
  review every 12 months
  treat High within 30 days
}
// revision ${state.methodRevision}
`);
    const roles = state.roles.map(role => `role ${role.name} "${role.name}"${role.management ? ' management' : ''}${role.accepts ? ` accepts ${role.accepts}` : ''}`);
    files.set('roles', [...roles, ''].join('\n'));
    // Apart from the roles: a risk without `scope` reads the sole scope without referring to its file.
    files.set('scopes', state.scopes.map(scope => `scope ${scope} "${scope} (revision ${state.scopeRevision})"\n`).join(''));
    files.set('primary', `asset ${state.primaryName} "Customer data" {\n  primary information\n  owner CISO\n  confidentiality ${state.primaryConfidentiality}\n}\n`);
    files.set('catalogue', `asset ${state.supportingName} "Database" {\n  supporting system\n  owner CTO\n  supports Data\n}\nthreat Theft "Theft"\ncontrol Vault "Secrets vault" {\n  implements A.8.5\n  status implemented\n  owner CTO\n}\n`);
    for (const [name, risks] of state.riskFiles) {
        files.set(name, risks.map(renderRisk).join('\n'));
    }
    files.set('soa', `applicability {\n  ${state.soaDecision} A.5.1 "Policies are written and approved"\n}\n`);
    return files;
}

function renderRisk(risk: RiskState): string {
    const lines = [
        `risk ${risk.id} "Risk ${risk.id}" {`,
        `  owner ${risk.owner}`,
        ...risk.scope ? [`  scope ${risk.scope}`] : [],
        '  threat Theft',
        '  on Db',
        '  affects confidentiality',
        ...risk.controls ? ['  controls Vault, A.5.1'] : [],
        `  likelihood ${risk.likelihood}`,
        `  impact ${risk.impact}`,
        ...risk.action ? [`  treatment reduce {\n    action ${risk.id}-A "Fix it" { owner ${risk.owner} due ${risk.action.due} status ${risk.action.status} }\n  }`] : ['  treatment accept'],
        ...risk.residual ? [`  residual${risk.residual.likelihood ? ` likelihood ${risk.residual.likelihood}` : ''}${risk.residual.impact ? ` impact ${risk.residual.impact}` : ''}`] : [],
        ...risk.acceptance
            ? [`  acceptance {\n    by ${risk.acceptance.by} on ${risk.acceptance.on}${risk.acceptance.until ? ` until ${risk.acceptance.until}` : ''}${risk.acceptance.level ? `\n    level ${risk.acceptance.level}` : ''}\n    "Cost of treatment exceeds the loss"\n  }`]
            : [],
        `  status ${risk.status}`,
        '  identified 2026-01-10',
        '  reviewed 2026-11-01',
        '}',
        ''
    ];
    return lines.join('\n');
}
