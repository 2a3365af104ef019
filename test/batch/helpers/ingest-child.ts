/**
 * `bulletin ingest` (src/batch/command.ts, with its signal handling) in a process of its own, with the
 * fake worker standing in for the pipeline, for tests that send real signals or race two runs.
 * Usage: node --import tsx ingest-child.ts OUT INPUT… (current folder: the test's temp tree).
 */
import { runIngest } from '../../../src/batch/command.js';
import { FAKE_WORKER } from './tree.js';

const [out, ...inputs] = process.argv.slice(2);
process.exitCode = await runIngest(inputs, { out, concurrency: 2, json: true }, {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  isTTY: false,
  cwd: process.cwd(),
  workerUrl: FAKE_WORKER,
});
