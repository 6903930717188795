/**
 * The registry of checks, with Langium's exception handling replaced: a check that
 * throws reports one `internal-error` (a bug in the tool) instead of an uncoded
 * diagnostic that would read as a syntax error.
 */
import { isOperationCancelled, ValidationRegistry, type AstNode, type ValidationAcceptor } from 'langium';
import { IssueCodes } from './issue-codes.js';
import { describeError, internalErrorMessage, logInternalError } from './internal-error.js';
import { report } from './report.js';

export class RiskValidationRegistry extends ValidationRegistry {
    protected override async handleException(functionality: () => unknown, _messageContext: string, accept: ValidationAcceptor, node: AstNode): Promise<void> {
        try {
            await functionality();
        } catch (error) {
            if (isOperationCancelled(error)) {
                throw error;
            }
            const task = `checking this ${node.$type}`;
            logInternalError(task, error);
            report(accept, IssueCodes.InternalError, internalErrorMessage(task, error), { node, data: { error: describeError(error) } });
        }
    }
}
