/**
 * The command line of `npm run fuzz` (test/fuzz/main.ts): each option once, with its
 * argument, default and meaning, from which both the parser and `--help` are made, so the
 * help cannot drift from what is accepted. docs/robustness.md ("Running it") has the same table.
 */
import { parseArgs } from 'node:util';
import { REPRODUCERS_DIR } from './reproducers.js';

export interface Settings {
    readonly inputs: number;
    readonly seed: number;
    readonly from: number;
    readonly only?: number;
    /** Undefined: time is not checked (`--time-limit none`, as `npm test` runs it). */
    readonly timeLimitMs: number | undefined;
    readonly shrink: boolean;
    readonly reproducers: string;
    readonly profile: boolean;
    readonly jobs: number;
    /** Stop taking new inputs after this many minutes (a run sized to the time there is). */
    readonly maxMinutes?: number;
}

interface OptionSpec {
    /** The argument's placeholder; none for a flag. */
    readonly argument?: string;
    readonly default?: string;
    readonly short?: string;
    readonly meaning: string;
}

const OPTIONS = {
    inputs: { argument: 'N', default: '1000', meaning: 'how many inputs to run' },
    seed: { argument: 'S', default: '1', meaning: 'the seed; the same seed gives the same inputs on every machine' },
    from: { argument: 'N', default: '0', meaning: 'the number of the first input' },
    only: { argument: 'N', meaning: 'run input N alone and print it' },
    'time-limit': { argument: 'MS|none', default: '2000', meaning: 'CPU milliseconds a step may take before it counts as slow; none checks no time' },
    'no-shrink': { meaning: 'report failures without shrinking them to reproducers' },
    reproducers: { argument: 'DIR', default: REPRODUCERS_DIR, meaning: 'where the reproducers of new failures are written' },
    jobs: { argument: 'N', default: '1', meaning: 'child processes running inputs side by side' },
    profile: { meaning: 'print the CPU time spent in each kind of step' },
    'max-minutes': { argument: 'M', meaning: 'stop taking new inputs after M minutes: a run sized to the time there is' },
    help: { short: 'h', meaning: 'print this help and exit' }
} as const satisfies Record<string, OptionSpec>;

export type FuzzCommand = { readonly kind: 'help' } | { readonly kind: 'run'; readonly settings: Settings };

/** `npm run fuzz -- --help`: what the harness does, then one line per option. */
export function usage(): string {
    const entries = Object.entries(OPTIONS) as Array<[string, OptionSpec]>;
    const heads = entries.map(([name, spec]) => `${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.argument ? ` ${spec.argument}` : ''}`);
    const width = Math.max(...heads.map(head => head.length));
    const lines = entries.map(([, spec], index) => `  ${heads[index].padEnd(width)}  ${spec.meaning}${spec.default === undefined ? '' : ` (default ${spec.default})`}`);
    return [
        'usage: npm run fuzz -- [options]',
        '',
        'Runs generated and mutated .risk models through the language server\'s requests and',
        'reports crashes, hangs and slow steps; each new failure is shrunk to a reproducer.',
        'Exit code 0: no failures; 1: failures; 2: bad arguments. See docs/robustness.md.',
        '',
        'options:',
        ...lines
    ].join('\n');
}

/** The command the arguments ask for; an Error saying what is wrong with them otherwise. */
export function parseFuzzArguments(args: readonly string[]): FuzzCommand {
    const { values } = parseArgs({
        args: [...args],
        options: Object.fromEntries((Object.entries(OPTIONS) as Array<[string, OptionSpec]>).map(([name, spec]) => [name, {
            type: spec.argument ? 'string' : 'boolean',
            ...(spec.short ? { short: spec.short } : {})
        } as const]))
    });
    if (values.help === true) {
        return { kind: 'help' };
    }
    const text = (name: keyof typeof OPTIONS): string | undefined => {
        const value = values[name] ?? (OPTIONS[name] as OptionSpec).default;
        return typeof value === 'string' ? value : undefined;
    };
    const count = (name: keyof typeof OPTIONS): number | undefined => {
        const value = text(name);
        if (value === undefined) {
            return undefined;
        }
        if (!/^\d+$/.test(value)) {
            throw new Error(`--${name} takes a whole number, not "${value}"`);
        }
        return Number(value);
    };
    return {
        kind: 'run',
        settings: {
            inputs: count('inputs')!,
            seed: count('seed')!,
            from: count('from')!,
            only: count('only'),
            timeLimitMs: text('time-limit') === 'none' ? undefined : count('time-limit'),
            shrink: values['no-shrink'] !== true,
            reproducers: text('reproducers')!,
            profile: values.profile === true,
            jobs: Math.max(1, count('jobs')!),
            maxMinutes: count('max-minutes')
        }
    };
}
