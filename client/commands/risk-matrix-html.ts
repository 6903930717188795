/**
 * The page of the Risk Matrix webview, as a pure function of the server's
 * `risk/matrix` answer: two heat maps (inherent and residual risk), likelihood rows
 * highest first and impact columns ascending, each cell coloured by the rank of its
 * level and showing how many risks it holds. Clicking a cell lists its risks below
 * the map; clicking a risk asks the extension to open it.
 *
 * Security: the Content-Security-Policy allows nothing but the page's own style and
 * script, both carrying a fresh nonce; there are no inline event handlers, and every
 * text of the model (IDs, titles, names, URIs) is HTML-escaped, in text and in
 * attributes alike. The script never builds HTML: the risk lists are rendered here
 * and only shown or hidden there.
 */
import { randomBytes } from 'node:crypto';
import { heatStep } from '../../language/exports/level-colours.js';
import type { MatrixCell, MatrixRequestResult, MatrixRisk } from '../../language/lsp/requests/protocol.js';

export interface MatrixPage {
    /** The webview's `cspSource`. */
    readonly cspSource: string;
    /** A fresh random nonce for each page: see {@link createNonce}. */
    readonly nonce: string;
}

/** What the page posts to the extension. */
export type MatrixMessage =
    | { readonly type: 'openRisk'; readonly uri: string; readonly line: number; readonly character: number }
    | { readonly type: 'refresh' };

/** 128 random bits, base64: a CSP nonce. */
export function createNonce(): string {
    return randomBytes(16).toString('base64');
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' };

/** Text safe in HTML content and in a double- or single-quoted attribute. */
export function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, char => HTML_ESCAPES[char]);
}

/** `heat-0` (lowest level) … `heat-4` (highest); `heat-none` for a cell the method gives no level. */
export function heatClass(rank: number | null, levels: number): string {
    if (rank === null) {
        return 'heat-none';
    }
    return `heat-${heatStep(rank, levels)}`;
}

type Basis = 'inherent' | 'residual';

const MAPS: ReadonlyArray<{ basis: Basis; title: string }> = [
    { basis: 'inherent', title: 'Inherent risk' },
    { basis: 'residual', title: 'Residual risk' }
];

/** The page for a matrix. */
export function riskMatrixHtml(matrix: MatrixRequestResult, page: MatrixPage): string {
    const facts = [
        matrix.model === null ? 'No method' : escapeHtml(matrix.model),
        `as of ${escapeHtml(matrix.asOf)}`,
        ...(matrix.appetite === null ? [] : [`appetite ${escapeHtml(matrix.appetite)}`])
    ];
    const usable = matrix.likelihood.length > 0 && matrix.impact.length > 0;
    const body = usable
        ? `<div class="maps">\n${MAPS.map(map => heatMapSection(matrix, map.basis, map.title)).join('\n')}\n</div>\n${legend(matrix)}`
        : `<p class="notice">The model has no usable method, so its risks have no place on a matrix: the method needs a likelihood and an impact scale. The Problems panel says what is missing.</p>\n${notAssessedList(matrix.notAssessed.residual, 'Risks')}`;
    return pageHtml(page, `<header>
<h1>Risk matrix</h1>
<p class="facts">${facts.join(' · ')}</p>
<button type="button" id="refresh" class="refresh">Refresh</button>
</header>
${body}`);
}

/** A page with one message: while loading, or when the server could not answer. */
export function riskMatrixMessageHtml(message: string, page: MatrixPage, kind: 'info' | 'error' = 'info'): string {
    return pageHtml(page, `<header>
<h1>Risk matrix</h1>
<button type="button" id="refresh" class="refresh">Refresh</button>
</header>
<p class="notice ${kind}">${escapeHtml(message)}</p>`);
}

function pageHtml(page: MatrixPage, body: string): string {
    const nonce = escapeHtml(page.nonce);
    const csp = `default-src 'none'; style-src ${page.cspSource} 'nonce-${page.nonce}'; script-src 'nonce-${page.nonce}';`;
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Risk Matrix</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
${body}
<script nonce="${nonce}">${SCRIPT}</script>
</body>
</html>
`;
}

function heatMapSection(matrix: MatrixRequestResult, basis: Basis, title: string): string {
    const cells = matrix.cells[basis];
    const columns = matrix.impact.length;
    const header = `<tr><th class="corner" scope="col">Likelihood \\ Impact</th>${matrix.impact.map(value => `<th scope="col">${value.value} ${escapeHtml(value.name)}</th>`).join('')}</tr>`;
    const rows = matrix.likelihood.map((likelihood, row) => {
        const tds = matrix.impact.map((impact, column) => {
            const index = row * columns + column;
            const cell = cells[index];
            return cell ? cellTd(matrix, basis, index, cell, `${likelihood.name} × ${impact.name}`) : '<td class="cell heat-none"></td>';
        });
        return `<tr><th scope="row">${likelihood.value} ${escapeHtml(likelihood.name)}</th>${tds.join('')}</tr>`;
    });
    const lists = cells.map((cell, index) => {
        const row = Math.floor(index / columns);
        const name = `${matrix.likelihood[row]?.name ?? cell.likelihood} × ${matrix.impact[index % columns]?.name ?? cell.impact}`;
        return cellRisks(basis, index, cell, name);
    });
    const notAssessed = matrix.notAssessed[basis];
    return `<section class="map" data-basis="${basis}">
<h2>${title}</h2>
<table class="heat-map" aria-label="${title}: risks per likelihood and impact">
<thead>${header}</thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
${notAssessed.length > 0 ? `<p class="not-assessed">Not assessed, in no cell: ${notAssessed.length} risk${notAssessed.length === 1 ? '' : 's'} (${notAssessed.map(risk => escapeHtml(risk.id)).join(', ')})</p>` : ''}
<p class="hint" data-hint="${basis}">Click a cell to list its risks.</p>
${lists.join('\n')}
</section>`;
}

function cellKey(basis: Basis, index: number): string {
    return `${basis}-${index}`;
}

function cellTd(matrix: MatrixRequestResult, basis: Basis, index: number, cell: MatrixCell, name: string): string {
    const classes = ['cell', heatClass(cell.rank, matrix.levels.length), ...(cell.aboveAppetite ? ['above-appetite'] : []), ...(cell.risks.length === 0 ? ['empty'] : [])];
    const level = cell.level === null ? 'no level' : `${cell.level}${cell.score === null ? '' : ` (${cell.score})`}`;
    const count = cell.risks.length;
    const label = `${name}: ${level}, ${count} risk${count === 1 ? '' : 's'}`;
    return `<td class="${classes.join(' ')}"><button type="button" class="cell-button" data-cell="${cellKey(basis, index)}" data-basis="${basis}" aria-pressed="false" title="${escapeHtml(label)}" aria-label="${escapeHtml(label)}"><span class="count">${count}</span><span class="level">${escapeHtml(cell.level ?? '–')}</span></button></td>`;
}

function cellRisks(basis: Basis, index: number, cell: MatrixCell, name: string): string {
    const count = cell.risks.length;
    const heading = `${escapeHtml(name)}: ${cell.level === null ? 'no level' : escapeHtml(cell.level)}, ${count} risk${count === 1 ? '' : 's'}`;
    const body = count === 0
        ? '<p class="none">No risk in this cell.</p>'
        : riskTable(cell.risks);
    return `<div class="cell-risks" data-cell="${cellKey(basis, index)}" data-basis="${basis}" hidden>
<h3>${heading}</h3>
${body}
</div>`;
}

function riskTable(risks: readonly MatrixRisk[]): string {
    const rows = risks.map(risk => `<tr class="risk" data-uri="${escapeHtml(risk.uri)}" data-line="${risk.line}" data-character="${risk.character}" title="Open ${escapeHtml(risk.id)}">`
        + `<td><button type="button" class="risk-id">${escapeHtml(risk.id)}</button></td><td>${escapeHtml(risk.title)}</td><td>${escapeHtml(risk.level ?? '')}</td></tr>`);
    return `<table class="risks">
<thead><tr><th scope="col">ID</th><th scope="col">Title</th><th scope="col">Level</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
}

function notAssessedList(risks: readonly MatrixRisk[], title: string): string {
    if (risks.length === 0) {
        return '';
    }
    return `<section class="map">
<h2>${escapeHtml(title)}</h2>
${riskTable(risks)}
</section>`;
}

function legend(matrix: MatrixRequestResult): string {
    if (matrix.levels.length === 0) {
        return '';
    }
    const items = [...matrix.levels].reverse().map(level =>
        `<li><span class="swatch ${heatClass(level.rank, matrix.levels.length)}"></span>${escapeHtml(level.name)}${level.name === matrix.appetite ? ' (appetite)' : ''}</li>`);
    return `<ul class="legend" aria-label="Levels, highest first">${items.join('')}</ul>
<p class="hint">Cells with a thick border are above appetite. Each cell shows how many risks are in it and the level the method gives it.</p>`;
}

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 1.25rem 2rem; }
header { display: flex; align-items: baseline; gap: 1rem; flex-wrap: wrap; }
h1 { font-size: 1.4em; margin-bottom: 0.25rem; }
h2 { font-size: 1.15em; }
h3 { font-size: 1em; margin: 1rem 0 0.5rem; }
.facts, .hint, .not-assessed, .none { color: var(--vscode-descriptionForeground); }
button { font: inherit; color: inherit; }
.refresh { margin-left: auto; background: var(--vscode-button-secondaryBackground); color: var(--vscode-button-secondaryForeground); border: none; padding: 0.25rem 0.75rem; cursor: pointer; }
.refresh:hover { background: var(--vscode-button-secondaryHoverBackground); }
.maps { display: flex; flex-wrap: wrap; gap: 2.5rem; }
.map { flex: 1 1 22rem; max-width: 40rem; }
table { border-collapse: collapse; }
.heat-map th { font-weight: normal; padding: 0.25rem 0.5rem; white-space: nowrap; }
.heat-map thead th { text-align: center; }
.heat-map tbody th { text-align: right; }
.heat-map .corner { color: var(--vscode-descriptionForeground); font-size: 0.85em; }
.cell { padding: 2px; }
.cell-button { display: flex; flex-direction: column; align-items: center; justify-content: center; width: 100%; min-width: 5.5rem; height: 4rem; border: 1px solid transparent; background: transparent; cursor: pointer; }
.cell-button:hover { outline: 1px solid var(--vscode-focusBorder); }
.cell-button:focus-visible { outline: 2px solid var(--vscode-focusBorder); }
.cell-button.selected { outline: 3px solid var(--vscode-focusBorder); }
.count { font-size: 1.5em; font-weight: bold; line-height: 1.1; }
.level { font-size: 0.85em; }
.empty .count { opacity: 0.45; }
.above-appetite .cell-button { border: 2px solid var(--vscode-foreground); }
.heat-0 { background: rgba(46, 160, 67, 0.45); }
.heat-1 { background: rgba(160, 200, 60, 0.45); }
.heat-2 { background: rgba(230, 190, 40, 0.5); }
.heat-3 { background: rgba(240, 130, 40, 0.55); }
.heat-4 { background: rgba(220, 50, 50, 0.6); }
.heat-none { background: rgba(128, 128, 128, 0.2); }
.legend { list-style: none; display: flex; gap: 1.25rem; flex-wrap: wrap; padding: 0; margin-top: 1.5rem; }
.legend li { display: flex; align-items: center; gap: 0.4rem; }
.swatch { display: inline-block; width: 1rem; height: 1rem; }
.risks { width: 100%; }
.risks th, .risks td { text-align: left; padding: 0.25rem 0.5rem; border-bottom: 1px solid var(--vscode-panel-border, rgba(128, 128, 128, 0.35)); vertical-align: top; }
.risks tbody tr { cursor: pointer; }
.risks tbody tr:hover { background: var(--vscode-list-hoverBackground); }
.risk-id { background: none; border: none; padding: 0; color: var(--vscode-textLink-foreground); cursor: pointer; white-space: nowrap; }
.risk-id:hover { text-decoration: underline; }
.notice.error { color: var(--vscode-errorForeground); }
`;

/**
 * The page's behaviour: select a cell (remembered across refreshes in the webview's
 * state), open a risk, refresh. No HTML is built here.
 */
const SCRIPT = `
(function () {
    const vscode = acquireVsCodeApi();
    const selected = Object.assign({}, vscode.getState() && vscode.getState().selected);

    function select(basis, key) {
        selected[basis] = key;
        vscode.setState({ selected: selected });
        document.querySelectorAll('.cell-risks[data-basis="' + basis + '"]').forEach(function (list) {
            list.hidden = list.getAttribute('data-cell') !== key;
        });
        document.querySelectorAll('.cell-button[data-basis="' + basis + '"]').forEach(function (button) {
            const on = button.getAttribute('data-cell') === key;
            button.classList.toggle('selected', on);
            button.setAttribute('aria-pressed', on ? 'true' : 'false');
        });
        const hint = document.querySelector('[data-hint="' + basis + '"]');
        if (hint) {
            hint.hidden = key !== undefined;
        }
    }

    document.addEventListener('click', function (event) {
        const target = event.target instanceof Element ? event.target : null;
        if (!target) {
            return;
        }
        const cell = target.closest('.cell-button');
        if (cell) {
            const basis = cell.getAttribute('data-basis');
            const key = cell.getAttribute('data-cell');
            select(basis, selected[basis] === key ? undefined : key);
            return;
        }
        const risk = target.closest('tr.risk');
        if (risk) {
            vscode.postMessage({
                type: 'openRisk',
                uri: risk.getAttribute('data-uri'),
                line: Number(risk.getAttribute('data-line')),
                character: Number(risk.getAttribute('data-character'))
            });
            return;
        }
        if (target.closest('#refresh')) {
            vscode.postMessage({ type: 'refresh' });
        }
    });

    ['inherent', 'residual'].forEach(function (basis) {
        const key = selected[basis];
        const exists = key !== undefined && Array.prototype.some.call(document.querySelectorAll('.cell-button'), function (button) {
            return button.getAttribute('data-cell') === key;
        });
        if (exists) {
            select(basis, key);
        }
    });
})();
`;
