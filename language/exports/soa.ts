/**
 * The Statement of Applicability (ISO/IEC 27001:2022 clause 6.1.3 d): all 93
 * Annex A controls in the standard's order, whether the model uses them, how far
 * they are implemented, which own controls implement them and which risks and
 * actions refer to them, directly or through an own control that implements them.
 * Cancelled actions are left out: they will implement nothing.
 */
import type { ModelEvaluation } from '../evaluation/model-evaluator.js';
import { ANNEX_A, type AnnexTheme } from '../builtins/annex-a.js';
import { isAnnexControl, isControl, type Control, type ControlStatus, type ControlTarget } from '../generated/ast.js';
import type { Reference } from 'langium';
import { compareIds, listText, yesNo } from './cells.js';
import { soaSummary } from './soa-summary.js';
import type { Column, ExportOptions, SoaExport } from './table.js';

export type ThemeName = 'Organizational' | 'People' | 'Physical' | 'Technological';

/** How far an applicable control is implemented: the furthest evidence in the model wins. */
export type Implementation = 'implemented' | 'partial' | 'planned' | 'unknown';

export interface OwnControlCell {
    readonly id: string;
    readonly status: ControlStatus | null;
}

export interface SoaRow {
    readonly id: string;
    readonly title: string;
    readonly theme: ThemeName;
    readonly applicable: boolean;
    /** Null when the control is not applicable. */
    readonly implementation: Implementation | null;
    readonly ownControls: readonly OwnControlCell[];
    readonly risks: readonly string[];
    readonly actions: readonly string[];
    readonly justification: string;
}

export const SOA_COLUMNS: ReadonlyArray<Column<SoaRow>> = [
    { header: 'ID', key: 'id', text: row => row.id },
    { header: 'Title', key: 'title', text: row => row.title },
    { header: 'Theme', key: 'theme', text: row => row.theme },
    { header: 'Applicable', key: 'applicable', text: row => yesNo(row.applicable) },
    { header: 'Implementation', key: 'implementation', text: row => row.implementation ?? '' },
    { header: 'Own controls', key: 'ownControls', text: row => listText(row.ownControls.map(ownControlText)) },
    { header: 'Risks', key: 'risks', text: row => listText(row.risks) },
    { header: 'Actions', key: 'actions', text: row => listText(row.actions) },
    { header: 'Justification', key: 'justification', text: row => row.justification }
];

export const THEME_NAMES: Readonly<Record<AnnexTheme, ThemeName>> = {
    organizational: 'Organizational',
    people: 'People',
    physical: 'Physical',
    technological: 'Technological'
};

const EVIDENCE_ORDER: readonly Implementation[] = ['unknown', 'planned', 'partial', 'implemented'];

const ACTION_EVIDENCE: Readonly<Record<string, Implementation>> = {
    'planned': 'planned',
    'in-progress': 'partial',
    'done': 'implemented'
};

function ownControlText(control: OwnControlCell): string {
    return control.status ? `${control.id} (${control.status})` : control.id;
}

interface Usage {
    readonly ownControls: Control[];
    readonly risks: Set<string>;
    readonly actions: Set<string>;
    evidence: Implementation;
}

export function buildSoa(evaluation: ModelEvaluation, _options: ExportOptions = {}): SoaExport {
    const usage = collectUsage(evaluation);
    const rows = ANNEX_A.map((entry): SoaRow => {
        const used = usage.get(entry.id);
        const risks = [...(used?.risks ?? [])].sort(compareIds);
        const ownControls = (used?.ownControls ?? []).map(control => ({ id: control.name, status: control.status ?? null }));
        return {
            id: entry.id,
            title: entry.title,
            theme: THEME_NAMES[entry.theme],
            applicable: used !== undefined,
            implementation: used?.evidence ?? null,
            ownControls,
            risks,
            actions: [...(used?.actions ?? [])],
            justification: justification(risks, ownControls, used !== undefined)
        };
    });
    return {
        kind: 'soa',
        asOf: evaluation.asOf,
        model: evaluation.method?.method.title ?? null,
        title: 'Statement of Applicability',
        columns: SOA_COLUMNS,
        rows,
        summary: soaSummary(rows, ownControlsOf(evaluation)),
        heatMaps: []
    };
}

function justification(risks: readonly string[], ownControls: readonly OwnControlCell[], applicable: boolean): string {
    if (risks.length > 0) {
        return `Needed for risk${risks.length === 1 ? '' : 's'} ${listText(risks)}`;
    }
    if (applicable) {
        return `Implemented by own control${ownControls.length === 1 ? '' : 's'} ${listText(ownControls.map(control => control.id))}; no risk refers to it`;
    }
    return 'Not selected: no risk, action or own control of the model refers to it';
}

export function ownControlsOf(evaluation: ModelEvaluation): Control[] {
    return evaluation.declarationsById.values().filter(isControl).toArray().sort((a, b) => compareIds(a.name, b.name));
}

/** Annex A ID -> what refers to it. */
function collectUsage(evaluation: ModelEvaluation): Map<string, Usage> {
    const usage = new Map<string, Usage>();
    const use = (id: string, evidence: Implementation | undefined): Usage => {
        let entry = usage.get(id);
        if (!entry) {
            entry = { ownControls: [], risks: new Set(), actions: new Set(), evidence: 'unknown' };
            usage.set(id, entry);
        }
        if (evidence && EVIDENCE_ORDER.indexOf(evidence) > EVIDENCE_ORDER.indexOf(entry.evidence)) {
            entry.evidence = evidence;
        }
        return entry;
    };
    for (const control of ownControlsOf(evaluation)) {
        for (const annex of control.implements) {
            if (annex.ref) {
                use(annex.ref.name, control.status).ownControls.push(control);
            }
        }
    }
    const risks = [...evaluation.risks].sort((a, b) => compareIds(a.risk.name, b.risk.name));
    for (const { risk, actions } of risks) {
        // Existing controls are in place today; an own control is as far as its status says.
        for (const { id, via } of annexTargets(risk.controls)) {
            use(id, via ? via.status : 'implemented').risks.add(risk.name);
        }
        for (const action of actions) {
            const status = action.action.status ?? 'planned';
            if (status === 'cancelled') {
                continue;
            }
            for (const { id } of annexTargets(action.action.controls)) {
                const entry = use(id, ACTION_EVIDENCE[status]);
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
