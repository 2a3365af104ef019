/**
 * Regression folders of bulletins with their expected records: `<dir>/<name>.<ext>` and
 * `<dir>/expected/<name>.<ext>.json`, a file `<dir>/<name>.config.ts` (when present) giving the
 * config of that fixture. Shared by the project's golden tests and `bulletin check` (users' own
 * folders). A record's source path is written as `<dir's name>/<file name>`, so the expected records
 * do not depend on where the check is run from.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig, parseConfig, type Config } from '../config.js';
import { ingestFile } from '../ingest.js';
import { serialiseRecord } from '../record/serialise.js';
import { jsonDiff } from './json-diff.js';

export const FIXTURE_EXTENSIONS = /\.(txt|docx|doc|pdf|html|htm)$/i;

export function listFixtures(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => FIXTURE_EXTENSIONS.test(f) && !f.startsWith('.') && fs.statSync(path.join(dir, f)).isFile())
    .sort();
}

export function expectedFileFor(dir: string, name: string): string {
  return path.join(dir, 'expected', `${name}.json`);
}

/** The fixture's own config (`<name>.config.ts` in `configDir`), else `fallback`, else the defaults. */
export async function fixtureConfig(configDir: string, name: string, fallback?: Config): Promise<Config> {
  const custom = path.resolve(configDir, `${name.replace(/\.[^.]+$/, '')}.config.ts`);
  if (fs.existsSync(custom)) return (await loadConfig(custom, configDir)).config;
  return fallback ?? parseConfig({});
}

/** The record a fixture gives now, serialised as it is written. */
export async function fixtureRecord(dir: string, name: string, config: Config): Promise<string> {
  const { record } = await ingestFile(path.join(dir, name), config, { displayPath: `${path.basename(path.resolve(dir))}/${name}` });
  return serialiseRecord(record);
}

export type FixtureOutcome =
  | { name: string; status: 'same' }
  | { name: string; status: 'missing'; expectedFile: string }
  | { name: string; status: 'different'; diff: string[] }
  | { name: string; status: 'failed'; message: string };

export interface CheckOptions {
  /** Where `<name>.config.ts` files are looked for (default: the fixtures folder). */
  configDir?: string;
  /** Config for fixtures without their own. */
  config?: Config;
  /** Write the records as the new expected ones instead of comparing. */
  update?: boolean;
}

export async function checkFixture(dir: string, name: string, options: CheckOptions = {}): Promise<FixtureOutcome> {
  let actual: string;
  try {
    actual = await fixtureRecord(dir, name, await fixtureConfig(options.configDir ?? dir, name, options.config));
  } catch (err) {
    return { name, status: 'failed', message: `${(err as { code?: string }).code ?? 'error'}: ${(err as Error)?.message ?? String(err)}` };
  }
  const expectedFile = expectedFileFor(dir, name);
  if (options.update) {
    fs.mkdirSync(path.dirname(expectedFile), { recursive: true });
    fs.writeFileSync(expectedFile, actual);
    return { name, status: 'same' };
  }
  if (!fs.existsSync(expectedFile)) return { name, status: 'missing', expectedFile };
  const expectedText = fs.readFileSync(expectedFile, 'utf8');
  if (expectedText === actual) return { name, status: 'same' };
  let diff: string[];
  try {
    diff = jsonDiff(JSON.parse(expectedText), JSON.parse(actual));
  } catch (err) {
    diff = [`the expected record is not JSON: ${(err as Error).message}`];
  }
  // Same values, other bytes (key order, spacing): still a difference for a byte-stable archive.
  return { name, status: 'different', diff: diff.length > 0 ? diff : ['same values, but the bytes differ (key order or layout)'] };
}
