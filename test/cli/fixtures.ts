/**
 * Small models for the CLI tests, written into temporary folders. Each fixture file
 * produces exactly one finding (or none) as of FIXTURE_AS_OF, so tests can count.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const FIXTURE_AS_OF = '2026-11-23';

/** The method, roles, assets and a threat; used by clean.risk, so nothing is unused. */
export const METHOD = `method "Test method" {
  scale likelihood {
    1 Rare      "rare"
    2 Possible  "possible"
    3 Likely    "likely"
  }
  scale impact {
    1 Minor       "minor"
    2 Noticeable  "noticeable"
    3 Severe      "severe"
  }
  score likelihood * impact
  levels {
    Low       1..2   "low"
    Moderate  3..4   "moderate"
    High      6..9   "high"
  }
  accept { appetite Moderate  major High }
}

role CISO "Chief Information Security Officer"
role CEO "Chief Executive Officer" management

asset Data "Customer data" {
  primary information
  owner CISO
}
asset Servers "Servers" {
  supporting system
  owner CISO
  supports Data
}
threat Phishing "Phishing" { source external }
`;

/** No finding. */
export const CLEAN = `risk R-001 "Clean risk" {
  owner CEO
  threat Phishing
  on Servers
  likelihood Rare
  impact Minor
  status assessed
}
`;

/** error unaccepted-residual at 1:6-1:11 */
export const ERROR = `risk R-002 "Unaccepted, high" {
  owner CISO
  threat Phishing
  on Servers
  likelihood Likely
  impact Severe
  treatment accept
  status assessed
}
`;

/** warning missing-owner at 1:6-1:11 */
export const WARNING = `risk R-003 "No owner" {
  threat Phishing
  on Servers
  likelihood Rare
  impact Minor
}
`;

/** info acceptance-expiring at 9:32-9:42 (the acceptance runs until 2026-12-01) */
export const INFO = `risk R-004 "Accepted, expiring soon" {
  owner CISO
  threat Phishing
  on Servers
  likelihood Likely
  impact Severe
  treatment accept
  acceptance {
    by CEO on 2026-01-01 until 2026-12-01
    "Accepted until the new platform ships"
  }
  status accepted
}
`;

/** hint unused at 1:8-1:13 */
export const HINT = `threat Flood "Flood"
`;

/** Syntax errors: a `%` the lexer rejects, and a file that ends in the middle of a risk. */
export const SYNTAX = `risk R-009 "Broken" {
  owner %
  likelihood
`;

export type Files = Readonly<Record<string, string>>;

export interface Workspace {
    readonly dir: string;
    write(files: Files): void;
    remove(): void;
}

/** A temporary working directory holding the given files (paths relative to it). */
export function workspace(files: Files = {}): Workspace {
    const dir = mkdtempSync(join(tmpdir(), 'risk-cli-'));
    const write = (more: Files) => {
        for (const [path, text] of Object.entries(more)) {
            const absolute = join(dir, path);
            mkdirSync(dirname(absolute), { recursive: true });
            writeFileSync(absolute, text);
        }
    };
    write(files);
    return { dir, write, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
