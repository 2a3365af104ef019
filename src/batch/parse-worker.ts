/**
 * Worker thread of the first stage: reads one file and extracts it into a ParsedDocument (sniff,
 * extract), sent on packed (handoff.ts). Holds the extractors (pdf.js and the rest) but not jieba.
 */
import { workerData } from 'node:worker_threads';
import type { Config } from '../config.js';
import { createHash } from 'node:crypto';
import { IngestError } from '../types.js';
import { taskPath, type ParseTask } from './protocol.js';
import { packParsed } from './handoff.js';
import { serveTasks } from './serve-tasks.js';

const { config } = workerData as { config: Config };

/** A tiny bulletin, so lazily loaded parts of the stage load before the first timed file. */
const WARM_UP = '包头市 工作周报\n第 1 期\n包头市政协办公室\n2020 年 5 月 11 日\n※重要活动※\n◆5月6日，市政协主席张三在石拐区调研。\n';

await serveTasks(async () => {
  const { parseDocument, readSource } = await import('../parse.js');
  await parseDocument(Buffer.from(WARM_UP, 'utf8'), 'warm-up.txt', config).catch(() => undefined);
  return async (task: ParseTask) => {
    const bytes = readSource(taskPath(task), config);
    // Between hashing and reading, the file may have been rewritten or swapped for a link to
    // something else (a file outside the archive): only the bytes the batch hashed are read.
    if (task.sha256 && createHash('sha256').update(bytes).digest('hex') !== task.sha256) {
      throw new IngestError('read-failed', 'the file changed after it was found (rewritten, or swapped for a link); not read, the next run tries again');
    }
    return packParsed(await parseDocument(bytes, task.displayPath, config));
  };
});
