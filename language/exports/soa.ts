/**
 * The Statement of Applicability (ISO/IEC 27001:2022 clause 6.1.3 d): all 93
 * Annex A controls in the standard's order, whether the model uses them, how far
 * they are implemented, which own controls implement them and which risks and
 * actions refer to them, directly or through an own control that implements them.
 * Cancelled actions are left out: they will implement nothing.
 */
import type { ModelEvaluation } from '../evaluation/model-evaluator.js';
import { ANNEX_A, type AnnexTheme } from '../builtins/annex-a.js';
import type { ControlApplicability, Decision, Implementation } from '../evaluation/applicability.js';
import { isControl, type Control, type ControlStatus } from '../generated/ast.js';
import { compareIds, listText, yesNo } from './cells.js';
import { soaSummary } from './soa-summary.js';
import type { Column, ExportOptions, SoaExport } from './table.js';

export type ThemeName = 'Organizational' | 'People' | 'Physical' | 'Technological';

export type { Implementation };

export interface OwnControlCell {
    readonly id: string;
    readonly status: ControlStatus | null;
}

export interface SoaRow {
    readonly id: string;
    readonly title: string;
    readonly theme: ThemeName;
    readonly applicable: boolean;
    /** `included`, `excluded` (an `exclude` line) or `undecided` (section 11.1). */
    readonly decision: Decision;
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
    { header: 'Decision', key: 'decision', text: row => row.decision },
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


function ownControlText(control: OwnControlCell): string {
    return control.status ? `${control.id} (${control.status})` : control.id;
}


export function buildSoa(evaluation: ModelEvaluation, _options: ExportOptions = {}): SoaExport {
    const rows = ANNEX_A.map((entry): SoaRow => {
        const control = evaluation.applicability.controlOf(entry.id)!;
        const ownControls = control.ownControls.map(own => ({ id: own.name, status: own.status ?? null }));
        const applicable = control.decision === 'included';
        return {
            id: entry.id,
            title: entry.title,
            theme: THEME_NAMES[entry.theme],
            applicable,
            decision: control.decision,
            implementation: applicable ? control.implementation ?? 'unknown' : null,
            ownControls,
            risks: control.risks,
            actions: control.actions,
            justification: justification(control, ownControls)
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

/** The user's words for an `include`/`exclude` decision; for a control included through the model, why. */
function justification(control: ControlApplicability, ownControls: readonly OwnControlCell[]): string {
    const lines = control.decision === 'excluded' ? control.excludedBy : control.includedBy;
    const written = lines.map(line => line.justification?.trim()).filter((text): text is string => !!text);
    if (written.length > 0) {
        return [...new Set(written)].join('; ');
    }
    const { risks } = control;
    if (risks.length > 0) {
        return `Needed for risk${risks.length === 1 ? '' : 's'} ${listText(risks)}`;
    }
    if (ownControls.length > 0) {
        return `Implemented by own control${ownControls.length === 1 ? '' : 's'} ${listText(ownControls.map(own => own.id))}; no risk refers to it`;
    }
    if (control.decision === 'undecided') {
        return 'Not selected: no risk, action or own control of the model refers to it';
    }
    return '';
}

export function ownControlsOf(evaluation: ModelEvaluation): Control[] {
    return evaluation.declarationsById.values().filter(isControl).toArray().sort((a, b) => compareIds(a.name, b.name));
}
