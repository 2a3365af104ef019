/**
 * `bulletin serve`: checks the output folder (building the index when it is missing, as `query`
 * does), starts the server and runs until Ctrl-C. Exit status: 2 wrong usage or no output folder,
 * 1 the server could not start.
 */
import fs from 'node:fs';
import { bulletinsDir, indexPath, openIndexForRead } from '../store/index-db.js';
import { startServer, type ServeOptions } from './server.js';

export async function runServe(opts: ServeOptions): Promise<number> {
  const out = opts.out ?? 'out';
  if (!fs.existsSync(bulletinsDir(out))) {
    process.stderr.write(`bulletin serve: ${out} holds no records (no ${bulletinsDir(out)} folder); run \`bulletin ingest FILES --out ${out}\` first\n`);
    return 2;
  }
  const existing = openIndexForRead(out);
  if (existing) existing.close();
  else {
    const { rebuildIndex } = await import('../store/sqlite-index.js');
    const counts = rebuildIndex(out, { onWarning: (message) => process.stderr.write(`warning: ${message}\n`) });
    process.stderr.write(`built ${indexPath(out)}: ${counts.records} records, ${counts.items} items\n`);
  }
  let server;
  try {
    server = await startServer({ ...opts, out });
  } catch (err) {
    process.stderr.write(`bulletin serve: ${(err as Error).message}\n`);
    return 1;
  }
  process.stderr.write(`serving ${out} at ${server.url}/ (read-only; Ctrl-C stops)\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void server.close().then(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
}
