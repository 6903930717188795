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

export function registerValidationChecks(services: RiskServices): void {
    const evaluator = services.evaluation.ModelEvaluator;
    const model = new ModelValidator(evaluator);
    const method = new MethodValidator();
    const risk = new RiskValidator(evaluator);
    const acceptance = new AcceptanceValidator(evaluator);
    const treatment = new TreatmentValidator(evaluator);
    const applicability = new ApplicabilityValidator(evaluator);
    const checks: ValidationChecks<RiskLanguageAstType> = {
        Role: named(model.checkNoDuplicateProperty, acceptance.checkRoleAuthority),
        Scope: named(model.checkNoDuplicateProperty),
        Approval: model.checkApprovalDate,
        Asset: named(model.checkNoDuplicateProperty, risk.checkAssetOwner, risk.checkAssetSupports),
        Threat: named(model.checkNoDuplicateProperty),
        Vulnerability: named(risk.checkVulnerabilityAssets),
        Control: named(model.checkNoDuplicateProperty),
        AnnexControl: model.checkAnnexNotRedeclared,
        Method: [model.checkNoDuplicateProperty, method.checkScales, method.checkLevels, method.checkAcceptCriteria],
        AcceptCriteria: model.checkNoDuplicateProperty,
        Duration: method.checkDuration,
        LikelihoodScale: method.checkScaleValues,
        ImpactScale: method.checkScaleValues,
        Risk: named(
            model.checkNoDuplicateProperty, model.checkReviewedDate,
            risk.checkAssessed, risk.checkRiskOwner, risk.checkScenario, risk.checkImpact, risk.checkResidual, risk.checkTreatment,
            treatment.checkOneLinePerOption, treatment.checkTreatmentStarted,
            risk.checkClosed, risk.checkReview, acceptance.checkResidualAccepted
        ),
        Residual: checkResidualOrder,
        Treatment: [model.checkDeferralDate, treatment.checkTreatment],
        Action: [model.checkNoDuplicateProperty, model.checkActionDate, risk.checkAction],
        Acceptance: [model.checkNoDuplicateProperty, model.checkAcceptanceDates, acceptance.checkAcceptance]
    };
    // Whose findings in a file depend on every file of the model: run on every file after
    // every change (risk-document-builder.ts). The pass reaches only the node types of
    // MODEL_WIDE_PATH (risk-document-validator.ts): a check here on another type needs it there.
    const modelWide: ValidationChecks<RiskLanguageAstType> = {
        Model: model.checkMethodCount,
        Role: named(model.checkUniqueId, model.checkUsed),
        Scope: named(model.checkUniqueId),
        Asset: named(model.checkUniqueId, model.checkUsed),
        Threat: named(model.checkUniqueId, model.checkUsed),
        Vulnerability: named(model.checkUniqueId, model.checkUsed),
        Control: named(model.checkUniqueId, model.checkUsed),
        Risk: named(model.checkUniqueId),
        Action: model.checkUniqueId,
        Applicability: applicability.checkApplicability,
        ApplicabilityDecision: applicability.checkDecision
    };
    const registry = services.validation.ValidationRegistry;
    registry.register(checks);
    registry.register(modelWide, registry, MODEL_WIDE_CATEGORY);
}

/**
 * The checks of a declaration, run only when it has its ID. Without one (`risk` just
 * typed) the syntax error says what is missing, and every other message, which names
 * the declaration by its ID, would only say `undefined`.
 */
function named<T extends AstNode & { name?: string }>(...checks: Array<ValidationCheck<T>>): Array<ValidationCheck<T>> {
    // Each check stays a check of its own, so that one failing does not silence the others.
    return checks.map(check => (node: T, accept: ValidationAcceptor, cancelToken) => node.name === undefined ? undefined : check(node, accept, cancelToken));
}
