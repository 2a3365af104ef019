import { describe, expect, it } from 'vitest';
import { scheduleOrder } from '../../src/batch/schedule.js';

const entry = (displayPath: string, bytes: number) => ({ file: { absPath: `/archive/${displayPath}`, displayPath }, bytes });
const order = (todo: ReturnType<typeof entry>[]) => scheduleOrder(todo).map((t) => t.file.displayPath);

describe('scheduleOrder', () => {
  it('puts text files first, smallest first, then Word and PDF files, largest first', () => {
    const todo = [entry('a/1.pdf', 300_000), entry('a/2.txt', 9_000), entry('b/3.docx', 40_000), entry('b/4.TXT', 3_000), entry('c/5.doc', 90_000), entry('c/6.txt', 6_000)];
    expect(order(todo)).toEqual(['b/4.TXT', 'c/6.txt', 'a/2.txt', 'a/1.pdf', 'c/5.doc', 'b/3.docx']);
  });

  it('orders files of equal size by path, so the order is the same on every run', () => {
    const todo = [entry('z.txt', 10), entry('a.txt', 10), entry('m.pdf', 5), entry('b.pdf', 5)];
    expect(order(todo)).toEqual(['a.txt', 'z.txt', 'b.pdf', 'm.pdf']);
    expect(order([...todo].reverse())).toEqual(['a.txt', 'z.txt', 'b.pdf', 'm.pdf']);
  });

  it('treats a file without a known text extension as one that is slow to extract', () => {
    expect(order([entry('notes', 10), entry('x.txt', 99)])).toEqual(['x.txt', 'notes']);
  });

  it('keeps every file exactly once and leaves its input alone', () => {
    const todo = [entry('b.pdf', 1), entry('a.txt', 2)];
    const copy = [...todo];
    expect(scheduleOrder(todo)).toHaveLength(2);
    expect(todo).toEqual(copy);
  });
});
