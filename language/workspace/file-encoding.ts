/**
 * How a `.risk` file's bytes become text. Model files are UTF-8; a UTF-8 byte order
 * mark is accepted and dropped, and a file with a UTF-16 byte order mark (what
 * Windows PowerShell 5 and Notepad's "Unicode" write) is read as UTF-16. Any other
 * byte that is not UTF-8 is an encoding problem, reported at the first such byte.
 * The file is still read, those bytes as Windows-1252 (the usual other encoding of
 * such files: `0xE9` is `é`), so that the rest of the model checks and no `�` reaches
 * an export; the problem stays an error until the file is saved as UTF-8.
 */
import { TextDocument } from 'langium';

export interface EncodingProblem {
    /** 0-based position of the first offending character in the decoded text. */
    readonly line: number;
    readonly character: number;
    /** The first byte that is not valid in the file's encoding. */
    readonly byte: number;
    /** The encoding the file was expected to be in. */
    readonly encoding: 'UTF-8' | 'UTF-16LE' | 'UTF-16BE';
}

export interface DecodedFile {
    readonly text: string;
    readonly problem?: EncodingProblem;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

export function decodeRiskFile(bytes: Uint8Array): DecodedFile {
    if (startsWith(bytes, [0xff, 0xfe])) {
        return decodeUtf16(bytes.subarray(2), 'UTF-16LE');
    }
    if (startsWith(bytes, [0xfe, 0xff])) {
        return decodeUtf16(bytes.subarray(2), 'UTF-16BE');
    }
    const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(3) : bytes;
    try {
        return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body) };
    } catch {
        return decodeUtf8WithFallback(body);
    }
}

function decodeUtf16(body: Uint8Array, encoding: 'UTF-16LE' | 'UTF-16BE'): DecodedFile {
    const label = encoding === 'UTF-16LE' ? 'utf-16le' : 'utf-16be';
    try {
        return { text: new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(body) };
    } catch {
        // A lone surrogate or an odd byte at the end: say where, keep the rest.
        const text = new TextDecoder(label, { ignoreBOM: true }).decode(body);
        const offset = text.indexOf('\uFFFD');
        const unit = Math.min(offset * 2, body.length - 1);
        return { text, problem: { ...positionIn(text, offset), byte: body[encoding === 'UTF-16LE' ? unit + 1 : unit] ?? body[unit], encoding } };
    }
}

const windows1252 = new TextDecoder('windows-1252');

/** Valid sequences as UTF-8, every other byte as Windows-1252; the first bad byte is the problem. */
function decodeUtf8WithFallback(body: Uint8Array): DecodedFile {
    const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
    let text = '';
    let problem: { offset: number; byte: number } | undefined;
    let start = 0;
    let index = 0;
    while (index < body.length) {
        const length = utf8SequenceLength(body, index);
        if (length > 0) {
            index += length;
            continue;
        }
        text += utf8.decode(body.subarray(start, index));
        problem ??= { offset: text.length, byte: body[index] };
        text += windows1252.decode(body.subarray(index, index + 1));
        index += 1;
        start = index;
    }
    text += utf8.decode(body.subarray(start));
    return problem ? { text, problem: { ...positionIn(text, problem.offset), byte: problem.byte, encoding: 'UTF-8' } } : { text };
}

/** The length of the well-formed UTF-8 sequence at `index` (Unicode table 3-7), or 0. */
function utf8SequenceLength(bytes: Uint8Array, index: number): number {
    const first = bytes[index];
    if (first < 0x80) return 1;
    const continuation = (offset: number, low = 0x80, high = 0xbf) => {
        const byte = bytes[index + offset];
        return byte !== undefined && byte >= low && byte <= high;
    };
    if (first >= 0xc2 && first <= 0xdf) return continuation(1) ? 2 : 0;
    if (first >= 0xe0 && first <= 0xef) {
        const [low, high] = first === 0xe0 ? [0xa0, 0xbf] : first === 0xed ? [0x80, 0x9f] : [0x80, 0xbf];
        return continuation(1, low, high) && continuation(2) ? 3 : 0;
    }
    if (first >= 0xf0 && first <= 0xf4) {
        const [low, high] = first === 0xf0 ? [0x90, 0xbf] : first === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
        return continuation(1, low, high) && continuation(2) && continuation(3) ? 4 : 0;
    }
    return 0;
}

/** Line and character as LSP counts them (CR, LF and CRLF end a line). */
function positionIn(text: string, offset: number): { line: number; character: number } {
    return TextDocument.create('file:///encoding', 'risk', 0, text).positionAt(Math.max(0, offset));
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
    return prefix.every((byte, index) => bytes[index] === byte);
}

/** `Line 3, byte 0xE9: the file is not UTF-8; save it as UTF-8. …` */
export function encodingProblemMessage(problem: EncodingProblem): string {
    const hex = byteHex(problem.byte);
    const where = `Line ${problem.line + 1}, byte ${hex}`;
    if (problem.encoding !== 'UTF-8') {
        return `${where}: the file starts with a ${problem.encoding} byte order mark but is not valid ${problem.encoding} from here on; save it as UTF-8.`;
    }
    const shown = windows1252.decode(Uint8Array.of(problem.byte));
    return `${where}: the file is not UTF-8; save it as UTF-8. Until then, bytes that are not UTF-8 are read as Windows-1252 (${hex} as \`${shown}\`), which may not be what was meant.`;
}

/** For a file open in the editor, which decoded it its own way and shows the bad bytes as `�`. */
export function editorEncodingMessage(problem: EncodingProblem): string {
    return `The file on disk is not ${problem.encoding} (line ${problem.line + 1}, byte ${byteHex(problem.byte)}), and the editor shows its bad bytes as \`\uFFFD\`: reopen it with the encoding it was written in (Reopen with Encoding), then save it as UTF-8 (Save with Encoding).`;
}

function byteHex(byte: number): string {
    return `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
}
