/**
 * Every diagnostic the language reports, by its stable code. The codes are public
 * interface: the editor, the CLI, SARIF rules and docs/language.md all use this table.
 */
export type IssueSeverity = 'error' | 'warning' | 'info' | 'hint';

export interface IssueDefinition {
    readonly severity: IssueSeverity;
    /** One line: what is wrong. */
    readonly summary: string;
    /** How to fix it. */
    readonly help: string;
}

export const IssueCodes = {
    SyntaxError: 'syntax-error',
    InternalError: 'internal-error',
    EncodingInvalid: 'encoding-invalid',
    UnresolvedReference: 'unresolved-reference',
    DuplicateId: 'duplicate-id',
    DuplicateProperty: 'duplicate-property',
    MethodMissing: 'method-missing',
    MethodDuplicate: 'method-duplicate',
    ScaleInvalid: 'scale-invalid',
    ScaleGap: 'scale-gap',
    LevelOverlap: 'level-overlap',
    LevelUncovered: 'level-uncovered',
    MatrixInvalid: 'matrix-invalid',
    AppetiteMissing: 'appetite-missing',
    DurationInvalid: 'duration-invalid',
    ValueOutOfScale: 'value-out-of-scale',
    InvalidDate: 'invalid-date',
    UnknownControl: 'unknown-control',
    NotAssessed: 'not-assessed',
    MissingOwner: 'missing-owner',
    UnacceptedResidual: 'unaccepted-residual',
    AcceptanceNotAuthorised: 'acceptance-not-authorised',
    AcceptanceExpired: 'acceptance-expired',
    AcceptanceExpiring: 'acceptance-expiring',
    AcceptanceOutdated: 'acceptance-outdated',
    AcceptanceUnneeded: 'acceptance-unneeded',
    AcceptanceIncomplete: 'acceptance-incomplete',
    ResidualAboveInherent: 'residual-above-inherent',
    ResidualUnjustified: 'residual-unjustified',
    TreatmentMissing: 'treatment-missing',
    ActionMissing: 'action-missing',
    ActionOverdue: 'action-overdue',
    ActionIncomplete: 'action-incomplete',
    ShareWithoutParty: 'share-without-party',
    ClosedWithOpenActions: 'closed-with-open-actions',
    ReviewOverdue: 'review-overdue',
    ScenarioMismatch: 'scenario-mismatch',
    SupportsNothing: 'supports-nothing',
    Unused: 'unused',
    ApplicabilityDuplicate: 'applicability-duplicate',
    SoaConflict: 'soa-conflict',
    SoaUndecided: 'soa-undecided',
    SoaUnjustified: 'soa-unjustified',
    RoleAuthorityInvalid: 'role-authority-invalid',
    AcceptanceTooLong: 'acceptance-too-long',
    AcceptancePeriodInvalid: 'acceptance-period-invalid',
    DeferralIncomplete: 'deferral-incomplete',
    DeferralLapsed: 'deferral-lapsed',
    ImpactUnderstated: 'impact-understated',
    ActionStatusMismatch: 'action-status-mismatch',
    TreatmentLate: 'treatment-late',
    MatrixNotMonotonic: 'matrix-not-monotonic',
    AppetiteAboveMajor: 'appetite-above-major'
} as const;

export type IssueCode = typeof IssueCodes[keyof typeof IssueCodes];

export const ISSUES: Readonly<Record<IssueCode, IssueDefinition>> = {
    'syntax-error': {
        severity: 'error',
        summary: 'The text does not follow the grammar of the .risk language.',
        help: 'Fix the text at the position shown; the message says what was expected there and what was found.'
    },
    'internal-error': {
        severity: 'error',
        summary: 'A check or an editor feature failed inside the tool: a bug in Risk Language, not in the model.',
        help: 'Report it with the model (or the smallest part of it that still shows the error) and the message; `RISK_DEBUG=1 risk check …` prints the stack trace. The other findings of the file may be incomplete until it is fixed.'
    },
    'encoding-invalid': {
        severity: 'error',
        summary: 'The file is not UTF-8: a byte that is not valid UTF-8, reported at the first one.',
        help: 'Save the file as UTF-8 (in VS Code: Reopen with Encoding with the encoding it was written in, then Save with Encoding, UTF-8).'
    },
    'unresolved-reference': {
        severity: 'error',
        summary: 'A name that is not declared anywhere in the model.',
        help: 'Correct the spelling (the message suggests the nearest declared name) or declare it in any .risk file of the model.'
    },
    'duplicate-id': {
        severity: 'error',
        summary: 'Two declarations share an ID; roles, scopes, assets, threats, vulnerabilities, controls, risks and named actions share one namespace.',
        help: 'Rename one of the declarations; every declaration needs an ID of its own across all files of the model.'
    },
    'duplicate-property': {
        severity: 'error',
        summary: 'A property that takes one value is written twice in the same block.',
        help: 'Remove one of the two lines; only one of them can count.'
    },
    'method-missing': {
        severity: 'error',
        summary: 'The model has no method, so no risk can be scored.',
        help: 'Add a `method` block with both scales, levels and acceptance criteria to any .risk file of the model.'
    },
    'method-duplicate': {
        severity: 'error',
        summary: 'The model has more than one method.',
        help: 'Keep exactly one `method` block in the model and delete or merge the others.'
    },
    'scale-invalid': {
        severity: 'error',
        summary: 'A likelihood or impact scale is missing, repeated, empty, or has a duplicate or non-positive value or a duplicate name.',
        help: 'Give the method one `scale likelihood` and one `scale impact`, each with unique positive values and unique names.'
    },
    'scale-gap': {
        severity: 'warning',
        summary: 'Scale values are not contiguous from 1.',
        help: 'Number the values 1, 2, 3, … without gaps, so that scores and bands mean what they appear to mean.'
    },
    'level-overlap': {
        severity: 'error',
        summary: 'Two level bands share a score, or a band is listed out of order or runs backwards.',
        help: 'Make the bands disjoint and list them lowest first, each as `min..max` with min ≤ max.'
    },
    'level-uncovered': {
        severity: 'error',
        summary: 'A score the two scales can produce falls in no level band.',
        help: 'Widen or add a band so that every listed score belongs to exactly one level.'
    },
    'matrix-invalid': {
        severity: 'error',
        summary: 'The risk matrix has a missing or repeated row, a row with the wrong number of cells, or is combined with a score or banded ranges.',
        help: 'Give one row per likelihood value with one level per impact value, in ascending impact order; remove `score` and level ranges when a matrix is used.'
    },
    'appetite-missing': {
        severity: 'error',
        summary: 'The method has no `accept { appetite LEVEL }`, so no risk can be evaluated against the risk appetite.',
        help: 'Add `accept { appetite LEVEL }` naming the highest level that is acceptable without a formal decision.'
    },
    'duration-invalid': {
        severity: 'error',
        summary: 'A duration of 0, or one that does not fit in 1000 years.',
        help: 'Write a duration from 1 day to 1000 years, such as `12 months` or `1 year`.'
    },
    'value-out-of-scale': {
        severity: 'error',
        summary: 'A likelihood or impact value that is not on its scale.',
        help: 'Use a number or a name declared in the method’s scale (the message lists them).'
    },
    'invalid-date': {
        severity: 'error',
        summary: 'A date that does not exist in the calendar.',
        help: 'Write a real date as YYYY-MM-DD.'
    },
    'unknown-control': {
        severity: 'error',
        summary: 'An Annex A control ID that ISO/IEC 27001:2022 does not define.',
        help: 'Use one of A.5.1–A.5.37, A.6.1–A.6.8, A.7.1–A.7.14, A.8.1–A.8.34; the message suggests the nearest one.'
    },
    'not-assessed': {
        severity: 'warning',
        summary: 'A risk without `likelihood` or `impact`; an error once its status is past `identified`.',
        help: 'Add both `likelihood` and `impact`, or set `status identified` while the analysis is pending.'
    },
    'missing-owner': {
        severity: 'warning',
        summary: 'A risk or primary asset has no owner (an action without one is `action-incomplete`).',
        help: 'Add `owner ROLE`; ISO/IEC 27001 6.1.2 c) 2) requires every risk to have an owner.'
    },
    'unaccepted-residual': {
        severity: 'error',
        summary: 'The residual risk is above appetite and has no valid acceptance.',
        help: 'Record an `acceptance` by an authorised role, or treat the risk further until the residual is within appetite.'
    },
    'acceptance-not-authorised': {
        severity: 'error',
        summary: 'The accepting role may not accept this residual level.',
        help: 'A residual at or above `major` needs a role marked `management`; other residuals need the risk owner, a management role, or a role whose `accepts` level is at or above the residual level.'
    },
    'acceptance-expired': {
        severity: 'warning',
        summary: 'The acceptance lapsed before the as-of date.',
        help: 'Review the risk and record a new acceptance with a new date, or treat it further.'
    },
    'acceptance-expiring': {
        severity: 'info',
        summary: 'The acceptance lapses within 30 days of the as-of date.',
        help: 'Plan the review and the renewed acceptance before it lapses.'
    },
    'acceptance-outdated': {
        severity: 'error',
        summary: 'The pinned accepted level is below the residual level computed now.',
        help: 'The risk grew since it was accepted: record a new acceptance at the current level, or treat it further.'
    },
    'acceptance-unneeded': {
        severity: 'hint',
        summary: 'An acceptance on a residual risk that is within appetite.',
        help: 'Residual risk within appetite is acceptable as it is; the acceptance may stay as a record or be removed.'
    },
    'acceptance-incomplete': {
        severity: 'error',
        summary: 'An acceptance without `by ROLE on DATE` or without a justification, or whose justification is a placeholder (`TODO`, `TBD`, `...`).',
        help: 'Write who accepted and when (`by CEO on 2026-11-15`) and why, as a string that gives the reason.'
    },
    'residual-above-inherent': {
        severity: 'warning',
        summary: 'The residual likelihood or impact is higher than the inherent one.',
        help: 'Treatment does not raise a risk: check the values, or raise the inherent assessment.'
    },
    'residual-unjustified': {
        severity: 'warning',
        summary: 'The residual is lower than the inherent risk, but nothing explains the reduction (cancelled actions and `defer` do not).',
        help: 'Add the actions that reduce the risk, or choose treatment `avoid` or `share`.'
    },
    'treatment-missing': {
        severity: 'warning',
        summary: 'The inherent risk is above appetite and no treatment is chosen.',
        help: 'Add `treatment reduce|accept|share|avoid`, with actions where they apply.'
    },
    'action-missing': {
        severity: 'warning',
        summary: '`treatment reduce` without any action, or with cancelled actions only.',
        help: 'Add at least one `action` with owner, due date and status.'
    },
    'action-overdue': {
        severity: 'warning',
        summary: 'An action is past its due date and is neither done nor cancelled.',
        help: 'Complete it (`status done`), re-plan it with a new `due` date, or cancel it.'
    },
    'action-incomplete': {
        severity: 'warning',
        summary: 'An action without an owner or a due date.',
        help: 'Give every action an `owner` and a `due` date, so the treatment plan can be followed up.'
    },
    'share-without-party': {
        severity: 'warning',
        summary: '`treatment share` without the party the risk is shared with.',
        help: 'Name the party: `treatment share with "Insurer"`.'
    },
    'closed-with-open-actions': {
        severity: 'warning',
        summary: 'A closed risk still has planned or in-progress actions.',
        help: 'Finish or cancel the actions, or reopen the risk.'
    },
    'review-overdue': {
        severity: 'warning',
        summary: 'The risk was last reviewed longer ago than its review cadence, or never (closed risks have no cadence).',
        help: 'Review the risk and update `reviewed` to the date of the review.'
    },
    'scenario-mismatch': {
        severity: 'error',
        summary: '`on` names a primary asset, `harms` a supporting one, or a primary asset has `supports`.',
        help: 'Scenarios act `on` supporting assets and `harm` primary assets; only supporting assets `support` primary ones.'
    },
    'supports-nothing': {
        severity: 'hint',
        summary: 'A supporting asset that supports no primary asset.',
        help: 'Add `supports PRIMARY_ASSET`, so that risks on it know which information, process or service they harm.'
    },
    'unused': {
        severity: 'hint',
        summary: 'An asset, threat, vulnerability, control or role that nothing references.',
        help: 'Reference it from a risk (or another declaration), or remove it.'
    },
    'applicability-duplicate': {
        severity: 'error',
        summary: 'The model has more than one `applicability` block.',
        help: 'Keep one `applicability` block and move the `include` and `exclude` lines of the others into it.'
    },
    'soa-conflict': {
        severity: 'error',
        summary: 'An excluded Annex A control that a risk, an action or an own control refers to, or a control both included and excluded.',
        help: 'Remove the `exclude` (the control is needed), or remove the references to it; decide each control once.'
    },
    'soa-undecided': {
        severity: 'info',
        summary: 'Annex A controls with no Statement of Applicability decision: nothing refers to them and no `include`/`exclude` line names them.',
        help: 'Add `include A.x.y "why"` or `exclude A.x.y "why"` lines to the `applicability` block until every control is decided.'
    },
    'soa-unjustified': {
        severity: 'error',
        summary: 'An `include` or `exclude` line without a justification.',
        help: 'Write why the controls are included or excluded as a string at the end of the line: ISO/IEC 27001 6.1.3 d) asks for it.'
    },
    'role-authority-invalid': {
        severity: 'warning',
        summary: '`accepts` on a management role, or naming a level at or above `major`.',
        help: 'A management role may accept everything: remove `accepts`. A non-management role may not accept a major risk: name a level below `major`.'
    },
    'acceptance-too-long': {
        severity: 'warning',
        summary: 'An acceptance runs longer than the method\'s `longest` term.',
        help: 'Set `until` no later than `on` plus the `longest` term, and review the risk then.'
    },
    'acceptance-period-invalid': {
        severity: 'error',
        summary: 'An acceptance whose `until` is before its `on` date; it never holds.',
        help: 'Correct the dates: `until` is the last day the acceptance holds, on or after `on`.'
    },
    'deferral-incomplete': {
        severity: 'warning',
        summary: '`treatment defer` without an `until` date or without a reason.',
        help: 'Write the review point and the reason: `treatment defer until 2027-03-31 "Budget decision in Q1"`.'
    },
    'deferral-lapsed': {
        severity: 'warning',
        summary: 'The review point of a deferred treatment decision has passed.',
        help: 'Decide the treatment now (reduce, accept, share or avoid), or defer again with a new date and reason.'
    },
    'impact-understated': {
        severity: 'warning',
        summary: 'The inherent impact is below the value a harmed primary asset declares for a property the risk `affects`.',
        help: 'Raise the impact to the asset\'s value, or correct `affects` or the asset\'s confidentiality, integrity or availability.'
    },
    'action-status-mismatch': {
        severity: 'warning',
        summary: 'An action has a `completed` date but its status is not `done`.',
        help: 'Set `status done`, or remove `completed` while the action is still open or cancelled.'
    },
    'treatment-late': {
        severity: 'warning',
        summary: 'The first action of a risk is due later after `identified` than the method\'s `treat LEVEL within` allows.',
        help: 'Plan an action due within the term, or correct the `identified` date.'
    },
    'matrix-not-monotonic': {
        severity: 'warning',
        summary: 'A matrix cell ranks below a cell of lower or equal likelihood and lower or equal impact.',
        help: 'A higher likelihood or impact never lowers the level: raise the cell, or lower the other one.'
    },
    'appetite-above-major': {
        severity: 'warning',
        summary: '`appetite` ranks at or above `major`, so no residual above appetite can ever need management acceptance.',
        help: 'Set `appetite` to a level below `major`, or raise `major`.'
    }
};

export const ALL_ISSUE_CODES = Object.keys(ISSUES) as IssueCode[];
