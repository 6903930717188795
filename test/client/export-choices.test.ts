/**
 * What the export commands offer (client/commands/export-choices.ts): the commands
 * package.json contributes, the formats, default file names, refused targets, params.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { defaultFileName, EXPORT_COMMANDS, exportedMessage, exportParams, FORMAT_CHOICES, isRiskFile, riskTargetMessage } from '../../client/commands/export-choices.js';
import { ExportParamsSchema } from '../../language/lsp/requests/export-request.js';

const [register, plan, soa] = EXPORT_COMMANDS;
const [csv, md, json] = FORMAT_CHOICES;

test('three commands, one per export, and three formats with descriptions', () => {
    expect(EXPORT_COMMANDS.map(command => [command.command, command.kind])).toEqual([
        ['risk.exportRegister', 'register'], ['risk.exportPlan', 'plan'], ['risk.exportSoa', 'soa']
    ]);
    expect(FORMAT_CHOICES.map(choice => [choice.label, choice.format, choice.extension])).toEqual([
        ['CSV', 'csv', 'csv'], ['Markdown', 'md', 'md'], ['JSON', 'json', 'json']
    ]);
    expect(FORMAT_CHOICES.every(choice => choice.description.length > 10)).toBe(true);
});

test('package.json contributes each command the extension registers', () => {
    const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { contributes?: { commands?: Array<{ command: string }> } };
    const contributed = (pkg.contributes?.commands ?? []).map(command => command.command);
    expect(contributed).toEqual(expect.arrayContaining([...EXPORT_COMMANDS.map(command => command.command), 'risk.showRiskMatrix']));
});

test('default file names', () => {
    expect(defaultFileName(register, csv)).toBe('risk-register.csv');
    expect(defaultFileName(plan, md)).toBe('risk-treatment-plan.md');
    expect(defaultFileName(soa, json)).toBe('statement-of-applicability.json');
});

test('a .risk target is refused, in any case', () => {
    expect(isRiskFile('/models/acme/risks.risk')).toBe(true);
    expect(isRiskFile('C:/models/RISKS.RISK')).toBe(true);
    expect(isRiskFile('/models/acme/register.csv')).toBe(false);
    expect(isRiskFile('/models/acme/risk')).toBe(false);
    expect(isRiskFile('/models/acme/file.risk.md')).toBe(false);
    expect(riskTargetMessage(register, 'cyber.risk')).toBe('Risk: risk register not exported: cyber.risk is a .risk file, and an export written there would become part of the model. Choose a file ending in .csv, .md or .json.');
});

test('the params: the byte-order mark goes with CSV only, and the server accepts every combination', () => {
    expect(exportParams(register, csv, true)).toEqual({ kind: 'register', format: 'csv', bom: true });
    expect(exportParams(register, csv, false)).toEqual({ kind: 'register', format: 'csv', bom: false });
    expect(exportParams(plan, md, true)).toEqual({ kind: 'plan', format: 'md' });
    for (const command of EXPORT_COMMANDS) {
        for (const choice of FORMAT_CHOICES) {
            expect(ExportParamsSchema.safeParse(exportParams(command, choice, true)).success).toBe(true);
        }
    }
});

test('the message after an export', () => {
    expect(exportedMessage(register, 14, '2026-11-23', 'risk-register.csv')).toBe('Risk: exported the risk register (14 rows, as of 2026-11-23) to risk-register.csv');
    expect(exportedMessage(plan, 1, '2026-11-23', 'plan.md')).toBe('Risk: exported the risk treatment plan (1 row, as of 2026-11-23) to plan.md');
});
