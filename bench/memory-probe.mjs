// Preloaded (`node --import`) into a `bulletin ingest` process by bench/archive-memory.ts: samples the
// main thread's V8 heap and the process's RSS every 25 ms and writes the peaks to
// $BENCH_MEMORY_OUT when the process exits. Worker threads load it too and do nothing.
import fs from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const out = process.env.BENCH_MEMORY_OUT;
if (isMainThread && out) {
  const peak = { heapUsed: 0, heapTotal: 0, rss: 0, external: 0 };
  const sample = () => {
    const m = process.memoryUsage();
    peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
    peak.heapTotal = Math.max(peak.heapTotal, m.heapTotal);
    peak.rss = Math.max(peak.rss, m.rss);
    peak.external = Math.max(peak.external, m.external + m.arrayBuffers);
  };
  setInterval(sample, 25).unref();
  process.on('exit', () => {
    sample();
    fs.writeFileSync(out, JSON.stringify(peak));
  });
}
