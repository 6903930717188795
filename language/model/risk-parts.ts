/**
 * Parts of a risk that the grammar spreads over several lines: since a risk may have
 * several `treatment` lines (specification section 11.3), its actions are those of all
 * its treatments, in the order written.
 */
import type { Action, Risk } from '../generated/ast.js';

export function actionsOf(risk: Risk): Action[] {
    return risk.treatments.flatMap(treatment => treatment.actions);
}
