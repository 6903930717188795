/**
 * Statement of Applicability decisions (specification section 11.1): one
 * `applicability` block, every line justified, no control both needed and excluded,
 * and, once the block exists, every Annex A control decided.
 */
import type { ValidationAcceptor } from 'langium';
import type { Applicability, ApplicabilityDecision } from '../generated/ast.js';
import type { Referrer } from '../evaluation/applicability.js';
import type { ModelEvaluator } from '../evaluation/model-evaluator.js';
import { IssueCodes } from './issue-codes.js';
import { placeOf } from './places.js';
import { report } from './report.js';

/** `soa-undecided` lists this many IDs; the rest are counted. */
const UNDECIDED_LISTED = 10;

export class ApplicabilityValidator {
    constructor(private readonly evaluator: ModelEvaluator) {}

    checkApplicability = (block: Applicability, accept: ValidationAcceptor): void => {
        const { blocks, undecided } = this.evaluator.evaluate(block).applicability;
        if (blocks.length > 1) {
            const others = blocks.filter(other => other !== block).map(other => placeOf(other, block));
            report(accept, IssueCodes.ApplicabilityDuplicate, `The model has ${blocks.length} \`applicability\` blocks (the other${others.length === 1 ? ' is' : 's are'} ${others.join(', ')}); one is allowed: move the \`include\` and \`exclude\` lines into one block and remove the others.`, { node: block, keyword: 'applicability' });
        }
        if (block === blocks[0] && undecided.length > 0) {
            const listed = undecided.slice(0, UNDECIDED_LISTED);
            const more = undecided.length > listed.length ? ` and ${undecided.length - listed.length} more` : '';
            const count = undecided.length === 1 ? '1 Annex A control has' : `${undecided.length} Annex A controls have`;
            report(accept, IssueCodes.SoaUndecided, `${count} no decision yet (${listed.join(', ')}${more}): nothing in the model refers to ${undecided.length === 1 ? 'it' : 'them'}; add \`include … "why"\` or \`exclude … "why"\` lines for ${undecided.length === 1 ? 'it' : 'each'}.`, { node: block, keyword: 'applicability' });
        }
    };

    checkDecision = (line: ApplicabilityDecision, accept: ValidationAcceptor): void => {
        if ((line.justification ?? '').trim() === '') {
            const verb = line.decision === 'exclude' ? 'excluded' : 'included';
            report(accept, IssueCodes.SoaUnjustified, `This \`${line.decision}\` line does not say why the controls are ${verb}: add the justification as a string at the end of the line (ISO/IEC 27001 6.1.3 d).`, { node: line, property: 'decision' });
        }
        const { applicability } = this.evaluator.evaluate(line);
        line.controls.forEach((reference, index) => {
            const control = reference.ref ? applicability.controlOf(reference.ref.name) : undefined;
            if (!control) {
                return;
            }
            const where = { node: line, property: 'controls' as const, index };
            if (line.decision === 'exclude' && control.referrers.length > 0) {
                report(accept, IssueCodes.SoaConflict, `${control.id} is excluded here, but ${referrersText(control.referrers)} ${control.referrers.length === 1 ? 'refers' : 'refer'} to it: remove ${control.id} from this line if the control is needed, or remove the references.`, where);
            }
            const opposite = line.decision === 'exclude' ? control.includedBy : control.excludedBy;
            if (opposite.length > 0) {
                const other = line.decision === 'exclude' ? 'included' : 'excluded';
                report(accept, IssueCodes.SoaConflict, `${control.id} is both ${line.decision}d here and ${other} ${placeOf(opposite[0], line)}: decide it once, and remove it from one of the lines.`, where);
            }
        });
    };
}

/** `risk R-003`, `risk R-003 and 2 more` */
function referrersText(referrers: readonly Referrer[]): string {
    const [first] = referrers;
    const name = `${first.kind === 'control' ? 'own control' : first.kind} ${first.id}`;
    return referrers.length === 1 ? name : `${name} and ${referrers.length - 1} more`;
}

