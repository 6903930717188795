/**
 * Parser error recovery with a bound. Inside a repeated part of a block (the properties
 * of a `risk`, the lines of a `method`), Chevrotain recovers from a stray token by
 * skipping to the next token that can start an iteration and calling the repetition
 * again: once per recovered iteration, one stack frame deeper each time. A block of
 * 2,000 lines with a stray string each overflowed the stack and took the build down;
 * 500 took seconds. Past a depth of MAX_NESTED_RECOVERIES the repetition stops
 * recovering, and the block's own recovery (skip to what may follow it) takes over:
 * the rest of that block reports one syntax error instead of one per line.
 */
import { createCompletionParser, type AbstractLangiumParser, type LangiumCompletionParser, type LangiumCoreServices } from 'langium';

export const MAX_NESTED_RECOVERIES = 50;

type RecoveryAttempt = (this: unknown, ...args: unknown[]) => void;

/** The parser's Chevrotain engine, which Langium keeps to itself. */
interface RecoveringEngine {
    attemptInRepetitionRecovery: RecoveryAttempt;
}

export function boundRepetitionRecovery<P extends AbstractLangiumParser>(parser: P): P {
    const engine = (parser as unknown as { wrapper: RecoveringEngine }).wrapper;
    const attempt = engine.attemptInRepetitionRecovery;
    let depth = 0;
    engine.attemptInRepetitionRecovery = function (this: unknown, ...args: unknown[]): void {
        if (depth >= MAX_NESTED_RECOVERIES) {
            return;
        }
        depth++;
        try {
            attempt.apply(this, args);
        } finally {
            depth--;
        }
    };
    return parser;
}

/** Langium's parser for completion (it parses the text up to the cursor), with bounded recovery. */
export function createBoundedRecoveryCompletionParser(services: LangiumCoreServices): LangiumCompletionParser {
    return boundRepetitionRecovery(createCompletionParser(services));
}
