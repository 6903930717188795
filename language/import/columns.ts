/**
 * The register columns `risk import` understands: the columns of the register guides
 * (Risk ID, Risk Description, Asset Owner, Likelihood, Impact, Risk Level, Existing
 * Controls, Recommended Treatment, Action Owner, Due Date, Status), their common
 * variants, and the columns of our own register export, so that an export imports back.
 */
import { ImportError, type RawValue } from './read-table.js';

export const IMPORT_FIELDS = [
    'id', 'title', 'scope', 'owner', 'threat', 'vulnerabilities', 'assets', 'harms', 'consequence',
    'likelihood', 'impact', 'score', 'level', 'controls', 'treatment', 'action', 'actions', 'actionOwner', 'due',
    'residualLikelihood', 'residualImpact', 'residualScore', 'residualLevel', 'aboveAppetite',
    'acceptance', 'acceptedBy', 'acceptedUntil', 'status', 'reviewed', 'ignore'
] as const;

export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Header spellings, compared without case, spaces, punctuation or a trailing `(1-5)`. */
const SYNONYMS: Readonly<Record<Exclude<ImportField, 'ignore'>, readonly string[]>> = {
    id: ['id', 'riskid', 'riskno', 'riskref', 'riskreference', 'ref', 'reference', 'no', 'number', 'risknumber'],
    title: ['title', 'risk', 'riskdescription', 'description', 'risktitle', 'riskname', 'name', 'riskscenario', 'scenario'],
    scope: ['scope'],
    owner: ['owner', 'riskowner', 'assetowner', 'responsible', 'accountable'],
    threat: ['threat', 'threats', 'threatsource'],
    vulnerabilities: ['vulnerabilities', 'vulnerability', 'weakness', 'weaknesses'],
    assets: ['assets', 'asset', 'affectedasset', 'affectedassets', 'supportingassets', 'system', 'systems'],
    harms: ['harms', 'primaryassets', 'businessassets'],
    consequence: ['consequence', 'consequences', 'businessimpact', 'impactdescription'],
    likelihood: ['likelihood', 'probability', 'inherentlikelihood', 'l'],
    impact: ['impact', 'severity', 'consequencerating', 'inherentimpact', 'i'],
    score: ['score', 'riskscore', 'inherentscore', 'rating', 'riskrating'],
    level: ['level', 'risklevel', 'inherentlevel', 'inherentrisk', 'inherentrisklevel'],
    controls: ['existingcontrols', 'controls', 'currentcontrols', 'controlsinplace', 'annexacontrols', 'iso27001controls'],
    treatment: ['treatment', 'treatmentoption', 'riskresponse', 'response', 'decision', 'riskdecision'],
    action: ['recommendedtreatment', 'treatmentaction', 'action', 'plannedaction', 'mitigation', 'mitigationplan', 'treatmentplan', 'recommendedaction', 'recommendedcontrols'],
    actions: ['actions'],
    actionOwner: ['actionowner', 'treatmentowner', 'mitigationowner'],
    due: ['duedate', 'due', 'targetdate', 'deadline', 'completiondate'],
    residualLikelihood: ['residuallikelihood', 'targetlikelihood'],
    residualImpact: ['residualimpact', 'targetimpact'],
    residualScore: ['residualscore', 'targetscore'],
    residualLevel: ['residuallevel', 'residualrisk', 'residualrisklevel', 'targetlevel', 'targetresiduallevel'],
    aboveAppetite: ['aboveappetite'],
    acceptance: ['acceptance', 'acceptancestatus'],
    acceptedBy: ['acceptedby', 'riskacceptedby', 'approvedby'],
    acceptedUntil: ['accepteduntil', 'acceptanceexpiry', 'acceptanceexpires', 'acceptancevaliduntil'],
    status: ['status', 'riskstatus', 'state', 'progress'],
    reviewed: ['reviewed', 'lastreviewed', 'reviewdate', 'lastreview', 'lastreviewdate']
};

/** Our own export's columns that say nothing a model needs: where the risk was written. */
const IGNORED = ['file', 'line'];

export function normaliseHeader(header: string): string {
    return header.toLowerCase().replace(/\(.*?\)/g, '').replace(/[^a-z0-9]/g, '');
}

const FIELD_BY_HEADER: ReadonlyMap<string, ImportField> = new Map([
    ...Object.entries(SYNONYMS).flatMap(([field, names]) => names.map(name => [name, field as ImportField] as const)),
    ...IGNORED.map(name => [name, 'ignore' as const] as const)
]);

export function fieldOfHeader(header: string): ImportField | undefined {
    return FIELD_BY_HEADER.get(normaliseHeader(header));
}

export interface HeaderMatch {
    /** 0-based index of the header row. */
    readonly row: number;
    /** Field -> 0-based column. */
    readonly columns: ReadonlyMap<ImportField, number>;
    /** Headers that matched no field: left out of the import. */
    readonly unknown: ReadonlyArray<{ readonly header: string; readonly column: number }>;
}

/** How far down a header row is looked for: titles and notes often sit above it. */
const HEADER_SEARCH_ROWS = 20;

/**
 * The header row: the first of the top rows with an ID column and at least one more
 * known column, once `map` (header text -> field) has been applied.
 */
export function findHeader(rows: ReadonlyArray<readonly RawValue[]>, map: ReadonlyMap<string, ImportField>): HeaderMatch {
    const mapped = new Map([...map].map(([header, field]) => [normaliseHeader(header), field]));
    for (let row = 0; row < Math.min(rows.length, HEADER_SEARCH_ROWS); row++) {
        const columns = new Map<ImportField, number>();
        const unknown: Array<{ header: string; column: number }> = [];
        rows[row].forEach((cell, column) => {
            if (typeof cell !== 'string') {
                return;
            }
            const field = mapped.get(normaliseHeader(cell)) ?? fieldOfHeader(cell);
            if (field && !columns.has(field)) {
                columns.set(field, column);
            } else if (!field) {
                unknown.push({ header: cell.trim(), column });
            }
        });
        if (columns.has('id') && columns.size >= 2) {
            const unmatched = [...mapped.keys()].filter(header => !rows[row].some(cell => typeof cell === 'string' && normaliseHeader(cell) === header));
            if (unmatched.length > 0) {
                throw new ImportError(`--map names ${unmatched.map(header => `'${header}'`).join(', ')}, but the header row (row ${row + 1}) has no such column`);
            }
            return { row, columns, unknown };
        }
    }
    throw new ImportError(`no header row found in the first ${HEADER_SEARCH_ROWS} rows: a register needs a row of column names with an ID column (such as 'Risk ID') and columns such as 'Risk Description', 'Likelihood', 'Impact'. Name other columns with --map "Your column=field" (fields: ${IMPORT_FIELDS.join(', ')})`);
}
