// Module resolution hook (runs in the loader thread): reports resolutions into the Redis client packages.
import { writeSync } from 'node:fs';

export async function resolve(specifier, context, nextResolve) {
  const result = await nextResolve(specifier, context);
  if (/\/node_modules\/(bullmq|ioredis)\//.test(result.url)) writeSync(2, `[trace-imports] loaded ${result.url}\n`);
  return result;
}
