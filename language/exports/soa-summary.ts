/**
 * The figures above the Statement of Applicability: per theme, how many controls
 * apply and how far they are implemented, and the state of the model's own controls.
 */
import type { Control } from '../generated/ast.js';
import type { SoaRow, ThemeName } from './soa.js';

export interface ThemeCount {
    readonly theme: ThemeName | 'Total';
    readonly controls: number;
    readonly applicable: number;
    readonly notApplicable: number;
    /** Of the controls not applicable: excluded by an `exclude` line. */
    readonly excluded: number;
    /** Of the controls not applicable: with no decision at all (section 11.1). */
    readonly undecided: number;
    readonly implemented: number;
    readonly partial: number;
    readonly planned: number;
    readonly unknown: number;
}

export interface SoaSummary {
    /** One line per theme in the standard's order, then the total. */
    readonly themes: readonly ThemeCount[];
    readonly ownControls: {
        readonly total: number;
        readonly implemented: number;
        readonly partial: number;
        readonly planned: number;
        readonly noStatus: number;
    };
}

const THEMES: readonly ThemeName[] = ['Organizational', 'People', 'Physical', 'Technological'];

export function soaSummary(rows: readonly SoaRow[], ownControls: readonly Control[]): SoaSummary {
    const count = (theme: ThemeCount['theme'], selected: readonly SoaRow[]): ThemeCount => ({
        theme,
        controls: selected.length,
        applicable: selected.filter(row => row.applicable).length,
        notApplicable: selected.filter(row => !row.applicable).length,
        excluded: selected.filter(row => row.decision === 'excluded').length,
        undecided: selected.filter(row => row.decision === 'undecided').length,
        implemented: selected.filter(row => row.implementation === 'implemented').length,
        partial: selected.filter(row => row.implementation === 'partial').length,
        planned: selected.filter(row => row.implementation === 'planned').length,
        unknown: selected.filter(row => row.implementation === 'unknown').length
    });
    return {
        themes: [...THEMES.map(theme => count(theme, rows.filter(row => row.theme === theme))), count('Total', rows)],
        ownControls: {
            total: ownControls.length,
            implemented: ownControls.filter(control => control.status === 'implemented').length,
            partial: ownControls.filter(control => control.status === 'partial').length,
            planned: ownControls.filter(control => control.status === 'planned').length,
            noStatus: ownControls.filter(control => !control.status).length
        }
    };
}
