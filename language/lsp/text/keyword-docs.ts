/**
 * What each keyword of the language means: one table, shown by completion (an item's
 * documentation) and by hovers on keywords. Each entry links to its section of
 * docs/language.md; test/language/lsp/keyword-docs.test.ts checks that every keyword of
 * the grammar has an entry and that every section exists.
 *
 * A keyword whose meaning depends on where it stands has an entry under `Rule.keyword`
 * (`AcceptCriteria.accept`, the method's block, and `TreatmentOption.accept`, the option);
 * the values of an enumeration share the entry of their rule (`DurationUnit`), which
 * wins over the keyword's own entry.
 */
import { INFORMATION_URI } from '../../../cli/version.js';

export interface KeywordDoc {
    /** What the keyword means, in Markdown. */
    readonly text: string;
    /** What may follow it, when that is a fixed list or a kind of name. */
    readonly values?: string;
    /** The heading of its section in docs/language.md, as GitHub anchors it. */
    readonly section: string;
}

const SECTIONS = {
    lexical: '2-lexical-rules',
    properties: 'properties-and-blocks',
    roles: '3-roles',
    method: '4-the-method',
    scales: '41-scales',
    score: '42-score-and-banded-levels',
    matrix: '43-matrix-levels',
    accept: '44-acceptance-criteria',
    review: '45-review-cadences',
    durations: '46-durations',
    scopes: '5-scopes',
    assets: '6-assets',
    threats: '7-threats',
    vulnerabilities: '8-vulnerabilities',
    controls: '91-own-controls',
    annex: '92-annex-a-controls',
    soa: '93-statement-of-applicability-decisions',
    risks: '10-risks',
    scenario: '101-scenario-threat-exploits-on-harms',
    existingControls: '102-existing-controls',
    inherent: '103-inherent-risk-likelihood-and-impact',
    treatment: '104-treatment',
    actions: '105-actions',
    residual: '106-residual-risk',
    acceptance: '107-acceptance',
    status: '108-status-and-review'
} as const;

const doc = (section: keyof typeof SECTIONS, text: string, values?: string): KeywordDoc => ({ text, values, section: SECTIONS[section] });

const DATE = 'a date, `YYYY-MM-DD`';
const DURATION = 'a duration: a number and `day`, `week`, `month` or `year` (or the plural), e.g. `12 months`';
const LEVEL = 'a level of the method (`levels` or the matrix)';
const ROLE = 'a role';

export const KEYWORD_DOCS: Readonly<Record<string, KeywordDoc>> = {
    // ------------------------------------------------------------ declarations
    role: doc('roles', 'Declares a role: someone who owns risks, assets and actions, or accepts residual risk. `role ID "title"`, optionally `management` or `accepts LEVEL`.'),
    management: doc('roles', 'Marks a role of top management: it may accept any residual risk, including a **major** one (at or above the method\'s `major` level).'),
    accepts: doc('roles', 'Gives a non-management role the authority to accept residual risk at or below LEVEL, as long as it is below `major`.', 'a level below `major`'),
    method: doc('method', 'Declares the risk method (ISO/IEC 27001 6.1.2 a): scales, score, levels, acceptance criteria and review cadences. A model has exactly one.'),
    scope: doc('scopes', 'Declares a scope of the ISMS, with what it includes and excludes, its owner and its approval.'),
    'Risk.scope': doc('risks', 'The scope this risk belongs to.', 'a scope'),
    asset: doc('assets', 'Declares an asset: a **primary** asset (information, a process, a service) with the impact of losing its confidentiality, integrity or availability, or a **supporting** asset (system, software, …) that primary assets depend on.'),
    threat: doc('threats', 'Declares a threat: what could cause harm, optionally with its `source`.'),
    'Risk.threat': doc('scenario', 'The threats of the scenario: what could cause the harm. Several are separated by commas.', 'threats'),
    vulnerability: doc('vulnerabilities', 'Declares a vulnerability: a weakness of supporting assets (`on`) that a threat may exploit.'),
    control: doc('controls', 'Declares an own control, which may implement Annex A controls and has a `status`.'),
    risk: doc('risks', 'Declares a risk scenario: threat, vulnerability and asset, its inherent likelihood and impact, its treatment, residual and acceptance. `risk ID "title" { … }`.'),
    applicability: doc('soa', 'The Statement of Applicability decisions (ISO/IEC 27001 6.1.3 d): `include` and `exclude` lines for Annex A controls, each with a justification. One block per model.'),
    annex: doc('annex', 'An Annex A control of ISO/IEC 27001:2022, declared by the built-in library. A model cannot declare one.'),
    theme: doc('annex', 'The theme of an Annex A control in the built-in library.'),
    AnnexTheme: doc('annex', 'A theme of Annex A: organizational (A.5), people (A.6), physical (A.7) or technological (A.8).'),

    // ------------------------------------------------------------ method
    scale: doc('scales', 'A scale of the method: `scale likelihood { … }` or `scale impact { … }`, one value per line, `NUMBER Name "description"`.', '`likelihood` or `impact`'),
    score: doc('score', 'How a likelihood and an impact combine into a score: `score likelihood * impact` (or `+`). The score falls in one of the `levels` bands.'),
    levels: doc('score', 'The risk levels, lowest first. With a `score`, each has a band of scores (`Low 1..2 "…"`); with a `matrix`, only a name and a description.'),
    matrix: doc('matrix', 'The level of each likelihood and impact pair, one row per likelihood value: `Likely: Moderate High High`.'),
    'AcceptCriteria.accept': doc('accept', 'The acceptance criteria: `appetite` (required), `major`, `lasts` and `longest`.'),
    appetite: doc('accept', 'The highest acceptable level: a residual level **above** it needs a valid acceptance, or `unaccepted-residual` is reported. Required.', LEVEL),
    major: doc('accept', 'The level from which a residual risk is **major**: only a `management` role may accept it. Defaults to the highest level.', LEVEL),
    lasts: doc('accept', 'How long an acceptance written without `until` lasts after its `on` date. Defaults to `12 months`.', DURATION),
    longest: doc('accept', 'The longest term an acceptance may run (`until` minus `on`); longer is `acceptance-too-long`. No limit by default.', DURATION),
    review: doc('review', 'A review cadence: `review every 12 months` for every risk, `review High every 1 month` for risks whose residual level is High. A risk reviewed longer ago is `review-overdue`.', `optionally ${LEVEL}, then \`every\` and a duration`),
    every: doc('review', 'The interval of a review cadence.', DURATION),
    treat: doc('accept', 'How soon treatment of a risk at a level must start: `treat High within 30 days`. A risk at that inherent level whose first action is due later after its `identified` date is `treatment-late`.', `${LEVEL}, then \`within\` and a duration`),
    within: doc('accept', 'The longest time from a risk\'s `identified` date to the due date of its first action.', DURATION),
    DurationUnit: doc('durations', 'A unit of a duration. Singular and plural mean the same.', '`day`, `week`, `month`, `year` (or the plural)'),

    // ------------------------------------------------------------ scopes
    includes: doc('scopes', 'What the scope includes, as text. Several are separated by commas.', 'strings'),
    excludes: doc('scopes', 'What the scope excludes, as text. Several are separated by commas.', 'strings'),
    approved: doc('scopes', 'The approval of the scope: `approved by ROLE on DATE`.'),

    // ------------------------------------------------------------ assets, threats, vulnerabilities, controls
    owner: doc('properties', 'The role accountable for this: a risk, an asset, a scope, an action or a control. May be written once per block.', ROLE),
    'Risk.owner': doc('risks', 'The risk owner: the role accountable for the risk (ISO/IEC 27001 6.1.2 c). Every risk needs one (`missing-owner`).', ROLE),
    'Action.owner': doc('actions', 'The role that carries out the action. Every action needs one (`action-incomplete`).', ROLE),
    'PrimaryCategory.primary': doc('assets', 'A primary asset: information, a process or a service that the organisation values for itself.', '`information`, `process` or `service`'),
    PrimaryCategory: doc('assets', 'The kind of a primary asset.', '`information`, `process` or `service`'),
    'SupportingCategory.supporting': doc('assets', 'A supporting asset: something primary assets depend on.', '`system`, `software`, `hardware`, `network`, `people`, `site` or `supplier`'),
    SupportingCategory: doc('assets', 'The kind of a supporting asset.', '`system`, `software`, `hardware`, `network`, `people`, `site` or `supplier`'),
    confidentiality: doc('assets', 'The impact of a loss of confidentiality of this primary asset: a value of the impact scale.', 'a value of the impact scale'),
    integrity: doc('assets', 'The impact of a loss of integrity of this primary asset: a value of the impact scale.', 'a value of the impact scale'),
    availability: doc('assets', 'The impact of a loss of availability of this primary asset: a value of the impact scale.', 'a value of the impact scale'),
    SecurityProperty: doc('scenario', 'A security property the scenario harms.', '`confidentiality`, `integrity` or `availability`'),
    supports: doc('assets', 'The primary assets this supporting asset supports. Several are separated by commas.', 'primary assets'),
    source: doc('threats', 'Where the threat comes from.', '`external`, `internal`, `supplier` or `environmental`'),
    ThreatSource: doc('threats', 'Where a threat comes from.', '`external`, `internal`, `supplier` or `environmental`'),
    on: doc('scenario', 'The supporting assets the scenario (or the vulnerability) is about. Several are separated by commas.', 'supporting assets'),
    'Acceptance.on': doc('acceptance', 'The date the acceptance was given. Its term runs from this date.', DATE),
    'Approval.on': doc('scopes', 'The date the scope was approved.', DATE),
    implements: doc('controls', 'The Annex A controls this own control implements. Several are separated by commas.', 'Annex A IDs, e.g. `A.8.5`'),
    'Control.status': doc('controls', 'How far the control is in place.', '`planned`, `partial` or `implemented`'),
    ControlStatus: doc('controls', 'How far a control is in place.', '`planned`, `partial` or `implemented`'),
    tags: doc('scenario', 'Free labels to group declarations (`tags "gdpr", "supplier"`); `risk check --tag` and `risk export --tag` select risks by them.', 'strings, separated by commas'),

    // ------------------------------------------------------------ applicability
    include: doc('soa', 'Includes Annex A controls in the Statement of Applicability, with the justification.', 'Annex A IDs separated by commas, then a justification string'),
    exclude: doc('soa', 'Excludes Annex A controls from the Statement of Applicability, with the justification (required). A control a risk, action or control refers to cannot be excluded (`soa-conflict`).', 'Annex A IDs separated by commas, then a justification string'),

    // ------------------------------------------------------------ risks
    exploits: doc('scenario', 'The vulnerabilities the threat exploits. Several are separated by commas.', 'vulnerabilities'),
    harms: doc('scenario', 'The primary assets harmed when the scenario happens. Several are separated by commas.', 'primary assets'),
    affects: doc('scenario', 'The security properties the scenario harms; an impact below what a harmed asset declares for them is `impact-understated`.', '`confidentiality`, `integrity`, `availability` (any of them, separated by commas)'),
    consequence: doc('scenario', 'What happens when the scenario occurs, as text; exported in the register.', 'a string'),
    controls: doc('existingControls', 'The controls already in place that the assessment counts on (of a risk), or that an action puts in place. Several are separated by commas.', 'own controls and Annex A IDs'),
    likelihood: doc('inherent', 'The inherent likelihood of the scenario, before treatment: a value of the method\'s likelihood scale, by name or number.', 'a value of the likelihood scale'),
    impact: doc('inherent', 'The inherent impact of the scenario, before treatment: a value of the method\'s impact scale, by name or number.', 'a value of the impact scale'),
    'Residual.likelihood': doc('residual', 'The likelihood once the treatment is done. Without it, the inherent likelihood.', 'a value of the likelihood scale'),
    'Residual.impact': doc('residual', 'The impact once the treatment is done. Without it, the inherent impact.', 'a value of the impact scale'),
    'Score.likelihood': doc('score', 'The likelihood value in the score formula.'),
    'Score.impact': doc('score', 'The impact value in the score formula.'),
    'LikelihoodScale.likelihood': doc('scales', 'The likelihood scale: how probable a scenario is, one value per line, lowest first.'),
    'ImpactScale.impact': doc('scales', 'The impact scale: how bad the consequences are, one value per line, lowest first.'),
    treatment: doc('treatment', 'How the risk is treated (ISO/IEC 27005 risk treatment). A risk may have one treatment per option; `reduce` needs actions in its `{ … }` block, `share` a party (`with "…"`).', '`reduce`, `accept`, `share`, `avoid` or `defer`'),
    'TreatmentOption.accept': doc('treatment', 'Treatment option **accept** (ISO/IEC 27005 risk retention): the risk is kept as it is. A residual above appetite still needs an `acceptance` block.'),
    'TreatmentOption.reduce': doc('treatment', 'Treatment option **reduce** (ISO/IEC 27005 risk modification): actions lower the likelihood or the impact. Needs at least one action (`action-missing`).'),
    'TreatmentOption.share': doc('treatment', 'Treatment option **share** (ISO/IEC 27005 risk sharing): another party carries part of the risk, named with `with "Party"` (`share-without-party`).'),
    'TreatmentOption.transfer': doc('treatment', 'Another word for the treatment option **share** (ISO/IEC 27005 risk sharing); the exports and hovers write `share`. Takes `with "Party"`.'),
    'TreatmentOption.avoid': doc('treatment', 'Treatment option **avoid** (ISO/IEC 27005 risk avoidance): the activity that gives rise to the risk stops.'),
    defer: doc('treatment', 'Postpones the treatment decision to a review point: `treatment defer until DATE "reason"`. It accepts nothing and justifies no lower residual; past `until` it is `deferral-lapsed`.', '`until` a date, then the reason'),
    with: doc('treatment', 'The party the risk is shared with.', 'a string'),
    action: doc('actions', 'An action of a treatment: what will be done, by whom (`owner`), by when (`due`), its `status`, and the `controls` it puts in place.'),
    due: doc('actions', 'The date the action is due; an action past it and not done is `action-overdue`.', DATE),
    completed: doc('actions', 'The date a `done` action was completed; on time when not after `due`.', DATE),
    'Action.status': doc('actions', 'Where the action stands.', '`planned`, `in-progress`, `done` or `cancelled`'),
    ActionStatus: doc('actions', 'Where an action stands.', '`planned`, `in-progress`, `done` or `cancelled`'),
    residual: doc('residual', 'The risk left once the treatment is done: `residual likelihood X impact Y`. A value left out is the inherent one. A residual above appetite needs a valid acceptance.', '`likelihood` and/or `impact`, each with a value of its scale'),
    acceptance: doc('acceptance', 'The formal acceptance of the residual risk: `by ROLE on DATE`, optionally `until DATE`, the `level` accepted and a justification string. Only an authorised role may accept (`acceptance-not-authorised`).'),
    by: doc('acceptance', 'The role that accepts the residual risk (or approved the scope). A major residual needs a `management` role.', ROLE),
    until: doc('acceptance', 'The last day the acceptance (or the deferral) holds. Without it, an acceptance lapses after the method\'s `lasts`.', DATE),
    'Treatment.until': doc('treatment', 'The review point of a deferral: past it, `deferral-lapsed`.', DATE),
    level: doc('acceptance', 'The residual level that was accepted. When the residual rises above it, the acceptance is `acceptance-outdated`.', LEVEL),
    status: doc('status', 'Where the risk stands in the process.', '`identified`, `assessed`, `treating`, `accepted` or `closed`'),
    RiskStatus: doc('status', 'Where a risk stands: `identified` (found, not yet assessed), `assessed`, `treating` (actions under way), `accepted` or `closed` (no longer monitored).', '`identified`, `assessed`, `treating`, `accepted` or `closed`'),
    reviewed: doc('status', 'The date the risk was last reviewed; with a review cadence of the method, a date too long ago is `review-overdue`.', DATE),
    identified: doc('status', 'The date the risk was identified; `treat … within` counts from it.', DATE)
};

/**
 * The entry of a keyword where it stands: `rule` is the parser rule the keyword belongs
 * to in the grammar (`Risk` for `owner` in a risk, `TreatmentOption` for `accept` as an option).
 */
export function keywordDoc(keyword: string, rule: string | undefined): KeywordDoc | undefined {
    // A rule's own entry is that of an enumeration (`RiskStatus`): it wins over the keyword's
    // meaning elsewhere (`identified` the status, not the date property).
    return (rule ? KEYWORD_DOCS[`${rule}.${keyword}`] ?? KEYWORD_DOCS[rule] : undefined) ?? KEYWORD_DOCS[keyword];
}

/** The link to a section of the language reference. */
export function sectionUrl(section: string): string {
    return `${INFORMATION_URI}/blob/main/docs/language.md#${section}`;
}

/** A keyword's documentation as Markdown: the meaning, what follows it, and the link to its section. */
export function keywordMarkdown(keyword: string, entry: KeywordDoc, values?: string): string {
    const lines = [`**\`${keyword}\`** ${entry.text}`];
    const allowed = values ?? entry.values;
    if (allowed) {
        lines.push(`Values: ${allowed}.`);
    }
    lines.push(`[The language reference](${sectionUrl(entry.section)})`);
    return lines.join('\n\n');
}
