import { describe, expect, it } from 'vitest';
import { formatDuration, ProgressReporter } from '../../src/batch/progress.js';

describe('ProgressReporter', () => {
  it('redraws one line on a terminal with counts, rate and ETA', () => {
    let t = 0;
    const out: string[] = [];
    const progress = new ProgressReporter((s) => out.push(s), { isTTY: true, now: () => t });
    progress.update({ total: 10, done: 0, ok: 0, skipped: 0, failed: 0 });
    t = 2000;
    progress.update({ total: 10, done: 4, ok: 3, skipped: 0, failed: 1 });
    const last = out.at(-1)!;
    expect(last.startsWith('\r\x1b[K[')).toBe(true);
    expect(last).toContain('4/10  ok 3  skipped 0  failed 1  2.0 files/s  ETA 0:03');
    expect(last).not.toContain('\n');
  });

  it('writes a plain line only every few seconds when stderr is not a terminal', () => {
    let t = 0;
    const out: string[] = [];
    const progress = new ProgressReporter((s) => out.push(s), { isTTY: false, now: () => t });
    for (let done = 0; done <= 10; done++) {
      t = done * 1000;
      progress.update({ total: 10, done, ok: done, skipped: 0, failed: 0 });
    }
    expect(out).toEqual(['ingest: 5/10  ok 5  skipped 0  failed 0  1.0 files/s  ETA 0:05\n']);
  });

  it('formats durations as m:ss or h:mm:ss', () => {
    expect(formatDuration(7)).toBe('0:07');
    expect(formatDuration(3725)).toBe('1:02:05');
    expect(formatDuration(Infinity)).toBe('--:--');
  });
});
