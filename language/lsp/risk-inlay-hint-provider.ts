/**
 * Inlay hints: computed values shown inline, each kind switched by a setting
 * (RiskSettings.inlayHints). Scores and levels come from the model evaluation.
 *
 *   likelihood 3 ‹Likely›  impact Severe ⇒ 9 · High
 *   residual likelihood Possible impact 1 ‹Minor› ⇒ 2 · Low ✓
 *   by CEO on 2026-11-15 until 2027-11-15 valid until 2027-11-15
 */
import { AbstractInlayHintProvider, type InlayHintAcceptor } from 'langium/lsp';
import { AstUtils, Cancellation, interruptAndCheck, type AstNode, type LangiumDocument } from 'langium';
import type { InlayHint, InlayHintParams, Position } from 'vscode-languageserver';
import type { ModelEvaluator } from '../evaluation/model-evaluator.js';
import { isAcceptance, isResidual, isRisk, type Risk } from '../generated/ast.js';
import type { RiskServices } from '../risk-module.js';
import type { RiskSettings } from '../workspace/risk-settings.js';
import { acceptanceHint } from './inlay-hints/acceptance-hint.js';
import { scaleNameHints } from './inlay-hints/scale-name-hints.js';
import { inherentHint, residualHint } from './inlay-hints/score-hints.js';

export class RiskInlayHintProvider extends AbstractInlayHintProvider {
    private readonly evaluator: ModelEvaluator;
    private readonly settings: RiskSettings;

    constructor(services: RiskServices) {
        super();
        this.evaluator = services.evaluation.ModelEvaluator;
        this.settings = services.settings.RiskSettings;
    }

    /**
     * Only the hints inside the requested range: a risk that starts above it still has
     * lines in it. Walks the tree itself because Langium 4.4's range-limited
     * `streamContents` skips the property after a child that lies outside the range
     * (a `treatment` above the range would hide the `residual` below it).
     */
    override async getInlayHints(document: LangiumDocument, params: InlayHintParams, cancelToken = Cancellation.CancellationToken.None): Promise<InlayHint[]> {
        const hints: InlayHint[] = [];
        const iterator = AstUtils.streamAst(document.parseResult.value).iterator();
        for (let next = iterator.next(); !next.done; next = iterator.next()) {
            const range = next.value.$cstNode?.range;
            if (!range || before(range.end, params.range.start) || before(params.range.end, range.start)) {
                iterator.prune();
                continue;
            }
            await interruptAndCheck(cancelToken);
            this.computeInlayHint(next.value, hint => hints.push(hint));
        }
        return hints.filter(hint => !before(hint.position, params.range.start) && !before(params.range.end, hint.position));
    }

    /** Hints sharing a position come in reading order: the scale name, then the score. */
    override computeInlayHint(node: AstNode, acceptor: InlayHintAcceptor): void {
        const settings = this.settings.inlayHints;
        if (settings.scaleNames) {
            scaleNameHints(node).forEach(acceptor);
        }
        if (settings.scores && isRisk(node)) {
            this.accept(acceptor, this.scoreHint(node, inherentHint));
        } else if (settings.scores && isResidual(node)) {
            this.accept(acceptor, this.scoreHint(node.$container, residualHint));
        } else if (settings.acceptance && isAcceptance(node)) {
            const evaluation = this.evaluator.evaluate(node);
            const risk = evaluation.evaluationOf(node.$container);
            const accepted = risk?.acceptances.find(candidate => candidate.acceptance === node);
            if (risk && accepted) {
                this.accept(acceptor, acceptanceHint(accepted, risk, evaluation.method, evaluation.asOf));
            }
        }
    }

    private scoreHint(risk: Risk, hint: typeof inherentHint): InlayHint | undefined {
        const evaluation = this.evaluator.evaluate(risk);
        const riskEvaluation = evaluation.evaluationOf(risk);
        return riskEvaluation ? hint(riskEvaluation, evaluation.method) : undefined;
    }

    private accept(acceptor: InlayHintAcceptor, hint: InlayHint | undefined): void {
        if (hint) {
            acceptor(hint);
        }
    }
}

function before(a: Position, b: Position): boolean {
    return a.line < b.line || (a.line === b.line && a.character < b.character);
}
