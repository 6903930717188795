import type { AstNode, ValidationAcceptor, ValidationCheck, ValidationChecks } from 'langium';
import type { RiskLanguageAstType } from '../generated/ast.js';
import type { RiskServices } from '../risk-module.js';
import { AcceptanceValidator } from './acceptance-validator.js';
import { ApplicabilityValidator } from './applicability-validator.js';
import { MethodValidator } from './method-validator.js';
import { ModelValidator } from './model-validator.js';
import { checkResidualOrder } from './residual-order.js';
import { RiskValidator } from './risk-validator.js';
import { TreatmentValidator } from './treatment-validator.js';
import { MODEL_WIDE_CATEGORY } from '../workspace/validation-context.js';

/**
 * Which checks a set of services runs.
 *
 * - `all`: every rule (the language server, `risk check`, `risk diff`).
 * - `integrity`: only the checks that can report a code of INCOMPLETE_EXPORT_CODES
 *   (exports/completeness.ts), the errors that leave cells of an export empty or wrong.
 *   An export or report only counts those, so it need not build the thousands of
 *   warnings a large model has. The parser's, the linker's and the encoding diagnostics
 *   always come with a validation (Langium's `built-in` category). A check marked here
 *   may report other codes too; whoever counts filters by code.
 */
export type ValidationScope = 'all' | 'integrity';

/** The checks that can report an integrity error, whatever else they report. */
const INTEGRITY_CHECKS = new WeakSet<object>();

function integrity<T extends object>(check: T): T {
    INTEGRITY_CHECKS.add(check);
    return check;
}

export function registerValidationChecks(services: RiskServices, scope: ValidationScope = 'all'): void {
    const evaluator = services.evaluation.ModelEvaluator;
    const model = new ModelValidator(evaluator);
    const method = new MethodValidator();
    const risk = new RiskValidator(evaluator);
    const acceptance = new AcceptanceValidator(evaluator);
    const treatment = new TreatmentValidator(evaluator);
    const applicability = new ApplicabilityValidator(evaluator);
    // Marked once here, so that each entry below reads as the list it always was.
    const methodCount = integrity(model.checkMethodCount);
    const uniqueId = integrity(model.checkUniqueId);
    const noDuplicateProperty = integrity(model.checkNoDuplicateProperty);
    const dates = {
        approval: integrity(model.checkApprovalDate),
        acceptance: integrity(model.checkAcceptanceDates),
        action: integrity(model.checkActionDate),
        reviewed: integrity(model.checkReviewedDate),
        deferral: integrity(model.checkDeferralDate)
    };
    const checks: ValidationChecks<RiskLanguageAstType> = {
        Role: named(noDuplicateProperty, acceptance.checkRoleAuthority),
        Scope: named(noDuplicateProperty),
        Approval: dates.approval,
        Asset: named(noDuplicateProperty, risk.checkAssetOwner, risk.checkAssetSupports),
        Threat: named(noDuplicateProperty),
        Vulnerability: named(risk.checkVulnerabilityAssets),
        Control: named(noDuplicateProperty),
        AnnexControl: integrity(model.checkAnnexNotRedeclared),
        Method: [noDuplicateProperty, integrity(method.checkScales), integrity(method.checkLevels), integrity(method.checkAcceptCriteria)],
        AcceptCriteria: noDuplicateProperty,
        Duration: method.checkDuration,
        LikelihoodScale: integrity(method.checkScaleValues),
        ImpactScale: integrity(method.checkScaleValues),
        Risk: named(
            noDuplicateProperty, dates.reviewed,
            risk.checkAssessed, risk.checkRiskOwner, risk.checkScenario, risk.checkImpact, risk.checkResidual, risk.checkTreatment,
            integrity(treatment.checkOneLinePerOption), treatment.checkTreatmentStarted,
            risk.checkClosed, risk.checkReview, acceptance.checkResidualAccepted
        ),
        Residual: integrity(checkResidualOrder),
        Treatment: [dates.deferral, treatment.checkTreatment],
        Action: [noDuplicateProperty, dates.action, risk.checkAction],
        Acceptance: [noDuplicateProperty, dates.acceptance, acceptance.checkAcceptance]
    };
    // Whose findings in a file depend on every file of the model: run on every file after
    // every change (risk-document-builder.ts). The pass reaches only the node types of
    // MODEL_WIDE_PATH (risk-document-validator.ts): a check here on another type needs it there.
    const modelWide: ValidationChecks<RiskLanguageAstType> = {
        Model: methodCount,
        Role: named(uniqueId, model.checkUsed),
        Scope: named(uniqueId),
        Asset: named(uniqueId, model.checkUsed),
        Threat: named(uniqueId, model.checkUsed),
        Vulnerability: named(uniqueId, model.checkUsed),
        Control: named(uniqueId, model.checkUsed),
        Risk: named(uniqueId),
        Action: uniqueId,
        Applicability: applicability.checkApplicability,
        ApplicabilityDecision: applicability.checkDecision
    };
    const registry = services.validation.ValidationRegistry;
    registry.register(scope === 'all' ? checks : integrityOnly(checks));
    registry.register(scope === 'all' ? modelWide : integrityOnly(modelWide), registry, MODEL_WIDE_CATEGORY);
}

/** The same checks, in the same order, less those that cannot report an integrity error. */
function integrityOnly(checks: ValidationChecks<RiskLanguageAstType>): ValidationChecks<RiskLanguageAstType> {
    const kept: Record<string, Array<ValidationCheck<AstNode>>> = {};
    for (const [type, entry] of Object.entries(checks) as Array<[string, ValidationCheck<AstNode> | Array<ValidationCheck<AstNode>>]>) {
        const marked = (Array.isArray(entry) ? entry : [entry]).filter(check => INTEGRITY_CHECKS.has(check));
        if (marked.length > 0) {
            kept[type] = marked;
        }
    }
    return kept as ValidationChecks<RiskLanguageAstType>;
}

/**
 * The checks of a declaration, run only when it has its ID. Without one (`risk` just
 * typed) the syntax error says what is missing, and every other message, which names
 * the declaration by its ID, would only say `undefined`.
 */
function named<T extends AstNode & { name?: string }>(...checks: Array<ValidationCheck<T>>): Array<ValidationCheck<T>> {
    // Each check stays a check of its own, so that one failing does not silence the others.
    return checks.map(check => {
        const guarded: ValidationCheck<T> = (node: T, accept: ValidationAcceptor, cancelToken) => node.name === undefined ? undefined : check(node, accept, cancelToken);
        return INTEGRITY_CHECKS.has(check) ? integrity(guarded) : guarded;
    });
}
