/** How a .risk file's bytes become text: UTF-8, BOMs, UTF-16, and where the first bad byte is. */
import { describe, expect, test } from 'vitest';
import { decodeRiskFile, editorEncodingMessage, encodingProblemMessage } from '../../../language/workspace/file-encoding.js';

const bytes = (...parts: Array<string | readonly number[]>) => Buffer.concat(parts.map(part => typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part)));

describe('decodeRiskFile', () => {
    test('UTF-8 is read as it is, with no problem', () => {
        expect(decodeRiskFile(bytes('scope S "Zürich — 日本 🔐"\n'))).toEqual({ text: 'scope S "Zürich — 日本 🔐"\n' });
    });

    test('a UTF-8 byte order mark is accepted and dropped', () => {
        expect(decodeRiskFile(bytes([0xef, 0xbb, 0xbf], 'role A "Ä"\n'))).toEqual({ text: 'role A "Ä"\n' });
    });

    test.each([
        ['UTF-16LE', [0xff, 0xfe], 'utf16le'],
        ['UTF-16BE', [0xfe, 0xff], 'utf16be']
    ] as const)('%s with a byte order mark is read as UTF-16', (_name, bom, encoding) => {
        const text = 'role A "Zürich 🔐"\r\nrole B "B"\r\n';
        const body = encoding === 'utf16le' ? Buffer.from(text, 'utf16le') : Buffer.from(text, 'utf16le').swap16();
        expect(decodeRiskFile(bytes(bom, [...body]))).toEqual({ text });
    });

    test('Latin-1: the first bad byte is the problem, on its line; the text reads as Windows-1252, without �', () => {
        const decoded = decodeRiskFile(bytes('role A "A"\nrole B "B"\nscope S "Caf', [0xe9], ' ', [0x80], ' ', [0x93, 0x71, 0x94], '"\n'));
        expect(decoded.text).toBe('role A "A"\nrole B "B"\nscope S "Café € “q”"\n');
        expect(decoded.problem).toEqual({ line: 2, character: 12, byte: 0xe9, encoding: 'UTF-8' });
        expect(encodingProblemMessage(decoded.problem!)).toBe('Line 3, byte 0xE9: the file is not UTF-8; save it as UTF-8. Until then, bytes that are not UTF-8 are read as Windows-1252 (0xE9 as `é`), which may not be what was meant.');
    });

    test.each([
        ['a lone continuation byte', [0x80], 1],
        ['a truncated sequence', [0xc3], 1],
        ['an overlong encoding of /', [0xc0, 0xaf], 2],
        ['a UTF-16 surrogate written as UTF-8', [0xed, 0xa0, 0x80], 3],
        ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 4],
        ['0xFF', [0xff], 1]
    ])('%s is not UTF-8, and its bytes never become �', (_name, bad, count) => {
        const decoded = decodeRiskFile(bytes('ok ', bad, ' ok'));
        expect(decoded.problem).toMatchObject({ line: 0, character: 3, byte: bad[0] });
        expect(decoded.text).not.toContain('\uFFFD');
        expect(decoded.text).toHaveLength(3 + count + 3);
    });

    test('lines count CR, LF and CRLF as LSP does', () => {
        expect(decodeRiskFile(bytes('a\r\nb\rc\nd ', [0xe9])).problem).toMatchObject({ line: 3, character: 2 });
    });

    test('a UTF-16 file that breaks off in a character names UTF-16', () => {
        const decoded = decodeRiskFile(bytes([0xff, 0xfe], [...Buffer.from('role A\n', 'utf16le')], [0x3d, 0xd8]));
        expect(decoded.problem).toMatchObject({ line: 1, character: 0, encoding: 'UTF-16LE' });
        expect(encodingProblemMessage(decoded.problem!)).toMatch(/^Line 2, byte 0x[0-9A-F]{2}: the file starts with a UTF-16LE byte order mark but is not valid UTF-16LE from here on; save it as UTF-8\.$/);
    });

    test('the message for a file the editor holds asks to reopen it with its encoding', () => {
        expect(editorEncodingMessage({ line: 2, character: 12, byte: 0xe9, encoding: 'UTF-8' })).toBe('The file on disk is not UTF-8 (line 3, byte 0xE9), and the editor shows its bad bytes as `\uFFFD`: reopen it with the encoding it was written in (Reopen with Encoding), then save it as UTF-8 (Save with Encoding).');
    });
});
