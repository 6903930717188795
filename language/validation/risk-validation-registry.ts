/**
 * The registry of checks, with Langium's exception handling replaced: a check that
 * throws reports one `internal-error` (a bug in the tool) instead of an uncoded
 * diagnostic that would read as a syntax error.
 *
 * Checks run synchronously where they are synchronous (all of ours are): Langium wraps
 * every check in an async function and awaits it on every node, which cost more than the
 * checks themselves (a third of the validation of a 10,000-risk model, docs/performance.md).
 * `checksIn` hands the validator, for one set of categories, a plain array of checks per
 * node type, built once.
 */
import { isOperationCancelled, ValidationRegistry, type AstNode, type MaybePromise, type ValidationAcceptor, type ValidationCategory, type ValidationCheck } from 'langium';
import { IssueCodes } from './issue-codes.js';
import { describeError, internalErrorMessage, logInternalError } from './internal-error.js';
import { report } from './report.js';

type CheckEntry = Parameters<ValidationRegistry['addEntry']>[1];

export class RiskValidationRegistry extends ValidationRegistry {
    /** Per category set (`*` for all): per node type, its checks. */
    private readonly checkArrays = new Map<string, Map<string, readonly ValidationCheck[]>>();

    /** The checks of a node type in one category set, as getChecks streams them. */
    checksOf(type: string, categories: readonly ValidationCategory[] | undefined): readonly ValidationCheck[] {
        return this.checksIn(categories)(type);
    }

    /** checksOf for one category set, looked up once per pass instead of once per node. */
    checksIn(categories: readonly ValidationCategory[] | undefined): (type: string) => readonly ValidationCheck[] {
        const key = categories ? `[${categories.join(',')}]` : '*';
        let byType = this.checkArrays.get(key);
        if (!byType) {
            byType = new Map();
            this.checkArrays.set(key, byType);
        }
        const known = byType;
        return type => {
            let checks = known.get(type);
            if (!checks) {
                checks = this.getChecks(type, categories ? [...categories] : undefined).toArray();
                known.set(type, checks);
            }
            return checks;
        };
    }

    protected override addEntry(type: string, entry: CheckEntry): void {
        this.checkArrays.clear();
        super.addEntry(type, entry);
    }

    protected override wrapValidationException(check: ValidationCheck, thisObj: unknown): ValidationCheck {
        return (node, accept, cancelToken): MaybePromise<void> => {
            try {
                const result = check.call(thisObj, node, accept, cancelToken);
                return result instanceof Promise ? result.catch(error => this.reportFailure(error, accept, node)) : undefined;
            } catch (error) {
                this.reportFailure(error, accept, node);
                return undefined;
            }
        };
    }

    protected override async handleException(functionality: () => unknown, _messageContext: string, accept: ValidationAcceptor, node: AstNode): Promise<void> {
        try {
            await functionality();
        } catch (error) {
            this.reportFailure(error, accept, node);
        }
    }

    private reportFailure(error: unknown, accept: ValidationAcceptor, node: AstNode): void {
        if (isOperationCancelled(error)) {
            throw error;
        }
        const task = `checking this ${node.$type}`;
        logInternalError(task, error);
        report(accept, IssueCodes.InternalError, internalErrorMessage(task, error), { node, data: { error: describeError(error) } });
    }
}
