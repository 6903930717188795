/** Input `index` of a run with `seed`: half mutations of the seed models, half generated models. */
import { seedModels, type ModelFiles } from './corpus.js';
import { generateModel } from './generate.js';
import { mutate } from './mutate.js';
import { Random } from './random.js';

export interface FuzzInput {
    readonly index: number;
    readonly files: ModelFiles;
    /** How it was made: the seed model and its mutations, or "generated". */
    readonly description: string;
}

export function fuzzInput(seed: number, index: number): FuzzInput {
    const random = Random.forInput(seed, index);
    if (index % 2 === 1) {
        return { index, files: generateModel(random), description: 'generated' };
    }
    const { files, description } = mutate(random.pick(seedModels()), random);
    return { index, files, description };
}
