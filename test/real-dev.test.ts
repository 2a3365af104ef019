/**
 * The real published bulletins of ../shared/eval/real-dev (web pages, digests, a chronicle, briefs),
 * ingested in process and scored with the shared scorer: no figure may fall below
 * eval/real-dev-floors.json, so later work cannot quietly undo what was reached.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.js';
import { ingestFile } from '../src/ingest.js';
import { serialiseRecord } from '../src/record/serialise.js';

const repo = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const realDev = path.resolve(repo, '..', 'shared', 'eval', 'real-dev');
const present = fs.existsSync(path.join(realDev, 'docs')) && fs.existsSync(path.join(realDev, '..', 'score.mjs'));
if (!present) console.log(`real-dev scoring skipped: ${realDev} is not here (it sits beside the repo on developer machines)`);

interface Scored {
  rows: Array<{ doc: string; extraItems: number }>;
  mean: Record<string, number>;
  overall: number;
}

describe.skipIf(!present)('the real published bulletins', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-real-test-'));
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));
  const floors = JSON.parse(fs.readFileSync(path.join(repo, 'eval/real-dev-floors.json'), 'utf8')) as Record<string, number>;

  async function scored(): Promise<Scored> {
    fs.mkdirSync(path.join(out, 'bulletins'), { recursive: true });
    const docs = path.join(realDev, 'docs');
    for (const name of fs.readdirSync(docs).sort()) {
      const { record } = await ingestFile(path.join(docs, name), parseConfig({}));
      fs.writeFileSync(path.join(out, 'bulletins', `${record.id}.json`), serialiseRecord(record));
    }
    const run = spawnSync(process.execPath, [path.join(realDev, '..', 'score.mjs'), out, '--gold', path.join(realDev, 'gold'), '--json'], { encoding: 'utf8' });
    return JSON.parse(run.stdout) as Scored;
  }

  it('finds every item, cuts them where the gold does and dates them, no figure below its floor', async () => {
    const s = await scored();
    expect(s.rows.filter((r) => 'missing' in r)).toEqual([]);
    expect(s.mean.itemsFound).toBeGreaterThanOrEqual(floors.itemsFound);
    expect(Math.max(...s.rows.map((r) => r.extraItems))).toBeLessThanOrEqual(floors.maxExtraItemsPerDocument);
    expect(s.mean.boundaries).toBeGreaterThanOrEqual(floors.boundaries);
    expect(s.mean.date).toBeGreaterThanOrEqual(floors.date);
    expect(s.overall).toBeGreaterThanOrEqual(floors.overall);
  }, 120_000);
});
