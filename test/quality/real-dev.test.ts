/**
 * Guards what the parser reached on real published text: ingests ../shared/eval/real-dev (documents made
 * from pages real offices published), scores them with the shared scorer, and fails when a figure falls
 * below the floor in eval/real-dev-floor.json — so later work cannot quietly undo it. Raise the floor
 * when a change lifts a figure; lower it only on purpose, saying why in the commit.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { ingestFile } from '../../src/ingest.js';
import { serialiseRecord } from '../../src/record/serialise.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const realDev = path.resolve(root, '..', 'shared', 'eval', 'real-dev');
const scorer = path.resolve(realDev, '..', 'score.mjs');
const available = fs.existsSync(path.join(realDev, 'docs')) && fs.existsSync(scorer);
if (!available) console.log(`real-text quality test skipped: ${realDev} not found (the shared evaluation folder beside the repo)`);

interface Floor {
  overall: number;
  mean: Record<string, number>;
  maxExtraItemsPerDocument: number;
  maxOrdinaryWordsTakenForPeople: number;
}
interface Scored {
  overall: number;
  mean: Record<string, number>;
  rows: Array<{ doc: string; missing?: boolean; extraItems: number; notPeopleHits: number }>;
}

describe.runIf(available)('real published text (../shared/eval/real-dev)', () => {
  const floor = JSON.parse(fs.readFileSync(path.join(root, 'eval', 'real-dev-floor.json'), 'utf8')) as Floor;
  let out = '';
  let scored: Scored;

  beforeAll(async () => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-real-dev-'));
    const config = parseConfig({});
    const docs = path.join(realDev, 'docs');
    for (const name of fs.readdirSync(docs).sort()) {
      const { record } = await ingestFile(path.join(docs, name), config, { displayPath: `real-dev/docs/${name}` });
      fs.writeFileSync(path.join(out, `${record.id}.json`), serialiseRecord(record));
    }
    const run = spawnSync(process.execPath, [scorer, out, '--json', '--gold', path.join(realDev, 'gold')], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`the scorer failed: ${run.stderr}`);
    scored = JSON.parse(run.stdout) as Scored;
  }, 300_000);
  afterAll(() => {
    if (out) fs.rmSync(out, { recursive: true, force: true });
  });

  it('gives every document a record', () => {
    expect(scored.rows.filter((r) => r.missing).map((r) => r.doc)).toEqual([]);
  });

  it('keeps the overall figure at or above its floor', () => {
    expect(scored.overall).toBeGreaterThanOrEqual(floor.overall);
  });

  it('keeps every mean figure at or above its floor', () => {
    const below = Object.entries(floor.mean)
      .filter(([key, min]) => !(scored.mean[key] >= min))
      .map(([key, min]) => `${key}: ${scored.mean[key]?.toFixed(3)} < ${min}`);
    expect(below).toEqual([]);
  });

  it('adds no more extra items per document, and takes no more ordinary words for people, than the floor allows', () => {
    for (const row of scored.rows) {
      expect.soft(row.extraItems, `${row.doc} extra items`).toBeLessThanOrEqual(floor.maxExtraItemsPerDocument);
      expect.soft(row.notPeopleHits, `${row.doc} ordinary words taken for people`).toBeLessThanOrEqual(floor.maxOrdinaryWordsTakenForPeople);
    }
  });
});
