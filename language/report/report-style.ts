/**
 * The report's one stylesheet: readable on a screen, printable to A4 with sections
 * starting on a new page, cards and table rows never split, and table headers
 * repeated. Level colours are those of level-colours.ts.
 */
import { HEAT_FILLS, NO_LEVEL_FILL } from '../exports/level-colours.js';

const HEAT_RULES = HEAT_FILLS.map((fill, step) => `.heat-${step} { background: ${fill}; }`).join('\n');

export const REPORT_STYLE = `
:root { color-scheme: light; --ink: #1b1f24; --muted: #57606a; --rule: #d0d7de; --paper: #ffffff; --accent: #0a3069; --warn: #b42318; }
* { box-sizing: border-box; }
html { font-family: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", Arial, sans-serif; font-size: 15px; color: var(--ink); background: var(--paper); }
body { margin: 0 auto; max-width: 72rem; padding: 1.5rem 2rem 3rem; line-height: 1.45; overflow-wrap: break-word; }
h1 { font-size: 1.9rem; margin: 0 0 0.25rem; color: var(--accent); }
h2 { font-size: 1.4rem; margin: 2.25rem 0 0.75rem; padding-bottom: 0.25rem; border-bottom: 2px solid var(--accent); color: var(--accent); }
h3 { font-size: 1.05rem; margin: 0 0 0.5rem; }
a { color: var(--accent); }
code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
.facts, .note { color: var(--muted); }
nav ol { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; padding: 0; margin: 0.75rem 0 0; list-style: none; }
.columns { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; }
.columns > div { flex: 1 1 22rem; min-width: 0; }
.figures { padding-left: 1.2rem; margin: 0.5rem 0; }
.good { padding: 0.5rem 0.75rem; background: #e6f4ea; border-left: 4px solid #2e7d32; }
table { border-collapse: collapse; }
table.data { width: 100%; margin: 0.5rem 0 1rem; font-size: 0.92rem; }
table.data caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
table.data th, table.data td { text-align: left; vertical-align: top; padding: 0.3rem 0.5rem; border-bottom: 1px solid var(--rule); }
table.data thead th { background: #f6f8fa; border-bottom: 2px solid var(--rule); }
@media screen and (min-width: 60rem) { table.data thead th { white-space: nowrap; } }
table.data td.date { white-space: nowrap; }
table.compact { width: auto; min-width: 18rem; }
.num { text-align: right !important; }
tr.attention td:first-child, tr.overdue td:first-child { border-left: 4px solid var(--warn); }
tr.overdue { background: #fdecea; }
.acceptance-none, .acceptance-expired, .acceptance-not-authorised, .acceptance-outdated, .acceptance-incomplete, .acceptance-invalid, .acceptance-not-yet-valid { color: var(--warn); font-weight: 600; }
.flag { display: inline-block; padding: 0 0.4rem; border-radius: 0.25rem; background: var(--warn); color: #fff; font-size: 0.8rem; font-weight: 600; }
.badge { display: inline-block; min-width: 4.5rem; padding: 0.05rem 0.45rem; border-radius: 0.25rem; border: 1px solid rgba(0, 0, 0, 0.2); text-align: center; font-weight: 600; font-size: 0.85rem; }
${HEAT_RULES}
.heat-none { background: ${NO_LEVEL_FILL}; }
.maps { display: flex; flex-wrap: wrap; gap: 2rem; }
.map { margin: 0; flex: 1 1 26rem; min-width: 0; }
.map figcaption { font-weight: 600; margin-bottom: 0.4rem; }
.heat-map { table-layout: fixed; width: 100%; }
.heat-map th { font-weight: normal; font-size: 0.85rem; padding: 0.25rem; color: var(--muted); }
.heat-map tbody th { text-align: right; width: 7.5rem; }
.heat-map .corner { font-size: 0.75rem; }
.heat-map td.cell { height: 4.5rem; vertical-align: top; padding: 0.3rem; border: 2px solid var(--paper); }
.heat-map td.above { outline: 2px solid var(--ink); outline-offset: -4px; }
.cell-level { display: block; font-size: 0.75rem; color: rgba(0, 0, 0, 0.65); }
.cell-risks { display: block; font-weight: 600; font-size: 0.85rem; line-height: 1.35; }
.cell-risks a { color: var(--ink); text-decoration: none; white-space: nowrap; }
.risk-card { border: 1px solid var(--rule); border-radius: 0.4rem; padding: 0.75rem 1rem; margin: 0 0 0.9rem; break-inside: avoid; page-break-inside: avoid; }
.risk-card.above { border-left: 5px solid var(--warn); }
.risk-id { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-weight: 600; }
.assessments { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; margin-bottom: 0.5rem; }
.assessment .label { color: var(--muted); font-size: 0.85rem; }
.detail { color: var(--muted); font-size: 0.85rem; }
dl { display: grid; grid-template-columns: 10rem minmax(0, 1fr); gap: 0.15rem 1rem; margin: 0.25rem 0; font-size: 0.92rem; }
dt { color: var(--muted); }
dd { margin: 0; }
.actions { margin: 0.5rem 0 0; padding-left: 1.2rem; font-size: 0.92rem; }
.actions li.overdue { color: var(--warn); }
table.soa tr.not-applicable { color: var(--muted); }
@media (max-width: 40rem) { body { padding: 1rem; } dl { grid-template-columns: 1fr; } }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  html { font-size: 10pt; }
  table.data { font-size: 0.85rem; }
  table.data th, table.data td { padding: 0.2rem 0.3rem; }
  .badge { min-width: 0; }
  body { max-width: none; padding: 0; }
  nav { display: none; }
  a { color: inherit; text-decoration: none; }
  section { break-before: page; page-break-before: always; }
  #above-appetite { break-before: auto; page-break-before: auto; }
  h2, h3, figcaption, caption { break-after: avoid; page-break-after: avoid; }
  tr, .map, .risk-card { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  .heat-0, .heat-1, .heat-2, .heat-3, .heat-4, .heat-none, .flag, tr.overdue, table.data thead th { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;
