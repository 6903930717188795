/**
 * Facts from package.json. The bundler (scripts/bundle.mjs) writes them into the
 * bundle; unbundled runs (tests that import the sources) see development values.
 */
declare const __RISK_VERSION__: string | undefined;
declare const __RISK_HOMEPAGE__: string | undefined;

export const VERSION: string = typeof __RISK_VERSION__ === 'string' ? __RISK_VERSION__ : '0.0.0-dev';

/** Where SARIF viewers send people who want to know about the tool. */
export const INFORMATION_URI: string = typeof __RISK_HOMEPAGE__ === 'string' && __RISK_HOMEPAGE__ !== ''
    ? __RISK_HOMEPAGE__
    : 'https://github.com/risk-language/risk-language';
