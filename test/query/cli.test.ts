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

  it('passes the research options through: counts, paging, fields, all renditions, BOM, show', () => {
    const counts = bulletin('query', '--out', outDir, '--count', 'section', '--all-renditions', '--format', 'csv', '--bom');
    expect(counts.status).toBe(0);
    expect(counts.stdout.split('\r\n').slice(0, 2)).toEqual(['\uFEFFkey,items', '领导活动,4']);
    const page = bulletin('query', '--out', outDir, '--limit', '1', '--offset', '2', '--fields', 'itemId,publisher');
    expect(page.stdout.trimEnd().split('\n').map((l) => JSON.parse(l))).toEqual([{ itemId: 'c2020#2', publisher: '示例市政协办公室' }]);
    const person = bulletin('person', '贺俊', '--out', outDir, '--publisher', '示例市', '--format', 'json');
    expect(JSON.parse(person.stdout).map((p: { publisher: string }) => p.publisher)).toEqual(['示例市政协']);
    const shown = bulletin('show', 'c2020#2', '--out', outDir);
    expect(shown.status).toBe(0);
    expect(shown.stdout).toContain('市政协 → 示例市政协');
  });
});
