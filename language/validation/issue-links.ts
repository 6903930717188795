/**
 * Where each diagnostic code is documented: its own section of docs/language.md, whose
 * heading anchor is the code. The editor links a diagnostic's code there
 * (`codeDescription.href`) and SARIF gives the same link as a rule's `helpUri`.
 */
declare const __RISK_HOMEPAGE__: string | undefined;

/**
 * The project's repository. The bundler (scripts/bundle.mjs) writes package.json's
 * repository into the bundles; unbundled runs (tests importing the sources) see this value.
 */
export const REPOSITORY_URL: string = typeof __RISK_HOMEPAGE__ === 'string' && __RISK_HOMEPAGE__ !== ''
    ? __RISK_HOMEPAGE__
    : 'https://github.com/risk-language/risk-language';

/** The reference section of a diagnostic code. */
export function issueHelpUri(code: string): string {
    return `${REPOSITORY_URL}/blob/main/docs/language.md#${code}`;
}
