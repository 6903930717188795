/**
 * The services one fuzz input runs on. Everything that holds the state of a workspace is
 * new for each input: documents, index, linker, scopes, validation, evaluation, settings
 * and every provider. What is made from the grammar alone is made once per process and
 * reused: the lexer, the parser and the completion parser. Making them is Chevrotain's
 * analysis of the grammar, which took 36% of an input's time.
 *
 * Why nothing leaks from one input to the next through them:
 * - the lexer keeps nothing between calls;
 * - the parsers keep the state of one parse (Langium's stack of nodes and syntax tree
 *   under construction, Chevrotain's tokens, errors and rule stack) and set it anew when
 *   the next parse starts; a parser whose parse threw may be left in the middle of one,
 *   so after an exception all three are dropped and the next input makes new ones;
 * - the one part of a workspace a parse reaches is the linker, which makes each
 *   reference: an input's parser is a view of the shared one that parses with the
 *   input's own linker. The value converter and the AST reflection it also uses know the
 *   grammar and nothing else.
 *
 * test/fuzz/fuzz-services.test.ts builds inputs with these services, one after the
 * other, and with entirely new services, and finds the same models.
 */
import { EmptyFileSystem, type LangiumCompletionParser, type LangiumParser, type Lexer, type Linker } from 'langium';
import { createRiskServices, type RiskServices } from '../../language/risk-module.js';

interface GrammarParsers {
    readonly lexer: Lexer;
    readonly parser: LangiumParser;
    readonly completionParser: LangiumCompletionParser;
}

let current: GrammarParsers | undefined;

function grammarParsers(): GrammarParsers {
    if (!current) {
        const { Risk } = createRiskServices(EmptyFileSystem);
        current = { lexer: Risk.parser.Lexer, parser: Risk.parser.LangiumParser, completionParser: Risk.parser.CompletionParser };
    }
    return current;
}

/** New services for one input, on the parsers of this process. */
export function createFuzzServices(): { shared: RiskServices['shared']; Risk: RiskServices } {
    const parsers = grammarParsers();
    return createRiskServices(EmptyFileSystem, {
        override: {
            parser: {
                Lexer: () => parsers.lexer,
                LangiumParser: services => parserWithLinkerOf(parsers, services),
                CompletionParser: () => guarded(parsers, parsers.completionParser)
            }
        }
    });
}

/** The shared parser, parsing with the linker of `services`. */
function parserWithLinkerOf(parsers: GrammarParsers, services: RiskServices): LangiumParser {
    const shared = parsers.parser as unknown as { linker: Linker };
    return new Proxy(parsers.parser, {
        get(target, key) {
            if (key !== 'parse') {
                return Reflect.get(target, key);
            }
            return (...args: Parameters<LangiumParser['parse']>) => {
                const linker = shared.linker;
                shared.linker = services.references.Linker;
                try {
                    return parseOrDrop(parsers, () => target.parse(...args));
                } finally {
                    shared.linker = linker;
                }
            };
        }
    });
}

function guarded(parsers: GrammarParsers, parser: LangiumCompletionParser): LangiumCompletionParser {
    return new Proxy(parser, {
        get: (target, key) => key === 'parse' ? (input: string) => parseOrDrop(parsers, () => target.parse(input)) : Reflect.get(target, key)
    });
}

function parseOrDrop<T>(parsers: GrammarParsers, parse: () => T): T {
    try {
        return parse();
    } catch (error) {
        if (current === parsers) {
            current = undefined;
        }
        throw error;
    }
}
