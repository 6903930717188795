import { DiagnosticTag } from 'vscode-languageserver-types';
import type { AstNode, DiagnosticInfo, ValidationAcceptor } from 'langium';
import { ISSUES, IssueCodes, type IssueCode, type IssueSeverity } from './issue-codes.js';
import { propertyRange } from './cst-properties.js';

export type ReportInfo<N extends AstNode> = Omit<DiagnosticInfo<N>, 'code'>;

/**
 * Reports a diagnostic under its stable code, with the code's severity unless the
 * rule escalates it. The code also travels in `data.code`, where code actions look.
 * A diagnostic on a property is placed here, with one short walk of the node's own
 * syntax (cst-properties.ts), rather than by Langium's slower search.
 */
export function report<N extends AstNode>(accept: ValidationAcceptor, code: IssueCode, message: string, info: ReportInfo<N>, severity: IssueSeverity = ISSUES[code].severity): void {
    const range = info.range ?? (typeof info.property === 'string' ? propertyRange(info.node, info.property, info.index) : undefined);
    accept(severity, message, {
        ...info,
        range,
        code,
        data: { ...(info.data as object | undefined), code },
        tags: code === IssueCodes.Unused ? [DiagnosticTag.Unnecessary] : info.tags
    });
}
