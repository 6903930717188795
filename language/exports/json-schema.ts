/**
 * The JSON export's shape as zod schemas, for tools that read it and for the tests
 * that check it. Objects are strict: a key that is not documented fails.
 */
import { z } from 'zod';
import { ACCEPTANCE_STATUSES } from './acceptance.js';

const id = z.string().min(1);
const ids = z.array(id);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const scaleValue = z.strictObject({ value: z.number().int(), name: z.string() });
const option = z.enum(['reduce', 'accept', 'share', 'avoid', 'defer']);

export const registerRowSchema = z.strictObject({
    id, title: z.string(), consequence: z.string().nullable(), scope: id.nullable(), owner: id.nullable(), threat: ids,
    vulnerabilities: ids, assets: ids, harms: ids, affects: z.array(z.enum(['confidentiality', 'integrity', 'availability'])),
    likelihood: scaleValue.nullable(), impact: scaleValue.nullable(), score: z.number().nullable(), level: z.string().nullable(),
    existingControls: ids,
    treatment: z.array(z.strictObject({ option, with: z.string().nullable(), until: z.string().nullable(), reason: z.string().nullable() })),
    actions: ids,
    residualLikelihood: scaleValue.nullable(), residualImpact: scaleValue.nullable(),
    residualScore: z.number().nullable(), residualLevel: z.string().nullable(),
    aboveAppetite: z.boolean().nullable(),
    acceptance: z.enum(ACCEPTANCE_STATUSES as [string, ...string[]]).nullable(),
    acceptedBy: id.nullable(), acceptedUntil: date.nullable(),
    status: z.enum(['identified', 'assessed', 'treating', 'accepted', 'closed']).nullable(),
    reviewed: z.string().nullable(),
    tags: z.array(z.string()),
    file: z.string(), line: z.number().int().positive().nullable()
});

export const planRowSchema = z.strictObject({
    action: id.nullable(), risk: id, riskTitle: z.string(), level: z.string().nullable(), option,
    actionTitle: z.string().nullable(), owner: id.nullable(), due: z.string().nullable(),
    status: z.enum(['planned', 'in-progress', 'done', 'cancelled']).nullable(), completed: z.string().nullable(),
    overdue: z.boolean().nullable(), controls: ids, targetResidualLevel: z.string().nullable()
});

export const soaRowSchema = z.strictObject({
    id: z.string().regex(/^A\.[5-8]\.\d+$/), title: z.string(),
    theme: z.enum(['Organizational', 'People', 'Physical', 'Technological']),
    applicable: z.boolean(),
    decision: z.enum(['included', 'excluded', 'undecided']),
    implementation: z.enum(['implemented', 'partial', 'planned', 'unknown']).nullable(),
    ownControls: z.array(z.strictObject({ id, status: z.enum(['planned', 'partial', 'implemented']).nullable() })),
    risks: ids, actions: ids, justification: z.string()
});

const count = z.number().int().nonnegative();

const actionSummary = z.strictObject({
    total: count, planned: count, inProgress: count, done: count, cancelled: count,
    overdue: ids, scheduled: count, onTime: count, completionUnknown: count
});

export const registerSummarySchema = z.strictObject({
    risks: count,
    appetite: z.string().nullable(),
    levels: z.array(z.strictObject({ level: z.string(), inherent: count, residual: count })),
    notAssessed: z.strictObject({ inherent: count, residual: count }),
    aboveAppetite: ids,
    unaccepted: ids,
    expiringAcceptances: z.array(z.strictObject({ risk: id, until: date, daysLeft: count })),
    actions: actionSummary
});

export const planSummarySchema = z.strictObject({
    risksTreated: count,
    options: z.array(z.strictObject({ option, risks: count })),
    risksWithoutActions: ids,
    actions: actionSummary,
    dueSoon: z.array(z.strictObject({ action: id, due: date }))
});

export const soaSummarySchema = z.strictObject({
    themes: z.array(z.strictObject({
        theme: z.enum(['Organizational', 'People', 'Physical', 'Technological', 'Total']),
        controls: count, applicable: count, notApplicable: count, excluded: count, undecided: count, implemented: count, partial: count, planned: count, unknown: count
    })),
    ownControls: z.strictObject({ total: count, implemented: count, partial: count, planned: count, noStatus: count })
});

const header = { version: z.literal(2), asOf: date, model: z.string().nullable(), title: z.string() };

export const exportJsonSchema = z.discriminatedUnion('kind', [
    z.strictObject({ ...header, kind: z.literal('register'), summary: registerSummarySchema, rows: z.array(registerRowSchema) }),
    z.strictObject({ ...header, kind: z.literal('plan'), summary: planSummarySchema, rows: z.array(planRowSchema) }),
    z.strictObject({ ...header, kind: z.literal('soa'), summary: soaSummarySchema, rows: z.array(soaRowSchema) })
]);

export type ExportJsonDocument = z.infer<typeof exportJsonSchema>;
