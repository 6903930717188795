/**
 * The Statement of Applicability decisions (ISO/IEC 27001:2022 clause 6.1.3 d;
 * specification section 11.1), computed once per model: for every Annex A control,
 * what in the model refers to it (risks, actions, own controls), which `include` and
 * `exclude` lines name it, and the decision that follows. Validation (`soa-conflict`,
 * `soa-undecided`) and the SoA export both read it.
 */
import type { Reference } from 'langium';
import { ANNEX_A } from '../builtins/annex-a.js';
import { isAnnexControl, isControl, type Action, type Applicability, type ApplicabilityDecision, type Control, type ControlTarget, type Risk } from '../generated/ast.js';
import { compareIds } from '../model/compare-ids.js';
import type { RiskEvaluation } from './risk-evaluation.js';

export type Decision = 'included' | 'excluded' | 'undecided';

/** How far an applicable control is implemented: the furthest evidence in the model wins. */
export type Implementation = 'implemented' | 'partial' | 'planned' | 'unknown';

/** Something in the model that makes a control applicable by referring to it. */
export type Referrer =
    | { readonly kind: 'risk'; readonly id: string; readonly node: Risk }
    | { readonly kind: 'action'; readonly id: string; readonly node: Action }
    | { readonly kind: 'control'; readonly id: string; readonly node: Control };

export interface ControlApplicability {
    readonly id: string;
    readonly decision: Decision;
    /** Risks that refer to it, through their existing controls or an action, directly or through an own control; sorted by ID. */
    readonly risks: readonly string[];
    /** Actions (not cancelled) whose controls come down to it. */
    readonly actions: readonly string[];
    /** Own controls that implement it. */
    readonly ownControls: readonly Control[];
    /** Every referrer, for messages: the first one written is named. */
    readonly referrers: readonly Referrer[];
    readonly includedBy: readonly ApplicabilityDecision[];
    readonly excludedBy: readonly ApplicabilityDecision[];
    /** Null when nothing refers to it. */
    readonly implementation: Implementation | null;
}

export interface ApplicabilityEvaluation {
    /** Every `applicability` block of the model; at most one is expected. */
    readonly blocks: readonly Applicability[];
    /** All 93 controls, in the standard's order. */
    readonly controls: readonly ControlApplicability[];
    controlOf(id: string): ControlApplicability | undefined;
    /** IDs of controls with no decision, in the standard's order. */
    readonly undecided: readonly string[];
}

const EVIDENCE_ORDER: readonly Implementation[] = ['unknown', 'planned', 'partial', 'implemented'];

const ACTION_EVIDENCE: Readonly<Record<string, Implementation>> = {
    'planned': 'planned',
    'in-progress': 'partial',
    'done': 'implemented'
};

interface Usage {
    readonly ownControls: Control[];
    readonly risks: Set<string>;
    readonly actions: Set<string>;
    readonly referrers: Referrer[];
    evidence: Implementation;
}

export function evaluateApplicability(blocks: readonly Applicability[], ownControls: readonly Control[], risks: readonly RiskEvaluation[]): ApplicabilityEvaluation {
    const usage = collectUsage(ownControls, risks);
    const lines = blocks.flatMap(block => block.decisions);
    const linesNaming = (decision: 'include' | 'exclude', id: string) =>
        lines.filter(line => line.decision === decision && line.controls.some(control => control.ref?.name === id));
    const controls = ANNEX_A.map((entry): ControlApplicability => {
        const used = usage.get(entry.id);
        const includedBy = linesNaming('include', entry.id);
        const excludedBy = linesNaming('exclude', entry.id);
        // An `exclude` line wins, so that the SoA shows what the user decided; the conflict with a referrer is reported.
        const decision: Decision = excludedBy.length > 0 ? 'excluded' : used || includedBy.length > 0 ? 'included' : 'undecided';
        return {
            id: entry.id,
            decision,
            risks: [...(used?.risks ?? [])].sort(compareIds),
            actions: [...(used?.actions ?? [])],
            ownControls: used?.ownControls ?? [],
            referrers: used?.referrers ?? [],
            includedBy,
            excludedBy,
            implementation: used?.evidence ?? null
        };
    });
    const byId = new Map(controls.map(control => [control.id, control]));
    return {
        blocks,
        controls,
        controlOf: id => byId.get(id),
        undecided: controls.filter(control => control.decision === 'undecided').map(control => control.id)
    };
}

/** Annex A ID -> what refers to it. Cancelled actions are left out: they will implement nothing. */
function collectUsage(ownControls: readonly Control[], riskEvaluations: readonly RiskEvaluation[]): Map<string, Usage> {
    const usage = new Map<string, Usage>();
    const use = (id: string, evidence: Implementation | undefined, referrer: Referrer): Usage => {
        let entry = usage.get(id);
        if (!entry) {
            entry = { ownControls: [], risks: new Set(), actions: new Set(), referrers: [], evidence: 'unknown' };
            usage.set(id, entry);
        }
        if (evidence && EVIDENCE_ORDER.indexOf(evidence) > EVIDENCE_ORDER.indexOf(entry.evidence)) {
            entry.evidence = evidence;
        }
        if (!entry.referrers.some(known => known.node === referrer.node)) {
            entry.referrers.push(referrer);
        }
        return entry;
    };
    for (const control of ownControls) {
        for (const annex of control.implements) {
            if (annex.ref) {
                use(annex.ref.name, control.status, { kind: 'control', id: control.name, node: control }).ownControls.push(control);
            }
        }
    }
    const risks = [...riskEvaluations].sort((a, b) => compareIds(a.risk.name, b.risk.name));
    for (const { risk, actions } of risks) {
        // Existing controls are in place today; an own control is as far as its status says.
        for (const { id, via } of annexTargets(risk.controls)) {
            use(id, via ? via.status : 'implemented', { kind: 'risk', id: risk.name, node: risk }).risks.add(risk.name);
        }
        for (const action of actions) {
            const status = action.action.status ?? 'planned';
            if (status === 'cancelled') {
                continue;
            }
            for (const { id } of annexTargets(action.action.controls)) {
                const entry = use(id, ACTION_EVIDENCE[status], { kind: 'action', id: action.id, node: action.action });
                entry.risks.add(risk.name);
                entry.actions.add(action.id);
            }
        }
    }
    return usage;
}

/** The Annex A controls a list of control references comes down to, each once. */
function annexTargets(references: ReadonlyArray<Reference<ControlTarget>>): Array<{ id: string; via?: Control }> {
    const targets = new Map<string, { id: string; via?: Control }>();
    for (const target of references.map(reference => reference.ref)) {
        if (isAnnexControl(target)) {
            targets.set(target.name, { id: target.name });
        } else if (isControl(target)) {
            for (const annex of target.implements) {
                if (annex.ref && !targets.has(annex.ref.name)) {
                    targets.set(annex.ref.name, { id: annex.ref.name, via: target });
                }
            }
        }
    }
    return [...targets.values()];
}
