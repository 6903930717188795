/**
 * Parts of a risk that the grammar spreads over several lines: since a risk may have
 * several `treatment` lines (specification section 11.3), its actions are those of all
 * its treatments, in the order written.
 */
import type { Action, Risk, Treatment } from '../generated/ast.js';

export function actionsOf(risk: Risk): Action[] {
    return risk.treatments.flatMap(treatment => treatment.actions);
}

/**
 * The treatments whose option is written. `treatment` just typed parses without one: a
 * syntax error says so, and nothing that reports a treatment by its option shows it.
 */
export function decidedTreatments(risk: Risk): Array<Treatment & { option: Treatment['option'] }> {
    return risk.treatments.filter((treatment): treatment is Treatment & { option: Treatment['option'] } => treatment.option !== undefined);
}
