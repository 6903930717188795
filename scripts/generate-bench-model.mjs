/**
 * Writes a model of realistic shape for the benchmark: a 5×5 method, roles, assets,
 * threats, vulnerabilities and controls, and RISKS risks in files of 500, each with a
 * scenario, existing controls, a treatment with an action and a residual; every
 * fifth risk carries an acceptance. Deterministic: the same arguments write the same files.
 *
 *   node scripts/generate-bench-model.mjs OUT_DIR [RISKS]
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const RISKS_PER_FILE = 500;
const ROLES = ['CEO', 'CISO', 'CTO', 'ITManager', 'SecurityLead', 'DPO', 'OpsLead', 'HRManager'];
const THREAT_SOURCES = ['external', 'internal', 'supplier', 'environmental'];
const OPTIONS = ['reduce', 'reduce', 'reduce', 'accept', 'share', 'avoid'];
const STATUSES = ['planned', 'in-progress', 'done'];

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same model. */
function random(seed) {
    return () => {
        seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
        let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

export function generateBenchModel(outDir, riskCount = 10_000) {
    const next = random(27001);
    const pick = items => items[Math.floor(next() * items.length)];
    const between = (low, high) => low + Math.floor(next() * (high - low + 1));
    const date = (year, month) => `${year}-${String(month).padStart(2, '0')}-${String(between(1, 28)).padStart(2, '0')}`;
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(join(outDir, 'risks'), { recursive: true });

    const primaryCount = 40;
    const supportingCount = 160;
    const threatCount = 120;
    const vulnerabilityCount = 300;
    const controlCount = 60;

    writeFileSync(join(outDir, 'method.risk'), `method "Bench 5x5 method" {
  scale likelihood {
    1 Rare "Less than once in 10 years"
    2 Unlikely "Once in 3-10 years"
    3 Possible "Once in 1-3 years"
    4 Likely "Several times a year"
    5 AlmostCertain "Monthly or more"
  }
  scale impact {
    1 Negligible "No noticeable effect"
    2 Minor "Hours of downtime, small cost"
    3 Moderate "A day down or customers notice"
    4 Major "Days down, contract harm"
    5 Severe "Regulatory action, lasting reputation harm"
  }
  score likelihood * impact
  levels {
    Low 1..4 "Monitor"
    Medium 5..9 "Plan improvements"
    High 10..16 "Act within a month"
    Critical 20..25 "Act now"
  }
  accept { appetite Medium major Critical lasts 12 months }
  review every 12 months
  review Critical every 3 months
}
`);
    writeFileSync(join(outDir, 'roles.risk'), ROLES.map((role, index) => `role ${role} "${role} title"${index < 2 ? ' management' : ''}`).join('\n') + '\n');

    const assets = [];
    for (let i = 1; i <= primaryCount; i++) {
        assets.push(`asset Info${i} "Primary information asset ${i}" {\n  primary ${pick(['information', 'process', 'service'])}\n  owner ${pick(ROLES)}\n  confidentiality ${between(1, 5)} integrity ${between(1, 5)} availability ${between(1, 5)}\n}`);
    }
    for (let i = 1; i <= supportingCount; i++) {
        assets.push(`asset Sys${i} "Supporting asset ${i}" {\n  supporting ${pick(['system', 'software', 'hardware', 'network', 'people', 'site', 'supplier'])}\n  owner ${pick(ROLES)}\n  supports Info${between(1, primaryCount)}, Info${between(1, primaryCount)}\n}`);
    }
    writeFileSync(join(outDir, 'assets.risk'), assets.join('\n') + '\n');

    const catalogue = [];
    for (let i = 1; i <= threatCount; i++) {
        catalogue.push(`threat Threat${i} "Threat scenario ${i}" { source ${pick(THREAT_SOURCES)} }`);
    }
    for (let i = 1; i <= vulnerabilityCount; i++) {
        catalogue.push(`vulnerability Vuln${i} "Weakness ${i} in configuration or process" { on Sys${between(1, supportingCount)} }`);
    }
    for (let i = 1; i <= controlCount; i++) {
        catalogue.push(`control Ctl${i} "Organisational control ${i}" { implements A.${between(5, 8)}.${between(1, 8)} status ${pick(['planned', 'partial', 'implemented'])} }`);
    }
    writeFileSync(join(outDir, 'catalogue.risk'), catalogue.join('\n') + '\n');

    const files = Math.ceil(riskCount / RISKS_PER_FILE);
    for (let file = 0; file < files; file++) {
        const risks = [];
        for (let n = file * RISKS_PER_FILE + 1; n <= Math.min(riskCount, (file + 1) * RISKS_PER_FILE); n++) {
            const likelihood = between(2, 5);
            const impact = between(2, 5);
            const option = pick(OPTIONS);
            const action = option === 'reduce' || option === 'share' || n % 3 === 0
                ? `\n    action "Mitigation ${n}" {\n      owner ${pick(ROLES)}  due ${date(between(2026, 2027), between(1, 12))}  status ${pick(STATUSES)}  controls A.${between(5, 8)}.${between(1, 8)}\n    }`
                : '';
            const treatment = `treatment ${option}${option === 'share' ? ' with "Cyber insurer"' : ''}${action ? ` {${action}\n  }` : ''}`;
            const acceptance = n % 5 === 0
                ? `\n  acceptance {\n    by ${pick(['CEO', 'CISO'])} on ${date(2026, between(1, 10))}\n    "Residual risk accepted after review ${n}"\n  }`
                : '';
            risks.push(`risk R-${String(n).padStart(5, '0')} "Risk scenario number ${n}" {
  owner ${pick(ROLES)}
  threat Threat${between(1, threatCount)}
  exploits Vuln${between(1, vulnerabilityCount)}
  on Sys${between(1, supportingCount)}
  consequence "Loss of confidentiality or availability for scenario ${n}"
  controls A.${between(5, 8)}.${between(1, 8)}, Ctl${between(1, controlCount)}
  likelihood ${likelihood}
  impact ${impact}
  ${treatment}
  residual likelihood ${Math.max(1, likelihood - between(0, 2))} impact ${impact}${acceptance}
  status ${pick(['assessed', 'treating', 'accepted'])}
  reviewed ${date(2026, between(1, 11))}
}`);
        }
        writeFileSync(join(outDir, 'risks', `risks-${String(file + 1).padStart(2, '0')}.risk`), risks.join('\n') + '\n');
    }
    return { files: files + 4, risks: riskCount };
}

/**
 * Writes the next version of a generated model into the same folder, as a pull request
 * would change it: `changes` edits spread over the risks, in equal parts residuals
 * raised, acceptances removed, action due dates postponed, risks moved to a new file
 * and new risks added. Deterministic. Returns how many edits were made.
 */
export function changeBenchModel(dir, changes = 300) {
    const riskFiles = readdirSync(join(dir, 'risks')).filter(name => name.endsWith('.risk')).sort();
    const perKind = Math.floor(changes / 5);
    const counts = { raised: 0, unaccepted: 0, postponed: 0, moved: 0, added: 0 };
    const moved = [];
    for (const name of riskFiles) {
        const path = join(dir, 'risks', name);
        const blocks = readFileSync(path, 'utf8').split(/\n(?=risk )/);
        const kept = [];
        for (const block of blocks) {
            const n = Number(/^risk R-(\d+)/.exec(block)?.[1] ?? 0);
            let text = block;
            if (n % 37 === 1 && counts.raised < perKind && /residual likelihood [1-4] /.test(text)) {
                text = text.replace(/residual likelihood ([1-4]) /, (_, value) => `residual likelihood ${Number(value) + 1} `);
                counts.raised++;
            } else if (n % 5 === 0 && n % 2 === 0 && counts.unaccepted < perKind) {
                text = text.replace(/\n  acceptance \{[^}]*\}/, '');
                counts.unaccepted++;
            } else if (n % 41 === 2 && counts.postponed < perKind && /due (\d{4})-/.test(text)) {
                text = text.replace(/due (\d{4})-/, (_, year) => `due ${Number(year) + 1}-`);
                counts.postponed++;
            } else if (n % 43 === 3 && counts.moved < perKind) {
                moved.push(text.trimEnd());
                counts.moved++;
                continue;
            }
            kept.push(text);
        }
        writeFileSync(path, kept.join('\n'));
    }
    const added = [];
    for (let i = 1; i <= perKind; i++) {
        added.push(`risk N-${String(i).padStart(4, '0')} "New risk ${i}" {\n  owner CISO\n  threat Threat${i}\n  exploits Vuln${i}\n  on Sys${i}\n  likelihood 5\n  impact ${1 + (i % 5)}\n  status assessed\n  reviewed 2026-11-01\n}`);
        counts.added++;
    }
    writeFileSync(join(dir, 'risks', 'moved-and-new.risk'), `${[...moved, ...added].join('\n')}\n`);
    return Object.values(counts).reduce((sum, count) => sum + count, 0);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
    const [outDir = '.bench/model', count = '10000'] = process.argv.slice(2);
    const result = generateBenchModel(outDir, Number(count));
    console.log(`wrote ${result.risks} risks in ${result.files} files to ${outDir}`);
}
