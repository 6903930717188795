/**
 * `risk report`: one self-contained HTML page for management and auditors. It shows,
 * in this order, the risks above appetite and their acceptance, the inherent and
 * residual heat maps with the risk IDs in their cells, the method, the register as one
 * card per risk, the treatment plan (overdue actions highlighted) and the Statement of
 * Applicability.
 *
 * Everything comes from the exports and the evaluated model; nothing is computed here.
 * Security: no script, no external resource; the Content-Security-Policy allows only
 * the page's own stylesheet, by its hash; every model text is HTML-escaped.
 */
import { createHash } from 'node:crypto';
import type { ModelEvaluation } from '../evaluation/model-evaluator.js';
import { formatTerm, validTerm } from '../evaluation/durations.js';
import type { RiskEvaluation } from '../evaluation/risk-evaluation.js';
import { scaleText } from '../exports/cells.js';
import type { HeatMap } from '../exports/heat-map.js';
import { escapeHtml } from '../exports/html-text.js';
import { levelStep } from '../exports/level-colours.js';
import { buildPlan } from '../exports/plan.js';
import { buildRegister, treatmentText, type RegisterRow } from '../exports/register.js';
import { buildSoa } from '../exports/soa.js';
import { levelCountRows, planSummaryLines, registerSummaryLines, soaSummaryLines } from '../exports/summary-text.js';
import type { PlanExport, RegisterExport, SoaExport } from '../exports/table.js';
import { REPORT_STYLE } from './report-style.js';

const e = escapeHtml;

export interface ReportOptions {
    /** The folder the register's `File` column is relative to. */
    readonly baseDir?: string;
}

export function htmlReport(evaluation: ModelEvaluation, options: ReportOptions = {}): string {
    const register = buildRegister(evaluation, options);
    const plan = buildPlan(evaluation, options);
    const soa = buildSoa(evaluation, options);
    const order = register.heatMaps[0]?.levelOrder ?? [];
    const risks = new Map(evaluation.risks.map(risk => [risk.risk.name, risk]));
    const title = register.model ? `Risk report: ${register.model}` : 'Risk report';
    const body = [
        `<header class="cover">
<h1>${e(title)}</h1>
<p class="facts">As of ${e(register.asOf)} · ${register.rows.length} risk${register.rows.length === 1 ? '' : 's'}${register.summary.appetite ? ` · risk appetite ${e(register.summary.appetite)}` : ''}</p>
<nav aria-label="Contents"><ol>
<li><a href="#above-appetite">Risks above appetite</a></li><li><a href="#heat-maps">Heat maps</a></li><li><a href="#method">Method</a></li>
<li><a href="#register">Risk register</a></li><li><a href="#plan">Treatment plan</a></li><li><a href="#soa">Statement of Applicability</a></li>
</ol></nav>
</header>`,
        aboveAppetiteSection(register, order),
        heatMapSection(register),
        methodSection(evaluation, order),
        registerSection(register, plan, risks, order),
        planSection(plan, order),
        soaSection(soa)
    ].join('\n');
    return page(title, body);
}

function page(title: string, body: string): string {
    const hash = createHash('sha256').update(REPORT_STYLE).digest('base64');
    const csp = `default-src 'none'; style-src 'sha256-${hash}'; img-src 'none'; script-src 'none'; base-uri 'none'; form-action 'none'`;
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${e(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Risk Language (risk report)">
<title>${e(title)}</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

function levelBadge(level: string | null, order: readonly string[]): string {
    if (!level) return '<span class="badge heat-none">not assessed</span>';
    const step = levelStep(level, order);
    return `<span class="badge ${step === null ? 'heat-none' : `heat-${step}`}">${e(level)}</span>`;
}

function lines(items: readonly string[]): string {
    return `<ul class="figures">${items.map(item => `<li>${e(item)}</li>`).join('')}</ul>`;
}

function aboveAppetiteSection(register: RegisterExport, order: readonly string[]): string {
    const above = register.rows.filter(row => row.aboveAppetite === true);
    // Unaccepted first: they are the decisions management owes.
    const sorted = [...above.filter(row => row.acceptance !== 'valid'), ...above.filter(row => row.acceptance === 'valid')];
    const table = sorted.length === 0
        ? '<p class="good">No residual risk is above appetite.</p>'
        : `<table class="data">
<thead><tr><th scope="col">Risk</th><th scope="col">Owner</th><th scope="col">Residual</th><th scope="col">Acceptance</th><th scope="col">Accepted by</th><th scope="col">Until</th></tr></thead>
<tbody>
${sorted.map(row => `<tr class="${row.acceptance === 'valid' ? '' : 'attention'}"><td><a href="#risk-${e(row.id)}">${e(row.id)}</a> ${e(row.title)}</td><td>${e(row.owner ?? '')}</td><td>${levelBadge(row.residualLevel, order)}</td><td class="acceptance-${e((row.acceptance ?? 'none').replace(/\s+/g, '-'))}">${e(row.acceptance ?? '')}</td><td>${e(row.acceptedBy ?? '')}</td><td class="date">${e(row.acceptedUntil ?? '')}</td></tr>`).join('\n')}
</tbody>
</table>`;
    return `<section id="above-appetite">
<h2>Risks above appetite</h2>
${table}
<div class="columns">
<div>${summaryTable(register)}</div>
<div>${lines(registerSummaryLines(register.summary))}</div>
</div>
</section>`;
}

function summaryTable(register: RegisterExport): string {
    const order = register.heatMaps[0]?.levelOrder ?? [];
    return `<table class="data compact"><thead><tr><th scope="col">Level</th><th scope="col" class="num">Inherent</th><th scope="col" class="num">Residual</th></tr></thead><tbody>
${levelCountRows(register.summary).map(([level, inherent, residual]) => `<tr><td>${order.includes(level) ? levelBadge(level, order) : e(level)}</td><td class="num">${e(inherent)}</td><td class="num">${e(residual)}</td></tr>`).join('\n')}
</tbody></table>`;
}

function heatMapSection(register: RegisterExport): string {
    if (register.heatMaps.length === 0) {
        return '<section id="heat-maps"><h2>Heat maps</h2><p>The model has no usable method, so its risks have no place on a heat map. Run <code>risk check</code> to see why.</p></section>';
    }
    return `<section id="heat-maps">
<h2>Heat maps</h2>
<p class="note">Likelihood in rows (highest first), impact in columns; each cell is coloured by the level the method gives it and lists the risks in it. Cells with a heavy border are above appetite.</p>
<div class="maps">
${register.heatMaps.map(heatMap).join('\n')}
</div>
</section>`;
}

function heatMap(map: HeatMap): string {
    const appetiteRank = map.appetite ? map.levelOrder.indexOf(map.appetite) : -1;
    const rows = map.likelihood.map((likelihood, row) => `<tr><th scope="row">${e(scaleText(likelihood))}</th>${map.impact.map((_, column) => {
        const level = map.levels[row][column];
        const step = levelStep(level, map.levelOrder);
        const above = appetiteRank >= 0 && level !== null && map.levelOrder.indexOf(level) > appetiteRank;
        const ids = map.risks[row][column];
        return `<td class="cell ${step === null ? 'heat-none' : `heat-${step}`}${above ? ' above' : ''}"><span class="cell-level">${e(level ?? '–')}</span><span class="cell-risks">${ids.map(id => `<a href="#risk-${e(id)}">${e(id)}</a>`).join(' ')}</span></td>`;
    }).join('')}</tr>`);
    return `<figure class="map">
<figcaption>${e(map.title)}</figcaption>
<table class="heat-map">
<thead><tr><th scope="col" class="corner">Likelihood \\ Impact</th>${map.impact.map(value => `<th scope="col">${e(scaleText(value))}</th>`).join('')}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
${map.notAssessed > 0 ? `<p class="note">Not assessed, in no cell: ${map.notAssessed}</p>` : ''}
</figure>`;
}

function methodSection(evaluation: ModelEvaluation, order: readonly string[]): string {
    const method = evaluation.method;
    if (!method) {
        return '<section id="method"><h2>Method</h2><p>The model has no method.</p></section>';
    }
    const scale = (name: string, values: ReadonlyArray<{ value: number; name: string; description?: string }>) => `<table class="data compact">
<caption>${e(name)}</caption>
<thead><tr><th scope="col" class="num">Value</th><th scope="col">Name</th><th scope="col">Meaning</th></tr></thead>
<tbody>${values.map(value => `<tr><td class="num">${value.value}</td><td>${e(value.name)}</td><td>${e(value.description ?? '')}</td></tr>`).join('')}</tbody>
</table>`;
    const levels = `<table class="data compact">
<caption>Levels${method.form === 'banded' ? ` (score = likelihood ${method.operator === '+' ? '+' : '×'} impact)` : ' (by the matrix, as in the heat maps)'}</caption>
<thead><tr><th scope="col">Level</th>${method.form === 'banded' ? '<th scope="col">Scores</th>' : ''}<th scope="col">Meaning</th></tr></thead>
<tbody>${[...method.levels].reverse().map(level => `<tr><td>${levelBadge(level.name, order)}</td>${method.form === 'banded' ? `<td>${level.range ? `${level.range.min}–${level.range.max}` : ''}</td>` : ''}<td>${e(level.description ?? '')}</td></tr>`).join('')}</tbody>
</table>`;
    const reviews = method.method.reviews.map(review => `${review.level?.ref ? `${review.level.ref.name} risks` : 'Every risk'}: reviewed every ${formatTerm(validTerm(review.every))}`);
    const criteria = [
        method.appetite ? `Risk appetite: ${method.appetite.name}. A residual risk above it needs a valid acceptance.` : 'No risk appetite.',
        method.major ? `Major level: ${method.major.name} and above; only a management role may accept it.` : '',
        method.acceptanceTerm ? `An acceptance without an end date lapses ${formatTerm(method.acceptanceTerm)} after it was given.` : 'An acceptance without an end date has no valid term (`lasts` is invalid) and is not valid.',
        ...reviews
    ].filter(Boolean);
    return `<section id="method">
<h2>Method: ${e(method.method.title)}</h2>
<div class="columns">
<div>${scale('Likelihood', method.likelihood)}</div>
<div>${scale('Impact', method.impact)}</div>
</div>
${levels}
${lines(criteria)}
</section>`;
}

function registerSection(register: RegisterExport, plan: PlanExport, risks: ReadonlyMap<string, RiskEvaluation>, order: readonly string[]): string {
    return `<section id="register">
<h2>Risk register</h2>
<p class="note">Highest residual level first. ${register.rows.length} risk${register.rows.length === 1 ? '' : 's'}.</p>
${register.rows.map(row => riskCard(row, plan, risks.get(row.id), order)).join('\n')}
</section>`;
}

function riskCard(row: RegisterRow, plan: PlanExport, evaluation: RiskEvaluation | undefined, order: readonly string[]): string {
    const facts: Array<[string, string]> = [
        ['Owner', row.owner ?? ''],
        ['Scope', row.scope ?? ''],
        ['Threat', row.threat.join(', ')],
        ['Exploits', row.vulnerabilities.join(', ')],
        ['Acts on', row.assets.join(', ')],
        ['Harms', row.harms.join(', ')],
        ['Consequence', evaluation?.risk.consequence ?? ''],
        ['Existing controls', row.existingControls.join(', ')],
        ['Treatment', treatmentText(row.treatment)],
        ['Acceptance', [row.acceptance ?? '', row.acceptedBy ? `by ${row.acceptedBy}` : '', row.acceptedUntil ? `until ${row.acceptedUntil}` : ''].filter(Boolean).join(' ')],
        ['Status', row.status ?? ''],
        ['Reviewed', row.reviewed ?? '']
    ];
    const actions = plan.rows.filter(action => action.risk === row.id && action.action !== null);
    const assessment = (label: string, level: string | null, likelihood: RegisterRow['likelihood'], impact: RegisterRow['impact'], score: number | null) =>
        `<div class="assessment"><span class="label">${label}</span> ${levelBadge(level, order)} <span class="detail">${e([scaleText(likelihood), scaleText(impact)].filter(Boolean).join(' × '))}${score !== null ? ` = ${score}` : ''}</span></div>`;
    return `<article class="risk-card${row.aboveAppetite ? ' above' : ''}" id="risk-${e(row.id)}">
<h3><span class="risk-id">${e(row.id)}</span> ${e(row.title)}</h3>
<div class="assessments">
${assessment('Inherent', row.level, row.likelihood, row.impact, row.score)}
${assessment('Residual', row.residualLevel, row.residualLikelihood, row.residualImpact, row.residualScore)}
${row.aboveAppetite ? '<div class="assessment"><span class="flag">above appetite</span></div>' : ''}
</div>
<dl>
${facts.filter(([, value]) => value !== '').map(([term, value]) => `<dt>${e(term)}</dt><dd>${e(value)}</dd>`).join('\n')}
</dl>
${actions.length > 0 ? `<ul class="actions">${actions.map(action => `<li class="${action.overdue ? 'overdue' : ''}"><span class="risk-id">${e(action.action ?? '')}</span> ${e(action.actionTitle ?? '')} <span class="detail">${e([action.owner, action.due ? `due ${action.due}` : '', action.status ?? 'planned'].filter(Boolean).join(' · '))}${action.overdue ? ' · overdue' : ''}</span></li>`).join('')}</ul>` : ''}
</article>`;
}

function planSection(plan: PlanExport, order: readonly string[]): string {
    return `<section id="plan">
<h2>Risk treatment plan</h2>
${lines(planSummaryLines(plan.summary))}
<table class="data">
<thead><tr><th scope="col">Action</th><th scope="col">Risk</th><th scope="col">Level</th><th scope="col">Option</th><th scope="col">Owner</th><th scope="col">Due</th><th scope="col">Status</th><th scope="col">Target residual</th></tr></thead>
<tbody>
${plan.rows.map(row => `<tr class="${row.overdue ? 'overdue' : ''}"><td>${row.action ? `<span class="risk-id">${e(row.action)}</span> ` : ''}${e(row.actionTitle ?? 'no action')}</td><td><a href="#risk-${e(row.risk)}">${e(row.risk)}</a></td><td>${levelBadge(row.level, order)}</td><td>${e(row.option)}</td><td>${e(row.owner ?? '')}</td><td class="date">${e(row.due ?? '')}${row.overdue ? ' <span class="flag">overdue</span>' : ''}</td><td>${e(row.status ?? '')}</td><td>${levelBadge(row.targetResidualLevel, order)}</td></tr>`).join('\n')}
</tbody>
</table>
</section>`;
}

function soaSection(soa: SoaExport): string {
    return `<section id="soa">
<h2>Statement of Applicability</h2>
${lines(soaSummaryLines(soa.summary))}
<table class="data soa">
<thead><tr><th scope="col">Control</th><th scope="col">Applicable</th><th scope="col">Implementation</th><th scope="col">Risks and actions</th><th scope="col">Justification</th></tr></thead>
<tbody>
${soa.rows.map(row => `<tr class="${row.applicable ? 'applicable' : 'not-applicable'}"><td><span class="risk-id">${e(row.id)}</span> ${e(row.title)}</td><td>${row.applicable ? 'yes' : 'no'}</td><td>${e(row.implementation ?? '')}</td><td>${e([...row.risks, ...row.actions].join(', '))}</td><td>${e(row.justification)}</td></tr>`).join('\n')}
</tbody>
</table>
</section>`;
}
