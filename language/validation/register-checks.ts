import type { ValidationChecks } from 'langium';
import type { RiskLanguageAstType } from '../generated/ast.js';
import type { RiskServices } from '../risk-module.js';
import { AcceptanceValidator } from './acceptance-validator.js';
import { MethodValidator } from './method-validator.js';
import { ModelValidator } from './model-validator.js';
import { checkResidualOrder } from './residual-order.js';
import { RiskValidator } from './risk-validator.js';

export function registerValidationChecks(services: RiskServices): void {
    const evaluator = services.evaluation.ModelEvaluator;
    const model = new ModelValidator(evaluator);
    const method = new MethodValidator();
    const risk = new RiskValidator(evaluator);
    const acceptance = new AcceptanceValidator(evaluator);
    const checks: ValidationChecks<RiskLanguageAstType> = {
        Model: model.checkMethodCount,
        Role: [model.checkUniqueId, model.checkUsed],
        Scope: [model.checkUniqueId, model.checkNoDuplicateProperty],
        Approval: model.checkApprovalDate,
        Asset: [model.checkUniqueId, model.checkUsed, model.checkNoDuplicateProperty, risk.checkAssetOwner, risk.checkAssetSupports],
        Threat: [model.checkUniqueId, model.checkUsed],
        Vulnerability: [model.checkUniqueId, model.checkUsed, risk.checkVulnerabilityAssets],
        Control: [model.checkUniqueId, model.checkUsed, model.checkNoDuplicateProperty],
        AnnexControl: model.checkAnnexNotRedeclared,
        Method: [model.checkNoDuplicateProperty, method.checkScales, method.checkLevels, method.checkAcceptCriteria],
        AcceptCriteria: model.checkNoDuplicateProperty,
        LikelihoodScale: method.checkScaleValues,
        ImpactScale: method.checkScaleValues,
        Risk: [
            model.checkUniqueId, model.checkNoDuplicateProperty, model.checkReviewedDate,
            risk.checkAssessed, risk.checkRiskOwner, risk.checkScenario, risk.checkResidual, risk.checkTreatment,
            risk.checkClosed, risk.checkReview, acceptance.checkResidualAccepted
        ],
        Residual: checkResidualOrder,
        Treatment: risk.checkTreatmentOption,
        Action: [model.checkUniqueId, model.checkNoDuplicateProperty, model.checkActionDate, risk.checkAction],
        Acceptance: [model.checkNoDuplicateProperty, model.checkAcceptanceDates, acceptance.checkAcceptance]
    };
    services.validation.ValidationRegistry.register(checks);
}
