import { describe, expect, test } from 'vitest';
import { escapeData, escapeProperty } from '../../cli/formatters/github.js';

describe('GitHub workflow command escaping (as @actions/core escapes)', () => {
    test('data: % CR LF', () => {
        expect(escapeData('50% done\r\nnext line')).toBe('50%25 done%0D%0Anext line');
    });

    test('properties: also : and ,', () => {
        expect(escapeProperty('odd,name:50%.risk\n')).toBe('odd%2Cname%3A50%25.risk%0A');
    });
});
