/**
 * A generator of random but plausible models, written from the grammar (language/risk.langium):
 * every declaration, block and property, scales that are odd (empty, gapped, unordered,
 * duplicated, huge), score and matrix methods, references across files, duplicate IDs and
 * cycles. Most of what it writes parses; what it means is anybody's guess, which is the point.
 */
import type { ModelFiles } from './corpus.js';
import { HUGE_NUMBERS, ODD_DATES } from './mutate.js';
import type { Random } from './random.js';

const DURATION_UNITS = ['day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years'];
const CATEGORIES = ['primary information', 'primary process', 'primary service', 'supporting system', 'supporting software', 'supporting hardware',
    'supporting network', 'supporting people', 'supporting site', 'supporting supplier'];
const ANNEX = ['A.5.1', 'A.5.15', 'A.5.23', 'A.6.3', 'A.7.4', 'A.8.5', 'A.8.13', 'A.8.24', 'A.8.34', 'A.9.4.2', 'A.5.99', 'A.0.0'];
const LEVEL_NAMES = ['Low', 'Moderate', 'High', 'Critical', 'VeryLow', 'Extreme', 'Medium'];
const SCALE_NAMES = ['Rare', 'Possible', 'Likely', 'Certain', 'Minor', 'Noticeable', 'Severe', 'Catastrophic', 'Unlikely', 'Almost-certain'];
const WORDS = ['Customer', 'data', 'leak', 'ransomware', 'on', 'the', 'build', 'server', 'phishing', 'of', 'admins', 'supplier', 'outage', 'é', '\\"quoted\\"', '=SUM(A1)', '+1', '-2', '@cmd', ' ', '\\t'];

interface Names {
    roles: string[];
    scopes: string[];
    assets: string[];
    threats: string[];
    vulnerabilities: string[];
    controls: string[];
    levels: string[];
    likelihood: string[];
    impact: string[];
}

class ModelWriter {
    private readonly names: Names = { roles: [], scopes: [], assets: [], threats: [], vulnerabilities: [], controls: [], levels: [], likelihood: [], impact: [] };
    private counter = 0;

    constructor(private readonly random: Random) {}

    /** Declarations, each a block of text, to be spread over files. */
    declarations(): string[] {
        const random = this.random;
        const blocks: string[] = [];
        const methods = random.pick([1, 1, 1, 1, 0, 2]);
        for (let index = 0; index < methods; index++) {
            blocks.push(this.method());
        }
        const count = (max: number) => random.int(max + 1);
        for (let index = 0, total = count(3) + 1; index < total; index++) blocks.push(this.role());
        for (let index = 0, total = count(2); index < total; index++) blocks.push(this.scope());
        for (let index = 0, total = count(5); index < total; index++) blocks.push(this.asset());
        for (let index = 0, total = count(3); index < total; index++) blocks.push(this.threat());
        for (let index = 0, total = count(3); index < total; index++) blocks.push(this.vulnerability());
        for (let index = 0, total = count(4); index < total; index++) blocks.push(this.control());
        for (let index = 0, total = count(6); index < total; index++) blocks.push(this.risk());
        if (random.chance(0.05)) {
            blocks.push('annex A.5.1 "A redeclared built-in" theme organizational\n');
        }
        return random.chance(0.3) ? shuffle(blocks, random) : blocks;
    }

    // ------------------------------------------------------------ names and values

    /** A new ID, or now and then one already used (a duplicate) or one never declared. */
    private id(prefix: string, used: string[]): string {
        const random = this.random;
        if (used.length > 0 && random.chance(0.04)) {
            return random.pick(used);
        }
        const name = random.chance(0.02) ? `${prefix}-${'x'.repeat(random.pick([64, 2000]))}` : `${prefix}-${++this.counter}`;
        used.push(name);
        return name;
    }

    /** A reference: mostly to something declared (maybe later, maybe in another file), sometimes dangling. */
    private ref(used: string[], fallback: string): string {
        const random = this.random;
        if (used.length === 0 || random.chance(0.06)) {
            return random.chance(0.5) ? fallback : `${fallback}-${random.int(99)}`;
        }
        return random.pick(used);
    }

    private text(): string {
        const random = this.random;
        if (random.chance(0.03)) {
            return random.pick(['""', '"\\"', '"a\\\\"', `"${'long '.repeat(2000)}"`]);
        }
        return `"${Array.from({ length: random.between(1, 6) }, () => random.pick(WORDS)).join(' ')}"`;
    }

    private number(small: number): string {
        return this.random.chance(0.04) ? this.random.pick(HUGE_NUMBERS) : String(this.random.between(0, small));
    }

    private date(): string {
        const random = this.random;
        if (random.chance(0.05)) {
            return random.pick(ODD_DATES);
        }
        const pad = (value: number) => String(value).padStart(2, '0');
        return `${random.between(2020, 2029)}-${pad(random.between(1, 12))}-${pad(random.between(1, 28))}`;
    }

    private duration(): string {
        return `${this.random.chance(0.05) ? this.random.pick(HUGE_NUMBERS) : this.random.between(0, 36)} ${this.random.pick(DURATION_UNITS)}`;
    }

    /** A scale value by number or by name, or one the scale lacks. */
    private scaleValue(names: string[], size: number): string {
        const random = this.random;
        if (random.chance(0.5) && names.length > 0) {
            return random.pick(names);
        }
        return random.chance(0.9) ? String(random.between(1, Math.max(size, 1))) : this.number(9);
    }

    private list(items: () => string, max: number): string {
        return Array.from({ length: this.random.between(1, max) }, items).join(', ');
    }

    // ------------------------------------------------------------ the method

    private method(): string {
        const random = this.random;
        const parts: string[] = [];
        const likelihoodSize = random.pick([0, 1, 2, 3, 3, 4, 5, 7]);
        const impactSize = random.pick([0, 1, 3, 3, 4, 5]);
        if (random.chance(0.95)) parts.push(this.scale('likelihood', likelihoodSize, this.names.likelihood));
        if (random.chance(0.95)) parts.push(this.scale('impact', impactSize, this.names.impact));
        if (random.chance(0.1)) parts.push(this.scale(random.pick(['likelihood', 'impact']), random.between(0, 3), []));
        const levelCount = random.pick([0, 1, 2, 3, 3, 4]);
        const levels = random.some(LEVEL_NAMES, levelCount);
        this.names.levels.push(...levels);
        const maxScore = Math.max(likelihoodSize, 1) * Math.max(impactSize, 1);
        const matrix = random.chance(0.35);
        if (!matrix || random.chance(0.1)) {
            parts.push(`  score likelihood ${random.pick(['*', '*', '+'])} impact`);
        }
        if (random.chance(0.95)) {
            parts.push(this.levels(levels, matrix ? 0 : maxScore));
        }
        if (random.chance(0.05)) {
            parts.push(this.levels(levels, maxScore)); // a second levels block
        }
        if (matrix) {
            parts.push(this.matrix(levels, likelihoodSize, impactSize));
        }
        if (random.chance(0.9)) parts.push(this.accept(levels));
        if (random.chance(0.05)) parts.push(this.accept(levels)); // a second accept block
        for (let index = 0, total = random.int(3); index < total; index++) {
            const level = random.chance(0.4) ? `${this.ref(levels, 'High')} ` : '';
            parts.push(random.chance(0.04) ? `  review ${level}every ${random.pick(DURATION_UNITS)}` : `  review ${level}every ${this.duration()}`);
        }
        return `method ${this.text()} {\n${shuffle(parts, random, 0.2).join('\n')}\n}\n`;
    }

    private scale(kind: string, size: number, names: string[]): string {
        const random = this.random;
        const values: string[] = [];
        const order = Array.from({ length: size }, (_, index) => index + 1);
        if (random.chance(0.1)) order.reverse();
        if (random.chance(0.1) && order.length > 1) order.splice(random.int(order.length), 1); // a gap
        if (random.chance(0.05) && order.length > 0) order.push(order[0]); // a duplicate value
        for (const value of order) {
            const name = random.chance(0.05) && names.length > 0 ? random.pick(names) : `${random.pick(SCALE_NAMES)}${value}`;
            names.push(name);
            const number = random.chance(0.03) ? random.pick(HUGE_NUMBERS) : String(random.chance(0.05) ? 0 : value);
            values.push(`    ${number} ${name}${random.chance(0.6) ? ` ${this.text()}` : ''}`);
        }
        return `  scale ${kind} {\n${values.join('\n')}\n  }`;
    }

    private levels(levels: string[], maxScore: number): string {
        const random = this.random;
        let next = 1;
        const rows = levels.map((name, index) => {
            const last = index === levels.length - 1;
            const width = Math.max(1, Math.ceil(maxScore / Math.max(levels.length, 1)));
            let min = next;
            let max = last ? Math.max(maxScore, next) : next + width - 1;
            if (random.chance(0.1)) min = Math.max(0, min - 1); // overlap
            if (random.chance(0.1)) max += 1; // gap or overlap with the next
            if (random.chance(0.05)) [min, max] = [max, min]; // backwards
            next = max + 1;
            const range = maxScore === 0 && random.chance(0.7) ? '' : ` ${random.chance(0.02) ? random.pick(HUGE_NUMBERS) : min}..${max}`;
            return `    ${name}${range}${random.chance(0.5) ? ` ${this.text()}` : ''}`;
        });
        return `  levels {\n${rows.join('\n')}\n  }`;
    }

    private matrix(levels: string[], likelihood: number, impact: number): string {
        const random = this.random;
        const rows: string[] = [];
        const rowCount = random.chance(0.85) ? likelihood : random.between(0, likelihood + 2);
        for (let row = rowCount; row >= 1; row--) {
            const label = random.chance(0.3) && this.names.likelihood.length > 0 ? random.pick(this.names.likelihood) : String(row);
            const width = random.chance(0.85) ? impact : random.between(0, impact + 2);
            const cells = Array.from({ length: width }, () => this.ref(levels, 'High'));
            rows.push(`    ${label}: ${cells.join(' ')}`);
        }
        return `  matrix {\n${rows.join('\n')}\n  }`;
    }

    private accept(levels: string[]): string {
        const random = this.random;
        const parts: string[] = [];
        if (random.chance(0.9)) parts.push(`appetite ${this.ref(levels, 'Moderate')}`);
        if (random.chance(0.6)) parts.push(`major ${this.ref(levels, 'High')}`);
        if (random.chance(0.6)) parts.push(`lasts ${this.duration()}`);
        if (random.chance(0.05)) parts.push(`appetite ${this.ref(levels, 'Low')}`);
        return `  accept {\n${parts.map(part => `    ${part}`).join('\n')}\n  }`;
    }

    // ------------------------------------------------------------ the other declarations

    private role(): string {
        return `role ${this.id('role', this.names.roles)} ${this.text()}${this.random.chance(0.5) ? ' management' : ''}\n`;
    }

    private scope(): string {
        const random = this.random;
        const name = this.id('scope', this.names.scopes);
        if (random.chance(0.2)) {
            return `scope ${name} ${this.text()}\n`;
        }
        const parts: string[] = [];
        if (random.chance(0.8)) parts.push(`owner ${this.ref(this.names.roles, 'ciso')}`);
        if (random.chance(0.7)) parts.push(`includes ${this.list(() => this.text(), 3)}`);
        if (random.chance(0.5)) parts.push(`excludes ${this.list(() => this.text(), 2)}`);
        if (random.chance(0.6)) parts.push(`approved by ${this.ref(this.names.roles, 'ceo')} on ${this.date()}`);
        return `scope ${name} ${this.text()} {\n${parts.map(part => `  ${part}`).join('\n')}\n}\n`;
    }

    private asset(): string {
        const random = this.random;
        const name = this.id('asset', this.names.assets);
        if (random.chance(0.15)) {
            return `asset ${name} ${this.text()}\n`;
        }
        const parts: string[] = [];
        if (random.chance(0.9)) parts.push(random.pick(CATEGORIES));
        if (random.chance(0.8)) parts.push(`owner ${this.ref(this.names.roles, 'cto')}`);
        for (const property of ['confidentiality', 'integrity', 'availability']) {
            if (random.chance(0.6)) parts.push(`${property} ${this.scaleValue(this.names.impact, 3)}`);
        }
        if (random.chance(0.5)) {
            // supports may name the asset itself or one that supports it back: a cycle.
            const candidates = random.chance(0.2) ? [name] : this.names.assets;
            parts.push(`supports ${this.list(() => this.ref(candidates, 'asset-1'), 3)}`);
        }
        return `asset ${name} ${this.text()} {\n${parts.map(part => `  ${part}`).join('\n')}\n}\n`;
    }

    private threat(): string {
        const source = this.random.chance(0.7) ? ` { source ${this.random.pick(['external', 'internal', 'supplier', 'environmental'])} }` : this.random.chance(0.5) ? ' { }' : '';
        return `threat ${this.id('threat', this.names.threats)} ${this.text()}${source}\n`;
    }

    private vulnerability(): string {
        const on = this.random.chance(0.7) ? ` { on ${this.list(() => this.ref(this.names.assets, 'asset-1'), 2)} }` : '';
        return `vulnerability ${this.id('vuln', this.names.vulnerabilities)} ${this.text()}${on}\n`;
    }

    private control(): string {
        const random = this.random;
        const name = this.id('ctl', this.names.controls);
        const parts: string[] = [];
        if (random.chance(0.8)) parts.push(`implements ${this.list(() => random.pick(ANNEX), 3)}`);
        if (random.chance(0.7)) parts.push(`status ${random.pick(['planned', 'partial', 'implemented'])}`);
        if (random.chance(0.6)) parts.push(`owner ${this.ref(this.names.roles, 'cto')}`);
        return `control ${name} ${this.text()} {\n${parts.map(part => `  ${part}`).join('\n')}\n}\n`;
    }

    private risk(): string {
        const random = this.random;
        const parts: string[] = [];
        const likelihoodSize = Math.max(this.names.likelihood.length, 3);
        const impactSize = Math.max(this.names.impact.length, 3);
        if (random.chance(0.9)) parts.push(`owner ${this.ref(this.names.roles, 'ciso')}`);
        if (random.chance(0.5)) parts.push(`scope ${this.ref(this.names.scopes, 'isms')}`);
        if (random.chance(0.7)) parts.push(`threat ${this.ref(this.names.threats, 'threat-1')}`);
        if (random.chance(0.5)) parts.push(`exploits ${this.list(() => this.ref(this.names.vulnerabilities, 'vuln-1'), 2)}`);
        if (random.chance(0.7)) parts.push(`on ${this.list(() => this.ref(this.names.assets, 'asset-1'), 2)}`);
        if (random.chance(0.3)) parts.push(`harms ${this.list(() => this.ref(this.names.assets, 'asset-1'), 2)}`);
        if (random.chance(0.4)) parts.push(`consequence ${this.text()}`);
        if (random.chance(0.6)) parts.push(`controls ${this.list(() => random.chance(0.5) ? random.pick(ANNEX) : this.ref(this.names.controls, 'ctl-1'), 3)}`);
        if (random.chance(0.9)) parts.push(`likelihood ${this.scaleValue(this.names.likelihood, likelihoodSize)}`);
        if (random.chance(0.9)) parts.push(`impact ${this.scaleValue(this.names.impact, impactSize)}`);
        if (random.chance(0.7)) parts.push(this.treatment());
        if (random.chance(0.6)) parts.push(`residual likelihood ${this.scaleValue(this.names.likelihood, likelihoodSize)} impact ${this.scaleValue(this.names.impact, impactSize)}`);
        for (let index = 0, total = random.pick([0, 0, 1, 1, 2]); index < total; index++) parts.push(this.acceptance());
        if (random.chance(0.5)) parts.push(`status ${random.pick(['identified', 'assessed', 'treating', 'accepted', 'closed'])}`);
        if (random.chance(0.5)) parts.push(`reviewed ${this.date()}`);
        const name = random.chance(0.01) ? '' : `${this.id('R', [])} `; // a nameless risk, as right after typing the keyword
        return `risk ${name}${this.text()} {\n${shuffle(parts, random, 0.3).map(part => `  ${part}`).join('\n')}\n}\n`;
    }

    private treatment(): string {
        const random = this.random;
        const option = random.pick(['reduce', 'reduce', 'accept', 'share', 'transfer', 'avoid']);
        const party = random.chance(0.2) ? ` with ${this.text()}` : '';
        if (random.chance(0.3)) {
            return `treatment ${option}${party}`;
        }
        const actions = Array.from({ length: random.int(3) }, () => this.action());
        return `treatment ${option}${party} {\n${actions.join('\n')}\n  }`;
    }

    private action(): string {
        const random = this.random;
        const name = random.chance(0.6) ? `${this.id('act', [])} ` : '';
        const parts: string[] = [];
        if (random.chance(0.8)) parts.push(`owner ${this.ref(this.names.roles, 'cto')}`);
        if (random.chance(0.8)) parts.push(`due ${this.date()}`);
        if (random.chance(0.7)) parts.push(`status ${random.pick(['planned', 'in-progress', 'done', 'cancelled'])}`);
        if (random.chance(0.5)) parts.push(`controls ${this.list(() => random.chance(0.5) ? random.pick(ANNEX) : this.ref(this.names.controls, 'ctl-1'), 2)}`);
        return `    action ${name}${this.text()}${parts.length > 0 || random.chance(0.5) ? ` {\n${parts.map(part => `      ${part}`).join('\n')}\n    }` : ''}`;
    }

    private acceptance(): string {
        const random = this.random;
        const parts: string[] = [];
        if (random.chance(0.9)) parts.push(`by ${this.ref(this.names.roles, 'ceo')} on ${this.date()}${random.chance(0.5) ? ` until ${this.date()}` : ''}`);
        if (random.chance(0.5)) parts.push(`level ${this.ref(this.names.levels, 'High')}`);
        if (random.chance(0.7)) parts.push(this.text());
        return `acceptance {\n${parts.map(part => `    ${part}`).join('\n')}\n  }`;
    }
}

function shuffle<T>(items: T[], random: Random, probability = 1): T[] {
    if (!random.chance(probability)) {
        return items;
    }
    const result = [...items];
    for (let index = result.length - 1; index > 0; index--) {
        const other = random.int(index + 1);
        [result[index], result[other]] = [result[other], result[index]];
    }
    return result;
}

/** A model of one to four files; declarations are spread over them, so references cross files. */
export function generateModel(random: Random): ModelFiles {
    const blocks = new ModelWriter(random).declarations();
    const fileCount = random.pick([1, 1, 2, 3, 4]);
    const files: ModelFiles = {};
    blocks.forEach((block, index) => {
        const name = fileCount === 1 ? 'model.risk' : `part-${random.chance(0.8) ? index % fileCount : random.int(fileCount)}.risk`;
        files[name] = (files[name] ?? '') + block + (random.chance(0.9) ? '\n' : '');
    });
    if (Object.keys(files).length === 0) {
        files['model.risk'] = '';
    }
    return files;
}
