/**
 * `bulletin check FIXTURES`: ingests every bulletin of a regression folder and compares each record
 * with `FIXTURES/expected/<name>.json`; prints a readable difference for each that differs, and
 * exits 1 on any difference, missing expected record or failed file (0 when all agree). `--update`
 * writes the current records as the expected ones.
 */
import fs from 'node:fs';
import { ConfigError, loadConfig } from '../config.js';
import { checkFixture, listFixtures, type FixtureOutcome } from './golden.js';

export interface CheckCommandOptions {
  config?: string;
  /** Where `<name>.config.ts` files are looked for (default: the fixtures folder). */
  configDir?: string;
  update?: boolean;
  /** At most this many difference lines per fixture. */
  maxLines?: number;
}

const DEFAULT_MAX_LINES = 40;

function report(outcome: FixtureOutcome, maxLines: number): string {
  switch (outcome.status) {
    case 'same':
      return `ok         ${outcome.name}\n`;
    case 'missing':
      return `missing    ${outcome.name}: no ${outcome.expectedFile} (run with --update to write it)\n`;
    case 'failed':
      return `failed     ${outcome.name}: ${outcome.message}\n`;
    case 'different': {
      const shown = outcome.diff.slice(0, maxLines).map((line) => `    ${line}\n`).join('');
      const more = outcome.diff.length > maxLines ? `    … and ${outcome.diff.length - maxLines} more\n` : '';
      return `different  ${outcome.name} (${outcome.diff.length} difference${outcome.diff.length === 1 ? '' : 's'}; expected → actual)\n${shown}${more}`;
    }
  }
}

export async function runCheck(dir: string, opts: CheckCommandOptions): Promise<number> {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    process.stderr.write(`bulletin check: no folder ${dir}\n`);
    return 2;
  }
  const config = opts.config ? (await loadConfig(opts.config)).config : undefined;
  const names = listFixtures(dir);
  if (names.length === 0) {
    process.stderr.write(`bulletin check: ${dir} holds no .txt, .docx, .doc or .pdf files\n`);
    return 2;
  }
  const counts = { same: 0, different: 0, missing: 0, failed: 0 };
  for (const name of names) {
    let outcome: FixtureOutcome;
    try {
      outcome = await checkFixture(dir, name, { config, configDir: opts.configDir, update: opts.update });
    } catch (err) {
      if (err instanceof ConfigError) throw err;
      outcome = { name, status: 'failed', message: (err as Error)?.message ?? String(err) };
    }
    counts[outcome.status]++;
    process.stdout.write(report(outcome, opts.maxLines ?? DEFAULT_MAX_LINES));
  }
  const verb = opts.update ? 'written' : 'as expected';
  process.stdout.write(
    `${names.length} file${names.length === 1 ? '' : 's'}: ${counts.same} ${verb}, ${counts.different} different, ${counts.missing} without an expected record, ${counts.failed} failed\n`,
  );
  return counts.different + counts.missing + counts.failed > 0 ? 1 : 0;
}
