/**
 * Worker thread of the second stage: normalisation, segmentation, the entity pass and the record
 * for one ParsedDocument (packed, see handoff.ts) at a time. Loads jieba and its dictionaries once,
 * before saying `ready`, while the extraction workers are already reading the first files.
 */
import { workerData } from 'node:worker_threads';
import type { Config } from '../config.js';
import { unpackParsed } from './handoff.js';
import { serveTasks } from './serve-tasks.js';

const { config } = workerData as { config: Config };

await serveTasks(async () => {
  const { analyseDocument } = await import('../analyse.js');
  const { extractEntities } = await import('../entities/index.js');
  // Loads jieba, the lexicons and the word dictionary now rather than inside the first file's time limit.
  extractEntities(['5月6日，市政协主席张三在石拐区调研。'], { issueDate: '2020-05-11', lexicons: config.lexicons });
  return (packed: Uint8Array) => analyseDocument(unpackParsed(packed), config);
});
