/**
 * A stand-in for the pipeline worker, speaking the same protocol, so the batch (queue, timeouts,
 * crashes, ids, manifest) can be tested without the real extractors. It reads small "fake
 * bulletins": lines `publisher: …`, `year: …`, `issue: …`, `items: N`; file names steer misbehaviour.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { recordIdFor } from '../../../src/record/id.js';
import type { FromWorker, ToWorker } from '../../../src/batch/protocol.js';

const port = parentPort!;

function fakeRecord(filePath: string, displayPath: string) {
  const bytes = fs.readFileSync(filePath);
  const text = bytes.toString('utf8');
  const field = (name: string) => new RegExp(`^${name}:\\s*(.+)$`, 'm').exec(text)?.[1]?.trim() ?? null;
  const id = recordIdFor(displayPath, 'txt');
  const items = Number(field('items') ?? 1);
  return {
    schemaVersion: 1,
    id,
    source: { path: displayPath, format: 'txt', sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length, encoding: 'utf-8', pages: null },
    masthead: {
      title: 'fake', issue: field('issue') ? Number(field('issue')) : null, totalIssue: null,
      year: field('year') ? Number(field('year')) : null, publisher: field('publisher'), date: null,
    },
    sections: [],
    items: Array.from({ length: items }, (_, i) => ({
      id: `${id}#${i + 1}`, section: null, marker: null, headline: null, text: `item ${i + 1}`, date: null, dates: [],
      people: [], organisations: [], places: [], provenance: { page: null, paragraph: i },
    })),
    footer: { reportTo: [], copyTo: [], distributeTo: [], editors: [], reviewers: [], phone: null, email: null, copies: null },
    messages: [{ severity: 'info', code: 'fake', message: 'made by the fake worker', page: null, offset: null }],
  };
}

port.on('message', (task: ToWorker) => {
  const name = path.basename(task.filePath);
  if (name.startsWith('hang')) for (;;);
  if (name.startsWith('crash')) process.exit(3);
  let reply: FromWorker;
  if (name.startsWith('boom')) {
    reply = { type: 'result', taskId: task.taskId, ok: false, error: { code: 'internal-error', message: 'unexpected error: boom' } };
  } else if (fs.statSync(task.filePath).size === 0) {
    reply = { type: 'result', taskId: task.taskId, ok: false, error: { code: 'empty-file', message: 'The file is empty.' } };
  } else {
    const record = fakeRecord(task.filePath, task.displayPath);
    reply = { type: 'result', taskId: task.taskId, ok: true, result: { record, messages: record.messages } as never };
  }
  port.postMessage({ ...reply, heapUsed: process.memoryUsage().heapUsed });
});
port.postMessage({ type: 'ready' } satisfies FromWorker);
