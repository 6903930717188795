/**
 * An exception inside validation is a bug in the tool: it is reported once as
 * `internal-error` (never as `syntax-error` or as an unresolved name), logged, and the
 * build still completes with every other finding.
 */
import { EmptyFileSystem, URI } from 'langium';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createRiskServices } from '../../../language/risk-module.js';
import type { Risk } from '../../../language/generated/ast.js';
import { createBuiltinDocuments } from '../../../language/workspace/builtin-documents.js';

const MODEL = `method "M" {
  scale likelihood { 1 Rare "" 2 Likely "" }
  scale impact { 1 Minor "" 2 Severe "" }
  levels { Low 1..2 "" High 3..4 "" }
  accept { appetite Low }
}
role CEO "CEO" management
risk R-1 "One" { owner CEO likelihood Rare impact Minor }
risk R-2 "Two" { owner CEO likelihood Rare impact Minor }
risk R-3 "Three" { owner Nobody likelihood Rare impact Minor }
`;

async function build(breakServices: (services: ReturnType<typeof createRiskServices>['Risk']) => void) {
    const { Risk, shared } = createRiskServices(EmptyFileSystem, { batch: true });
    Risk.settings.RiskSettings.setAsOf('2026-11-23');
    breakServices(Risk);
    const document = shared.workspace.LangiumDocumentFactory.fromString(MODEL, URI.file('/model/model.risk'));
    shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build([...createBuiltinDocuments(shared), document], { validation: true });
    return (document.diagnostics ?? []).map(diagnostic => ({ code: diagnostic.code, severity: diagnostic.severity, message: String(diagnostic.message), line: diagnostic.range.start.line + 1 }));
}

let logged: unknown[][] = [];
const consoleError = console.error;
afterEach(() => {
    console.error = consoleError;
    logged = [];
});
function captureLog(): void {
    console.error = vi.fn((...args: unknown[]) => logged.push(args));
}

describe('internal-error', () => {
    test('a check that throws is reported once as internal-error, an error that names the tool and where to report it', async () => {
        captureLog();
        const diagnostics = await build(services => services.validation.ValidationRegistry.register({
            Risk: (risk: Risk) => {
                if (risk.name !== 'R-1') {
                    throw new TypeError('Cannot read properties of undefined (reading \'name\')');
                }
            }
        }));
        const internal = diagnostics.filter(diagnostic => diagnostic.code === 'internal-error');
        expect(internal).toHaveLength(1);
        expect(internal[0].severity).toBe(1);
        expect(internal[0].message).toContain('Internal error in Risk Language while checking');
        expect(internal[0].message).toContain('Cannot read properties of undefined (reading \'name\')');
        expect(internal[0].message).toContain('This is a bug in the tool, not in your model');
        expect(internal[0].message).toContain('https://github.com/risk-language/risk-language/issues');
        expect(diagnostics.some(diagnostic => diagnostic.code === 'syntax-error')).toBe(false);
        // The other checks still ran.
        expect(diagnostics.filter(diagnostic => diagnostic.code === 'unresolved-reference')).toHaveLength(1);
        expect(logged.length).toBeGreaterThan(0);
    });

    test('when the evaluation itself throws, the build completes and no unresolved name is misreported', async () => {
        captureLog();
        const diagnostics = await build(services => {
            services.evaluation.ModelEvaluator.evaluate = () => {
                throw new RangeError('Invalid time value');
            };
        });
        const codes = new Set(diagnostics.map(diagnostic => diagnostic.code));
        expect(codes.has('internal-error')).toBe(true);
        expect(codes.has('syntax-error')).toBe(false);
        // `Nobody` is looked up through the evaluation to describe it: that failure is ours, not the user's.
        expect(diagnostics.filter(diagnostic => diagnostic.code === 'internal-error').every(diagnostic => diagnostic.message.includes('Invalid time value'))).toBe(true);
        expect(diagnostics.filter(diagnostic => diagnostic.code === 'internal-error')).toHaveLength(new Set(diagnostics.filter(d => d.code === 'internal-error').map(d => d.message)).size);
    });
});
