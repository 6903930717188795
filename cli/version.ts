/**
 * Facts from package.json. The bundler (scripts/bundle.mjs) writes them into the
 * bundle; unbundled runs (tests that import the sources) see development values.
 */
import { REPOSITORY_URL } from '../language/validation/issue-links.js';

declare const __RISK_VERSION__: string | undefined;

export const VERSION: string = typeof __RISK_VERSION__ === 'string' ? __RISK_VERSION__ : '0.0.0-dev';

/** Where SARIF viewers send people who want to know about the tool. */
export const INFORMATION_URI: string = REPOSITORY_URL;
