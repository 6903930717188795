/**
 * The package as a user gets it: `npm pack` of this repository (the bundle that
 * `npm run build` made; no scripts run) and `npm install` of that tarball, offline,
 * into a clean folder. The package has no runtime dependencies, so nothing needs
 * the registry.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, RISK_BIN } from '../cli/run-risk.js';

export interface PackedFile {
    readonly path: string;
    readonly size: number;
}

export interface Packed {
    /** Absolute path of the .tgz. */
    readonly tarball: string;
    readonly files: readonly PackedFile[];
}

/** The environment of a command run as a user would run it: none of the npm_* variables `npm run` sets for this repository. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
    return { ...env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', ...extra };
}

export function run(command: string, args: readonly string[], options: SpawnSyncOptions & { cwd: string }): string {
    const result = spawnSync(command, args, { encoding: 'utf8', timeout: 120_000, env: cleanEnv(), ...options });
    if (result.error || result.status !== 0) {
        throw new Error(`${command} ${args.join(' ')} in ${options.cwd} failed (${result.error?.message ?? `exit ${result.status}`}):\n${String(result.stdout)}\n${String(result.stderr)}`);
    }
    return String(result.stdout);
}

/** Packs the repository into `destination`. */
export function packRepository(destination: string): Packed {
    if (!existsSync(RISK_BIN)) {
        throw new Error(`${RISK_BIN} is missing: run \`npm run build\` first (npm test does).`);
    }
    mkdirSync(destination, { recursive: true });
    // --ignore-scripts: `prepack` would build again; the tests run after `npm run build`.
    const output = run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', destination], { cwd: REPO_ROOT });
    const [packed] = JSON.parse(output) as Array<{ filename: string; files: PackedFile[] }>;
    return { tarball: join(destination, packed.filename), files: packed.files };
}

/** Installs the tarball into a new project in `folder`, offline, as `npm install --save-dev <tarball>` does. */
export function installTarball(tarball: string, folder: string): void {
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'package.json'), `${JSON.stringify({ name: 'a-team-repository', private: true }, null, 2)}\n`);
    run('npm', ['install', '--offline', '--save-dev', tarball], { cwd: folder });
}
