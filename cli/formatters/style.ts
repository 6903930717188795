/** ANSI styles for the pretty output; the identity when colour is off. */
export type Style = 'bold' | 'dim' | 'red' | 'yellow' | 'cyan' | 'gray';

const CODES: Readonly<Record<Style, readonly [number, number]>> = {
    bold: [1, 22],
    dim: [2, 22],
    red: [31, 39],
    yellow: [33, 39],
    cyan: [36, 39],
    gray: [90, 39]
};

export type Styler = (text: string, ...styles: Style[]) => string;

export function createStyler(color: boolean): Styler {
    if (!color) {
        return text => text;
    }
    return (text, ...styles) => styles.reduce((styled, style) => `\u001b[${CODES[style][0]}m${styled}\u001b[${CODES[style][1]}m`, text);
}

/**
 * Colour only on a terminal, and never when NO_COLOR is set to a non-empty value
 * (https://no-color.org).
 */
export function shouldColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
    return stream.isTTY === true && !env.NO_COLOR;
}
