/** `bulletin ingest --queue URL`: opens the queue (a clear error, exit 2, if Redis does not answer), then runs the usual ingest with the queue as executor. */
import path from 'node:path';
import type { IngestCommandOptions, runIngest as RunIngest } from '../batch/command.js';
import { QueueSetupError } from './connection.js';
import { openQueue } from './coordinator.js';

export interface QueuedIngestOptions extends IngestCommandOptions {
  queue: string;
  root: string;
  inFlight?: number;
  queueTimeout?: number;
}

export async function runQueuedIngest(inputs: string[], opts: QueuedIngestOptions, runIngest: typeof RunIngest): Promise<number> {
  let opened;
  try {
    // Workers find each file under --root; an input outside it could never be read there.
    const root = path.resolve(opts.root);
    const outside = inputs.find((input) => path.relative(root, path.resolve(input)).startsWith('..'));
    if (outside !== undefined) throw new QueueSetupError(`${outside} is outside --root ${opts.root}: workers read inputs under --root (a folder they all see)`);
    opened = await openQueue({ url: opts.queue, root: opts.root, inFlight: opts.inFlight, unreachableMs: opts.queueTimeout, log: (line) => process.stderr.write(`bulletin ingest: ${line}\n`) });
  } catch (err) {
    if (err instanceof QueueSetupError) {
      process.stderr.write(`bulletin ingest: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  try {
    return await runIngest(inputs, opts, undefined, { executor: opened.executor });
  } finally {
    await opened.close();
  }
}
