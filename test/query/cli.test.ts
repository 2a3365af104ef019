/** The query commands through the real `bulletin` executable (one child process per case). */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOutDir } from './sample-records.js';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/bulletin.mjs');
let outDir: string;

beforeAll(() => {
  outDir = makeOutDir();
});
afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

const bulletin = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

describe('the bulletin executable', () => {
  it('answers a query with filters as JSON Lines when stdout is a pipe', () => {
    const result = bulletin('query', '--out', outDir, '--person', '贺俊', '--from', '2021-01-01');
    expect(result.stderr).toContain('built');
    expect(result.status).toBe(0);
    expect(result.stdout.trimEnd().split('\n').map((l) => JSON.parse(l).itemId)).toEqual(['c2021#1']);
  });

  it('exits with status 2 on a bad date and on a missing output folder', () => {
    const badDate = bulletin('query', '--out', outDir, '--to', '2021-02-30');
    expect(badDate.status).toBe(2);
    expect(badDate.stderr).toContain('is not a date');
    expect(bulletin('query', '--out', path.join(outDir, 'nope')).status).toBe(2);
  });
});
