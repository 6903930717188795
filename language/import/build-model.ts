/**
 * From the rows of a register to the declarations of a model: the method the sheet
 * implies, the roles, assets, threats, vulnerabilities and own controls its cells
 * name, and one risk per row, with what was inferred, guessed and left out per row.
 */
import { ANNEX_A_BY_ID } from '../builtins/annex-a.js';
import { PLAN_COLUMNS, type PlanRow } from '../exports/plan.js';
import { annex2013To2022 } from '../builtins/annex-suggestion.js';
import { annexId, cellDate, cellList, cellNumber, cellText, readStatus, treatmentOption, whereText, type ActionStatus, type RiskStatus, type TreatmentOption, type Where } from './cells.js';
import type { HeaderMatch, ImportField } from './columns.js';
import { identifier, inferLevels, inferScale, levelIdentifier, readScaleCell, type InferredLevels, type InferredScale, type LevelReading, type ScaleReading } from './infer-method.js';
import { columnName, ImportError, type RawValue } from './read-table.js';

export interface RowNotes {
    /** The sheet's row number. */
    readonly row: number;
    readonly id: string;
    readonly inferred: string[];
    readonly guessed: string[];
    readonly leftOut: string[];
}

export interface Disagreement {
    readonly row: number;
    readonly id: string;
    readonly column: string;
    readonly stated: string;
    readonly computed: string;
    readonly why: string;
}

export interface ImportedModel {
    /** File name -> text (before formatting), in the order they are written. */
    readonly files: ReadonlyMap<string, string>;
    readonly methodNotes: readonly string[];
    readonly rows: readonly RowNotes[];
    readonly disagreements: readonly Disagreement[];
    /** Columns of the sheet no field uses. */
    readonly leftOutColumns: readonly string[];
    readonly risks: number;
}

interface Action {
    readonly id?: string;
    readonly title: string;
    readonly owner?: string;
    readonly due?: string;
    readonly status?: ActionStatus;
}

interface Risk {
    readonly id: string;
    readonly title: string;
    readonly notes: RowNotes;
    owner?: string;
    scope?: string;
    threat?: string;
    vulnerabilities: string[];
    assets: string[];
    harms: string[];
    consequence?: string;
    likelihood?: ScaleReading;
    impact?: ScaleReading;
    controls: string[];
    treatment?: { option: TreatmentOption; party?: string };
    actions: Action[];
    residualLikelihood?: ScaleReading;
    residualImpact?: ScaleReading;
    acceptance?: { by: string; on: string; until?: string; level?: string };
    status?: RiskStatus;
    reviewed?: string;
    statedLevel?: { text: string; where: Where };
    statedResidualLevel?: { text: string; where: Where };
    aboveAppetite?: boolean;
}

/** Names already given, across the one namespace of roles, assets, threats, controls, risks and actions. */
class Names {
    private readonly used = new Map<string, string>();

    constructor(reserved: Iterable<string>) {
        for (const name of reserved) this.used.set(`reserved:${name.toLowerCase()}`, name);
    }

    /** The ID for `text` of this kind: the same text gets the same ID, a clash gets a suffix. */
    of(kind: string, text: string, fallback: string): string {
        const key = `${kind}:${text.toLowerCase()}`;
        const known = this.used.get(key);
        if (known) return known;
        const base = /^[A-Za-z][A-Za-z0-9_-]*$/.test(text) ? text : identifier(text, fallback);
        const taken = new Set([...this.used.values()].map(name => name.toLowerCase()));
        let name = base;
        for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}${n}`;
        this.used.set(key, name);
        return name;
    }
}

interface Declaration {
    readonly id: string;
    readonly title: string;
}

export function buildModel(rows: ReadonlyArray<readonly RawValue[]>, header: HeaderMatch, source: string, plan?: ReadonlyArray<readonly RawValue[]>): ImportedModel {
    const planActions = plan ? readPlan(plan) : new Map<string, Omit<Action, 'id'>>();
    const headerCells = rows[header.row];
    const columnOf = (field: ImportField) => header.columns.get(field);
    const whereOf = (rowIndex: number, field: ImportField): Where => {
        const column = columnOf(field)!;
        return { row: rowIndex + 1, column: columnName(column), header: String(headerCells[column] ?? field).trim() };
    };
    const get = (cells: readonly RawValue[], field: ImportField): RawValue => {
        const column = columnOf(field);
        return column === undefined ? null : cells[column] ?? null;
    };

    const riskIds = new Set<string>();
    const risks: Risk[] = [];
    for (let index = header.row + 1; index < rows.length; index++) {
        const cells = rows[index];
        if (cells.every(cell => cell === null || cell === undefined)) continue;
        const text = (field: ImportField) => cellText(get(cells, field));
        const rawId = text('id');
        if (!rawId) {
            const filled = cells.findIndex(cell => cell !== null && cell !== undefined);
            throw new ImportError(`${whereText(whereOf(index, 'id'))}: the risk ID is empty while column ${columnName(filled)} is not; give every risk an ID such as R-001 (or delete the row)`);
        }
        const id = /^[A-Za-z][A-Za-z0-9_-]*$/.test(rawId) ? rawId : identifier(rawId, 'R');
        const notes: RowNotes = { row: index + 1, id, inferred: [], guessed: [], leftOut: [] };
        if (id !== rawId) notes.guessed.push(`ID '${rawId}' written as ${id}, a name the language accepts`);
        if (riskIds.has(id.toLowerCase())) {
            throw new ImportError(`${whereText(whereOf(index, 'id'))}: risk ID ${id} is used by an earlier row too; give each risk its own ID`);
        }
        riskIds.add(id.toLowerCase());
        const title = text('title');
        if (!title) notes.guessed.push('no description: the ID is the title');
        const risk: Risk = { id, title: title ?? id, notes, vulnerabilities: [], assets: [], harms: [], controls: [], actions: [] };
        readRow(risk, planActions, { text, get: field => get(cells, field), where: field => whereOf(index, field), has: field => columnOf(field) !== undefined });
        risks.push(risk);
    }
    if (risks.length === 0) {
        throw new ImportError(`the sheet has a header row (row ${header.row + 1}) but no risk below it`);
    }
    return assemble(risks, header, source);
}

interface RowAccess {
    text(field: ImportField): string | null;
    get(field: ImportField): RawValue;
    where(field: ImportField): Where;
    has(field: ImportField): boolean;
}

/** Action ID -> its details, from the plan sheet of a workbook of `risk export all`. */
function readPlan(rows: ReadonlyArray<readonly RawValue[]>): Map<string, Omit<Action, 'id'>> {
    const header = (rows[0] ?? []).map(cell => cellText(cell));
    const column = (key: keyof PlanRow) => header.indexOf(PLAN_COLUMNS.find(candidate => candidate.key === key)!.header);
    const [id, title, owner, due, status] = (['action', 'actionTitle', 'owner', 'due', 'status'] as const).map(column);
    const actions = new Map<string, Omit<Action, 'id'>>();
    if (id < 0 || title < 0) return actions;
    for (const cells of rows.slice(1)) {
        const actionId = cellText(cells[id] ?? null);
        const actionTitle = cellText(cells[title] ?? null);
        if (!actionId || !actionTitle) continue;
        const dueCell = due < 0 ? null : cells[due] ?? null;
        const statusText = status < 0 ? null : cellText(cells[status] ?? null);
        actions.set(actionId, {
            title: actionTitle,
            owner: owner < 0 ? undefined : cellText(cells[owner] ?? null) ?? undefined,
            due: dueCell instanceof Date ? dueCell.toISOString().slice(0, 10) : cellText(dueCell) ?? undefined,
            status: statusText ? readStatus(statusText)?.action : undefined
        });
    }
    return actions;
}

function readRow(risk: Risk, planActions: ReadonlyMap<string, Omit<Action, 'id'>>, row: RowAccess): void {
    const { notes } = risk;
    const scale = (field: ImportField): ScaleReading | undefined => {
        const raw = row.get(field);
        if (raw === null) return undefined;
        return readScaleCell(raw instanceof Date ? raw.toISOString() : raw, whereText(row.where(field)));
    };
    const date = (field: ImportField): string | undefined => {
        const reading = cellDate(row.get(field), row.where(field));
        if (reading?.note) notes.inferred.push(reading.note);
        return reading?.date;
    };
    risk.owner = row.text('owner') ?? undefined;
    risk.scope = row.text('scope') ?? undefined;
    risk.threat = row.text('threat') ?? undefined;
    risk.vulnerabilities = cellList(row.get('vulnerabilities'));
    risk.assets = cellList(row.get('assets'));
    risk.harms = cellList(row.get('harms'));
    risk.consequence = row.text('consequence') ?? undefined;
    risk.likelihood = scale('likelihood');
    risk.impact = scale('impact');
    risk.residualLikelihood = scale('residualLikelihood');
    risk.residualImpact = scale('residualImpact');
    for (const field of ['score', 'residualScore'] as const) {
        // Scores are checked through the levels; a score cell must still be a number.
        cellNumber(row.get(field), row.has(field) ? row.where(field) : { row: 0, column: '', header: field });
    }
    const level = row.text('level');
    if (level) risk.statedLevel = { text: level, where: row.where('level') };
    const residualLevel = row.text('residualLevel');
    if (residualLevel) risk.statedResidualLevel = { text: residualLevel, where: row.where('residualLevel') };
    const above = row.text('aboveAppetite');
    if (above) risk.aboveAppetite = /^(yes|y|true|1)$/i.test(above);
    risk.controls = cellList(row.get('controls'));

    const treatmentText = row.text('treatment');
    let actionTitle = row.text('action') ?? undefined;
    if (treatmentText) {
        const option = treatmentOption(treatmentText);
        if (option) {
            risk.treatment = option;
        } else if (!actionTitle) {
            actionTitle = treatmentText;
        } else {
            notes.leftOut.push(`treatment '${treatmentText}': neither reduce, accept, share nor avoid`);
        }
    }
    const statusText = row.text('status');
    const status = statusText ? readStatus(statusText) : undefined;
    if (statusText && !status) notes.leftOut.push(`status '${statusText}': not a status the import knows`);
    const actionOwner = row.text('actionOwner') ?? undefined;
    const due = date('due');
    if (actionTitle) {
        risk.actions.push({ title: actionTitle, owner: actionOwner, due, status: status?.action ?? (status?.risk === 'closed' ? 'done' : 'planned') });
        if (!status?.action) notes.guessed.push(`action status ${status?.risk === 'closed' ? 'done' : 'planned'}`);
        if (!risk.treatment) {
            risk.treatment = { option: 'reduce' };
            notes.inferred.push('treatment reduce, as the row plans an action');
        }
    } else if (actionOwner || due) {
        notes.leftOut.push('action owner or due date without an action');
    }
    let withoutDetails = 0;
    for (const actionId of cellList(row.get('actions'))) {
        const unnamed = /^.+\/\d+$/.test(actionId);
        const details = planActions.get(actionId);
        if (!details) withoutDetails++;
        risk.actions.push({ id: unnamed ? undefined : actionId, ...(details ?? { title: actionId }) });
    }
    if (withoutDetails > 0) notes.guessed.push(`${withoutDetails} action${withoutDetails === 1 ? '' : 's'} from the Actions column titled by ${withoutDetails === 1 ? 'its' : 'their'} ID, without owner or due date: the register names actions only (a workbook of \`risk export all\` has them in full)`);
    risk.status = status?.risk ?? (status?.action ? (status.action === 'done' ? 'treating' : 'treating') : undefined);
    if (!status?.risk && status?.action) notes.inferred.push(`risk status treating, from the action's status '${statusText}'`);
    risk.reviewed = date('reviewed');
    const by = row.text('acceptedBy');
    const until = date('acceptedUntil');
    if (by) {
        // Registers record when an acceptance lapses, not when it was given.
        const on = until ? yearBefore(until) : undefined;
        if (on) {
            risk.acceptance = { by, on, until, level: residualLevel ?? level ?? undefined };
            notes.guessed.push(`acceptance by ${by} dated ${on}, a year before it lapses (the sheet has no acceptance date)`);
        } else {
            notes.leftOut.push(`acceptance by ${by}: no date in the sheet`);
        }
    }
}

function yearBefore(date: string): string {
    const [year, month, day] = date.split('-').map(Number);
    const candidate = `${year - 1}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    return month === 2 && day === 29 ? `${year - 1}-02-28` : candidate;
}

function assemble(risks: readonly Risk[], header: HeaderMatch, source: string): ImportedModel {
    const methodNotes: string[] = [];
    const likelihood = inferScale('likelihood', risks.flatMap(risk => [risk.likelihood, risk.residualLikelihood]).filter(isDefined));
    const impact = inferScale('impact', risks.flatMap(risk => [risk.impact, risk.residualImpact]).filter(isDefined));
    methodNotes.push(...likelihood.notes, ...impact.notes);
    const value = (scale: InferredScale, reading: ScaleReading | undefined) => (reading ? scale.valueOf(reading) : undefined);
    const levelReadings: LevelReading[] = risks.flatMap(risk => {
        const readings: LevelReading[] = [];
        const l = value(likelihood, risk.likelihood);
        const i = value(impact, risk.impact);
        if (risk.statedLevel && l && i) readings.push({ likelihood: l, impact: i, level: risk.statedLevel.text, where: whereText(risk.statedLevel.where) });
        const rl = value(likelihood, risk.residualLikelihood) ?? l;
        const ri = value(impact, risk.residualImpact) ?? i;
        if (risk.statedResidualLevel && rl && ri) readings.push({ likelihood: rl, impact: ri, level: risk.statedResidualLevel.text, where: whereText(risk.statedResidualLevel.where) });
        return readings;
    });
    const levels = inferLevels(levelReadings, likelihood.entries.length, impact.entries.length);
    methodNotes.push(...levels.notes);
    const appetite = inferAppetite(risks, levels, methodNotes);

    const disagreements: Disagreement[] = [];
    const scaleName = (scale: InferredScale, v: number) => `${v} ${scale.entries[v - 1].name}`;
    for (const risk of risks) {
        const l = value(likelihood, risk.likelihood);
        const i = value(impact, risk.impact);
        const pairs = [
            { stated: risk.statedLevel, l, i, what: 'inherent' },
            { stated: risk.statedResidualLevel, l: value(likelihood, risk.residualLikelihood) ?? l, i: value(impact, risk.residualImpact) ?? i, what: 'residual' }
        ];
        for (const pair of pairs) {
            if (!pair.stated || !pair.l || !pair.i) continue;
            const computed = levels.levelOf(pair.l, pair.i);
            if (levelIdentifier(pair.stated.text) !== computed) {
                disagreements.push({
                    row: risk.notes.row, id: risk.id, column: pair.stated.where.column, stated: pair.stated.text, computed,
                    why: `${pair.what} likelihood ${scaleName(likelihood, pair.l)} x impact ${scaleName(impact, pair.i)}`
                });
            }
        }
        if (!risk.statedLevel && l && i) risk.notes.inferred.push(`level ${levels.levelOf(l, i)} from the method (the sheet states none)`);
    }

    const reserved = risks.map(risk => risk.id);
    const names = new Names(reserved);
    const roles = new Map<string, Declaration>();
    const role = (text: string) => declare(roles, names.of('role', text, 'Role'), text);
    const scopes = new Map<string, Declaration>();
    const threats = new Map<string, Declaration>();
    const vulnerabilities = new Map<string, Declaration>();
    const supporting = new Map<string, Declaration & { supports: Set<string> }>();
    const primary = new Map<string, Declaration>();
    const controls = new Map<string, Declaration>();

    const riskTexts = risks.map(risk => {
        const notes = risk.notes;
        const lines: string[] = [];
        if (risk.owner) lines.push(`owner ${role(risk.owner)}`);
        else notes.leftOut.push('owner: none in the sheet');
        if (risk.scope) lines.push(`scope ${declare(scopes, names.of('scope', risk.scope, 'Scope'), risk.scope)}`);
        if (risk.threat) lines.push(`threat ${declare(threats, names.of('threat', risk.threat, 'Threat'), risk.threat)}`);
        if (risk.vulnerabilities.length > 0) lines.push(`exploits ${risk.vulnerabilities.map(v => declare(vulnerabilities, names.of('vulnerability', v, 'Vulnerability'), v)).join(', ')}`);
        const harmIds = risk.harms.map(h => declare(primary, names.of('asset', h, 'Asset'), h));
        if (risk.assets.length > 0) {
            const ids = risk.assets.map(a => {
                const id = names.of('asset', a, 'Asset');
                const known = supporting.get(id) ?? { id, title: a, supports: new Set<string>() };
                harmIds.forEach(harm => known.supports.add(harm));
                supporting.set(id, known);
                return id;
            });
            lines.push(`on ${ids.join(', ')}`);
        }
        if (harmIds.length > 0) lines.push(`harms ${harmIds.join(', ')}`);
        if (risk.consequence) lines.push(`consequence ${quote(risk.consequence)}`);
        const controlIds = risk.controls.flatMap(control => controlReference(control, notes, names, controls));
        if (controlIds.length > 0) lines.push(`controls ${[...new Set(controlIds)].join(', ')}`);
        const l = value(likelihood, risk.likelihood);
        const i = value(impact, risk.impact);
        if (l) lines.push(`likelihood ${likelihood.entries[l - 1].name}`);
        if (i) lines.push(`impact ${impact.entries[i - 1].name}`);
        if (!l || !i) notes.leftOut.push('likelihood or impact: none in the sheet, so the risk is not assessed');
        if (risk.treatment) {
            const head = `treatment ${risk.treatment.option}${risk.treatment.party ? ` with ${quote(risk.treatment.party)}` : ''}`;
            if (risk.treatment.option === 'share' && !risk.treatment.party) notes.leftOut.push('the party the risk is shared with');
            const actions = risk.actions.map(action => {
                const id = action.id ? names.of('action', action.id, 'Action') : undefined;
                const body = [
                    action.owner ? `owner ${role(action.owner)}` : '',
                    action.due ? `due ${action.due}` : '',
                    action.status ? `status ${action.status}` : ''
                ].filter(Boolean).join('\n');
                return `action ${id ? `${id} ` : ''}${quote(action.title)}${body ? ` {\n${body}\n}` : ''}`;
            });
            lines.push(actions.length > 0 ? `${head} {\n${actions.join('\n')}\n}` : head);
        } else if (risk.actions.length > 0) {
            notes.leftOut.push('actions without a treatment');
        }
        const rl = value(likelihood, risk.residualLikelihood);
        const ri = value(impact, risk.residualImpact);
        if ((rl && rl !== l) || (ri && ri !== i)) {
            lines.push(`residual likelihood ${likelihood.entries[(rl ?? l)! - 1].name} impact ${impact.entries[(ri ?? i)! - 1].name}`);
        }
        if (risk.acceptance) {
            const pinned = risk.acceptance.level ? levelIdentifier(risk.acceptance.level) : undefined;
            const level = pinned && levels.levels.includes(pinned) ? ` level ${pinned}` : '';
            lines.push(`acceptance {\nby ${role(risk.acceptance.by)} on ${risk.acceptance.on}${risk.acceptance.until ? ` until ${risk.acceptance.until}` : ''}${level}\n${quote(`Imported from ${source}; the register records no justification`)}\n}`);
        }
        const status = risk.status ?? (l && i ? 'assessed' : 'identified');
        if (!risk.status) notes.inferred.push(`status ${status}`);
        lines.push(`status ${status}`);
        if (risk.reviewed) lines.push(`reviewed ${risk.reviewed}`);
        return `risk ${risk.id} ${quote(risk.title)} {\n${lines.join('\n')}\n}`;
    });

    const header0 = `// Imported by \`risk import\` from ${source}.`;
    const files = new Map<string, string>();
    files.set('method.risk', methodText(likelihood, impact, levels, appetite, source, header0));
    const roleLines = [...roles.values()].map(r => `role ${r.id} ${quote(r.title)}${isManagement(r.title) ? ' management' : ''}`);
    if (roleLines.length > 0) {
        files.set('roles.risk', `${header0}\n// 'management' (may accept major residual risks) is guessed from the role names: check it.\n\n${roleLines.join('\n')}\n`);
    }
    if (scopes.size > 0) {
        files.set('scope.risk', `${header0}\n\n${[...scopes.values()].map(s => `scope ${s.id} ${quote(s.title)}`).join('\n')}\n`);
    }
    const assetLines = [
        ...[...primary.values()].map(a => `asset ${a.id} ${quote(a.title)} {\nprimary information\n}`),
        ...[...supporting.values()].map(a => `asset ${a.id} ${quote(a.title)} {\nsupporting system${a.supports.size > 0 ? `\nsupports ${[...a.supports].join(', ')}` : ''}\n}`)
    ];
    if (assetLines.length > 0) {
        files.set('assets.risk', `${header0}\n// Asset kinds (primary information, supporting system) are guessed: the register does not say.\n\n${assetLines.join('\n\n')}\n`);
    }
    const threatLines = [
        ...[...threats.values()].map(t => `threat ${t.id} ${quote(t.title)}`),
        ...[...vulnerabilities.values()].map(v => `vulnerability ${v.id} ${quote(v.title)}`),
        ...[...controls.values()].map(c => `control ${c.id} ${quote(c.title)}`)
    ];
    if (threatLines.length > 0) {
        files.set('threats.risk', `${header0}\n\n${threatLines.join('\n')}\n`);
    }
    files.set('risks.risk', `${header0}\n\n${riskTexts.join('\n\n')}\n`);
    const leftOutColumns = header.unknown.map(entry => `'${entry.header}' (column ${columnName(entry.column)})`);
    return { files, methodNotes, rows: risks.map(risk => risk.notes), disagreements, leftOutColumns, risks: risks.length };
}

function isDefined<T>(value: T | undefined): value is T {
    return value !== undefined;
}

function declare<T extends Declaration>(map: Map<string, T | Declaration>, id: string, title: string): string {
    if (!map.has(id)) map.set(id, { id, title });
    return id;
}

/** Roles that usually may accept major risks: top management. */
function isManagement(title: string): boolean {
    return /\b(CEO|CFO|COO|director|board|managing|president|partner|executive)\b/i.test(title);
}

function controlReference(text: string, notes: RowNotes, names: Names, controls: Map<string, Declaration>): string[] {
    const id = annexId(text);
    if (id !== undefined) {
        if (ANNEX_A_BY_ID.has(id)) return [id];
        const mapped = annex2013To2022(id);
        if (mapped) {
            notes.inferred.push(`control ${id} (ISO/IEC 27001:2013) mapped to ${mapped.id} ${mapped.title} (2022)`);
            return [mapped.id];
        }
        notes.leftOut.push(`control ${id}: not an Annex A control of 2022, nor a 2013 one with a known 2022 counterpart`);
        return [];
    }
    return [declare(controls, names.of('control', text, 'Control'), text)];
}

function inferAppetite(risks: readonly Risk[], levels: InferredLevels, notes: string[]): string {
    const order = levels.levels;
    const residualOf = (risk: Risk) => risk.statedResidualLevel ? levelIdentifier(risk.statedResidualLevel.text) : risk.statedLevel ? levelIdentifier(risk.statedLevel.text) : undefined;
    const within = risks.filter(risk => risk.aboveAppetite === false).map(residualOf).filter(isDefined).map(level => order.indexOf(level)).filter(rank => rank >= 0);
    const above = risks.filter(risk => risk.aboveAppetite === true).map(residualOf).filter(isDefined).map(level => order.indexOf(level)).filter(rank => rank >= 0);
    if (within.length > 0 && (above.length === 0 || Math.max(...within) < Math.min(...above))) {
        const appetite = order[Math.max(...within)];
        notes.push(`appetite ${appetite}, from the Above appetite column`);
        return appetite;
    }
    const appetite = order[Math.floor((order.length - 1) / 2)];
    notes.push(`appetite ${appetite} guessed (the middle level): the sheet does not say which residual level is acceptable; set it in method.risk`);
    return appetite;
}

function methodText(likelihood: InferredScale, impact: InferredScale, levels: InferredLevels, appetite: string, source: string, header: string): string {
    const scale = (kind: string, s: InferredScale) => `scale ${kind} {\n${s.entries.map(e => `${e.value} ${e.name} ""`).join('\n')}\n}`;
    const levelBlock = levels.form === 'banded'
        ? `score likelihood * impact\nlevels {\n${levels.bands.map(b => `${b.name} ${b.from}..${b.to} ""`).join('\n')}\n}`
        : `levels {\n${levels.levels.map(l => `${l} ""`).join('\n')}\n}\nmatrix {\n${[...likelihood.entries].reverse().map(l => `${l.name}: ${levels.matrix[l.value - 1].join(' ')}`).join('\n')}\n}`;
    return `${header}
// Inferred from the sheet's values; describe each value and level, and check the
// appetite: registers rarely write their acceptance criteria down.

method ${quote(`Risk method imported from ${source}`)} {
${scale('likelihood', likelihood)}
${scale('impact', impact)}
${levelBlock}
accept {
appetite ${appetite}
}
}
`;
}

/** A string of the language: `"` and `\` escaped. */
export function quote(text: string): string {
    return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
