/**
 * A stand-in for both pipeline stages' workers, speaking the same protocol, so the batch (queue,
 * timeouts, crashes, ids, manifest) can be tested without the real extractors and dictionaries. It
 * reads small "fake bulletins": lines `publisher: …`, `year: …`, `issue: …`, `items: N`; file names
 * steer misbehaviour in either stage.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { recordIdFor } from '../../../src/record/id.js';
import { taskPath, type FromWorker, type ParseTask, type Stage, type TaskOutcome, type ToWorker } from '../../../src/batch/protocol.js';

const port = parentPort!;

function fakeRecord(filePath: string | Buffer, displayPath: string) {
  const bytes = fs.readFileSync(filePath);
  const text = bytes.toString('utf8');
  const field = (name: string) => new RegExp(`^${name}:\\s*(.+)$`, 'm').exec(text)?.[1]?.trim() ?? null;
  const id = recordIdFor(displayPath, 'txt');
  const items = Number(field('items') ?? 1);
  return {
    schemaVersion: 2,
    id,
    source: { path: displayPath, format: 'txt', sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length, encoding: 'utf-8', pages: null },
    masthead: {
      title: 'fake', issue: field('issue') ? Number(field('issue')) : null, totalIssue: null,
      year: field('year') ? Number(field('year')) : null, publisher: field('publisher'), date: null,
    },
    sections: [],
    items: Array.from({ length: items }, (_, i) => ({
      id: `${id}#${i + 1}`, section: null, marker: null, headline: null, text: `item ${i + 1}`, date: null, dates: [],
      people: [], bylines: [], organisations: [], places: [], provenance: { page: null, paragraph: i },
    })),
    footer: { reportTo: [], copyTo: [], distributeTo: [], editors: [], reviewers: [], phone: null, email: null, copies: null },
    bylines: [],
    messages: [{ severity: 'info', code: 'fake', message: 'made by the fake worker', page: null, offset: null }],
  };
}

type FakeParsed = { record: ReturnType<typeof fakeRecord> };

/** Parse stage: file names steer misbehaviour (hang…, crash…, boom…, complex… (too-complex), slow… takes 100 ms, slow-Nms… N ms); an empty file fails. */
function parse(task: ParseTask): TaskOutcome<FakeParsed> {
  const filePath = taskPath(task);
  const name = path.basename(filePath.toString());
  if (name.startsWith('hang')) for (;;);
  if (name.startsWith('crash')) process.exit(3);
  if (name.startsWith('slow')) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(/^slow-(\d+)ms/.exec(name)?.[1] ?? 100));
  if (name.startsWith('boom')) return { ok: false, error: { code: 'internal-error', message: 'unexpected error: boom' } };
  if (name.startsWith('complex')) return { ok: false, error: { code: 'too-complex', message: 'The document has too many paragraphs.' } };
  if (fs.statSync(filePath).size === 0) return { ok: false, error: { code: 'empty-file', message: 'The file is empty.' } };
  return { ok: true, value: { record: fakeRecord(filePath, task.displayPath) } };
}

/** Entity stage: names containing `analysis-hang` / `analysis-crash` misbehave here instead, `analysis-slow` takes 50 ms. */
function analyse(packed: Uint8Array): TaskOutcome {
  const { record } = v8.deserialize(packed) as FakeParsed;
  if (record.source.path.includes('analysis-hang')) for (;;);
  if (record.source.path.includes('analysis-crash')) process.exit(4);
  if (record.source.path.includes('analysis-slow')) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
  return { ok: true, value: { record, messages: record.messages } };
}

const pack = (outcome: TaskOutcome<FakeParsed>): TaskOutcome<Uint8Array> => (outcome.ok ? { ok: true, value: v8.serialize(outcome.value) } : outcome);

const stage = (workerData as { stage: Stage }).stage;
port.on('message', (task: ToWorker) => {
  // Parsed documents cross packed, as the real ones do (src/batch/handoff.ts).
  const outcome = stage === 'parse' ? pack(parse(task.payload as ParseTask)) : analyse(task.payload as Uint8Array);
  port.postMessage({ type: 'result', taskId: task.taskId, ...outcome, heapUsed: process.memoryUsage().heapUsed } satisfies FromWorker);
});
port.postMessage({ type: 'ready' } satisfies FromWorker);
