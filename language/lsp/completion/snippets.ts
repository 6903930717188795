/**
 * The snippets completion offers in place of a keyword: one per construct, where the
 * construct may start (`risk` at the top level, `acceptance` in a risk, `action` in a
 * treatment's block). Tab stops offer the model's own names; with none, a placeholder.
 */
import { InsertTextFormat, CompletionItemKind } from 'vscode-languageserver';
import type { CompletionValueItem } from 'langium/lsp';

/** The names of the model a snippet offers at its tab stops. */
export interface SnippetNames {
    readonly roles: readonly string[];
    readonly managementRoles: readonly string[];
    readonly primaryAssets: readonly string[];
    readonly supportingAssets: readonly string[];
    readonly likelihoods: readonly string[];
    readonly impacts: readonly string[];
    readonly levels: readonly string[];
    readonly nextRiskId: string;
    readonly asOf: string;
}

/** The keywords that have snippets. */
export const SNIPPET_KEYWORDS: ReadonlySet<string> = new Set(['risk', 'asset', 'method', 'acceptance', 'action']);

/**
 * A justification left as the snippet wrote it begins with TODO, which the acceptance
 * rules read as no justification (`acceptance-incomplete`): a tab stop skipped is not a reason.
 */
const JUSTIFICATION_PLACEHOLDER = 'TODO: say why this residual risk is acceptable';

export function snippetsFor(keyword: string, names: SnippetNames): CompletionValueItem[] {
    const roles = (index: number) => choice(index, names.roles, 'Role');
    switch (keyword) {
        case 'risk':
            return [snippet('risk', 'new risk', [
                `risk \${1:${names.nextRiskId}} "\${2:Title}" {`,
                `  owner ${roles(3)}`,
                '  threat ${4:Threat}',
                `  on ${choice(5, names.supportingAssets, 'SupportingAsset')}`,
                `  likelihood ${choice(6, names.likelihoods, 'Likelihood')}`,
                `  impact ${choice(7, names.impacts, 'Impact')}`,
                '  treatment ${8|reduce,accept,share,avoid|}',
                // Writing the scenario down is its first review: without a date, the
                // method's review cadence reports it at once (`review-overdue`).
                `  reviewed \${9:${names.asOf}}`,
                '}$0'
            ])];
        case 'asset': {
            const impact = (index: number) => choice(index, names.impacts, 'Impact');
            return [
                snippet('asset', 'new primary asset', [
                    'asset ${1:Name} "${2:Title}" {',
                    '  primary ${3|information,process,service|}',
                    `  owner ${roles(4)}`,
                    `  confidentiality ${impact(5)}  integrity ${impact(6)}  availability ${impact(7)}`,
                    '}$0'
                ], ' primary'),
                snippet('asset', 'new supporting asset', [
                    'asset ${1:Name} "${2:Title}" {',
                    '  supporting ${3|system,software,hardware,network,people,site,supplier|}',
                    `  owner ${roles(4)}`,
                    `  supports ${choice(5, names.primaryAssets, 'PrimaryAsset')}`,
                    '}$0'
                ], ' supporting')
            ];
        }
        case 'method':
            return [snippet('method', 'new risk method: 3×3 scales, banded levels, acceptance criteria', METHOD_SNIPPET)];
        case 'acceptance':
            return [snippet('acceptance', 'formal acceptance of the residual risk', [
                'acceptance {',
                `  by ${choice(1, [...names.managementRoles, ...names.roles], 'Role')} on \${2:${names.asOf}}`,
                `  level ${choice(3, names.levels, 'Level')}`,
                `  "\${4:${JUSTIFICATION_PLACEHOLDER}}"`,
                '}$0'
            ])];
        case 'action':
            return [snippet('action', 'new treatment action', [
                'action "${1:What will be done}" {',
                `  owner ${roles(2)}`,
                `  due \${3:${names.asOf}}`,
                '  status ${4|planned,in-progress,done,cancelled|}',
                '}$0'
            ])];
        default:
            return [];
    }
}

function snippet(label: string, description: string, lines: readonly string[], variant?: string): CompletionValueItem {
    return {
        label,
        kind: CompletionItemKind.Snippet,
        labelDetails: { detail: variant, description },
        detail: description,
        // The two asset snippets are told apart by their variant when the client filters.
        filterText: variant ? `${label}${variant}` : undefined,
        documentation: { kind: 'markdown', value: ['```risk', ...lines.map(line => line.replace(/\$\{\d+[:|]([^}|]*)[^}]*\}/g, '$1').replace(/\$0/g, '')), '```'].join('\n') },
        insertText: lines.join('\n'),
        insertTextFormat: InsertTextFormat.Snippet
    };
}

/** A tab stop offering the model's names, or a placeholder when there are none. */
function choice(index: number, names: readonly string[], placeholder: string): string {
    const unique = [...new Set(names)];
    return unique.length > 0 ? `\${${index}|${unique.join(',')}|}` : `\${${index}:${placeholder}}`;
}

/** The method completion offers; the `method-missing` quick fix writes it with every field at its default. */
export const METHOD_SNIPPET: readonly string[] = [
    'method "${1:ISMS risk method}" {',
    '  scale likelihood {',
    '    1 Rare     "Less than once every 3 years"',
    '    2 Possible "About once every 1-3 years"',
    '    3 Likely   "Could occur annually"',
    '  }',
    '  scale impact {',
    '    1 Minor      "Under 4 hours downtime or minimal cost"',
    '    2 Noticeable "About one business day, or customers notice"',
    '    3 Severe     "Over a day down, contract or reputation harm"',
    '  }',
    '  score likelihood * impact',
    '  levels {',
    '    Low      1..2 "Monitor as part of normal operations"',
    '    Moderate 3..4 "Plan improvements within 1-3 months"',
    '    High     6..9 "Act now: owner assigned, monthly follow-up"',
    '  }',
    '  accept { appetite ${2|Moderate,Low,High|}  major High  lasts 12 months }',
    '  review every 12 months',
    '}$0'
];
