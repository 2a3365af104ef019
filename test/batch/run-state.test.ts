import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assignRecordIds, clashFreeId, suffixedId } from '../../src/batch/ids.js';
import type { ManifestEntry } from '../../src/batch/manifest.js';
import { RunState } from '../../src/batch/run-state.js';
import { scheduleOrder } from '../../src/batch/schedule.js';
import { makeTempDir } from './helpers/tree.js';

let outDir: string;
let state: RunState;
beforeEach(() => {
  outDir = makeTempDir('bulletin-state-');
  state = RunState.open(outDir);
});
afterEach(() => {
  state.discard();
  fs.rmSync(outDir, { recursive: true, force: true });
});

const entry = (p: string, baseId: string, id = baseId): ManifestEntry => ({
  path: p, status: 'ok', format: 'txt', sha256: p, record: `bulletins/${id}.json`, messages: 0, error: null,
  issueGroup: null, bytes: 1, id, baseId, items: 1, issue: null,
});

describe('RunState', () => {
  it('settles ids exactly as assignRecordIds does, a suffix that equals another file\'s plain id included', () => {
    // `report-txt-<hash of b>` is also the plain id of a third file, so b's suffix must grow.
    const clash = suffixedId('report-txt', 'b/report.txt');
    const claims = [
      { displayPath: 'a/report.txt', baseId: 'report-txt' },
      { displayPath: 'b/report.txt', baseId: 'report-txt' },
      { displayPath: 'c/other.txt', baseId: clash },
      { displayPath: '\u{20000}/x.txt', baseId: 'x-txt' },
      { displayPath: '\uff21/x.txt', baseId: 'x-txt' },
      { displayPath: 'd/alone.txt', baseId: 'alone-txt' },
    ];
    for (const c of claims) state.setEntry(entry(c.displayPath, c.baseId, `${c.baseId}-provisional`));
    state.setEntry({ ...entry('e/failed.txt', 'f'), status: 'failed', id: null });
    const expected = assignRecordIds(claims);
    expect(expected.get('b/report.txt')).not.toBe(clash);
    expect(state.settleIds(clashFreeId)).toBe(claims.length);
    const settled = new Map([...state.moves()].map((m) => [m.entry.path, m.finalId]));
    expect(settled).toEqual(expected);
  });

  it('hands out the changed files in the order scheduleOrder gives', () => {
    const files = ['b.pdf', 'a.txt', 'c.docx', 'd.TXT', 'e.txt', 'f.pdf'].map((p, i) => ({ file: { absPath: `/in/${p}`, displayPath: p }, sha256: p, bytes: [500, 30, 900, 30, 10, 500][i] }));
    for (const t of files) state.addTodo(t.file, t.sha256, t.bytes);
    expect(state.settleTodo()).toBe(files.length);
    expect([...state.todo()].map((t) => t.file.displayPath)).toEqual(scheduleOrder(files).map((t) => t.file.displayPath));
  });

  it('keeps one entry per real file (the smallest display path) and names display twins apart', () => {
    state.add('/real/a', { absPath: '/x/a', displayPath: 'x/a' });
    state.add('/real/a', { absPath: '/in/a', displayPath: 'in/a' });
    state.add('/real/b', { absPath: Buffer.from([0x2f, 0xb0]), displayPath: 'in/%B0' });
    state.add('/real/c', { absPath: '/in/%B0', displayPath: 'in/%B0' });
    expect(state.settleFound()).toBe(3);
    const found = [...state.found()];
    expect(found.map((f) => f.displayPath)).toEqual(['in/%B0', expect.stringMatching(/^in\/%B0~[0-9a-f]{8}$/), 'in/a']);
    // The first in real-path order keeps the name.
    expect(found[0].absPath).toEqual(Buffer.from([0x2f, 0xb0]));
    expect(found[1].absPath).toBe('/in/%B0');
    expect(state.isFound('in/a') && state.isFoundReal('/real/a') && !state.isFound('x/a')).toBe(true);
  });
});
