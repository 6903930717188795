/** What the status bar item lists when clicked: the unaccepted residual risks, in file and line order. */
import { describe, expect, test } from 'vitest';
import { unacceptedRisks, type DiagnosticLike } from '../../client/unaccepted-risks.js';

const at = (line: number, character = 5) => ({ start: { line, character } });

describe('unacceptedRisks', () => {
    test('one entry per unaccepted-residual error, with the risk ID, the reason and the place', () => {
        const files: Array<readonly [string, DiagnosticLike[]]> = [
            ['file:///m/risks/b.risk', [
                { message: 'R-010 residual High (9) is above appetite Moderate and has no valid acceptance: add an acceptance by a management role, or reduce the risk.', code: { value: 'unaccepted-residual' }, range: at(11) },
                { message: 'R-010 has no owner', code: { value: 'missing-owner' }, range: at(11) }
            ]],
            ['file:///m/risks/a.risk', [
                { message: 'R-002 residual High (6) is above appetite Moderate and has no valid acceptance: reduce it.', code: 'unaccepted-residual', range: at(2) },
                { message: 'R-001 residual High (6) is above appetite Moderate and has no valid acceptance: reduce it.', code: 'unaccepted-residual', range: at(10, 0) }
            ]]
        ];
        const risks = unacceptedRisks(files, uri => uri.replace('file:///m/', ''));
        expect(risks.map(risk => [risk.label, risk.description])).toEqual([
            ['R-002', 'risks/a.risk:3'],
            ['R-001', 'risks/a.risk:11'],
            ['R-010', 'risks/b.risk:12']
        ]);
        expect(risks[2]).toMatchObject({
            detail: 'residual High (9) is above appetite Moderate and has no valid acceptance: add an acceptance by a management role, or reduce the risk.',
            uri: 'file:///m/risks/b.risk',
            line: 11,
            character: 5
        });
    });

    test('none without unaccepted-residual errors', () => {
        expect(unacceptedRisks([['file:///m/a.risk', [{ message: 'x', code: 'unused', range: at(0) }]]], uri => uri)).toEqual([]);
    });
});
