/**
 * Page render times of `bulletin serve` on an archive of ≥ 10,000 items, made by ingesting copies of
 * the fixtures (bench/corpus.ts; kept in bench/out/serve-corpus and bench/out/serve-archive, reused
 * while unchanged). Each page is fetched over HTTP from a server on a free port: once cold, then
 * `runs` times; the target is every page < 200 ms (p95 of the warm runs; cold figures are shown).
 * The server runs in its own process (the CLI, as a user starts it), so the CPU time it spends per
 * request can be read from /proc: on this shared machine wall times swing with the load, CPU less.
 * Run alone: node --import tsx bench/serve.ts [--copies N] [--runs N] [--json]
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCorpus } from './corpus.js';
import { openIndexForRead } from '../src/store/index-db.js';
import { padToWidth, stringWidth } from '../src/query/text-width.js';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(benchDir);
const TARGET_MS = 200;

export interface PageTiming {
  page: string;
  path: string;
  status: number;
  bytes: number;
  coldMs: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  /** The server process's CPU time per warm request (user + system). */
  cpuMs: number;
  pass: boolean;
}

export interface ServeBenchResult {
  files: number;
  records: number;
  items: number;
  issues: number;
  ingestSeconds: number;
  loadAverage: number;
  pages: PageTiming[];
}

/** user + system CPU time of a process so far, in ms (Linux). */
function cpuOf(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ 100)
}

/** `bulletin serve` in a child process on a free port; resolves once it listens. */
async function startServeProcess(outDir: string): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src', 'main.ts'), 'serve', '--out', outDir, '--port', '0', '--sources', root], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let stderr = '';
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      stderr += chunk;
      const match = / at (http:\/\/[^/\s]+)\//.exec(stderr);
      if (match) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`bulletin serve exited ${code}: ${stderr}`)));
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { url, pid: child.pid!, stop };
}

const round = (ms: number) => Math.round(ms * 10) / 10;

export async function runServeBench(options: { copies?: number; runs?: number; log?: (line: string) => void } = {}): Promise<ServeBenchResult> {
  const log = options.log ?? (() => {});
  const runs = options.runs ?? 20;
  // The fixtures hold ~82 items per copy: 125 copies make a little over 10,000.
  const corpus = await buildCorpus({ fixturesDir: path.join(root, 'fixtures'), dir: path.join(benchDir, 'out', 'serve-corpus'), copiesPerFixture: options.copies ?? 125 });
  const outDir = path.join(benchDir, 'out', 'serve-archive');
  log(`serve: ingesting ${corpus.files} files into ${path.relative(root, outDir)} (unchanged files are skipped)…`);
  const t0 = performance.now();
  const ingest = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'src', 'main.ts'), 'ingest', corpus.dir, '--out', outDir], { cwd: root, encoding: 'utf8' });
  const ingestSeconds = (performance.now() - t0) / 1000;
  if (ingest.status !== 0 && ingest.status !== 1) throw new Error(`ingest failed (${ingest.status}): ${ingest.stderr}`);

  const db = openIndexForRead(outDir);
  if (!db) throw new Error('no index after ingest');
  const one = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).pluck().get(...params) as T;
  const records = one<number>('SELECT COUNT(*) FROM records');
  const items = one<number>('SELECT COUNT(*) FROM items');
  const largest = (format: string) => one<string>('SELECT record_id FROM items i JOIN records r ON r.id = i.record_id WHERE r.format = ? GROUP BY record_id ORDER BY COUNT(*) DESC, record_id LIMIT 1', format);
  const busiest = (table: string) => one<string>(`SELECT name FROM ${table} GROUP BY name ORDER BY COUNT(*) DESC, name LIMIT 1`);
  const typicalPerson = one<string>('SELECT name FROM (SELECT name, COUNT(*) n FROM people GROUP BY name ORDER BY n DESC, name LIMIT 200) ORDER BY n, name LIMIT 1');
  const busiestDate = one<string>('SELECT date_start FROM items WHERE date_start IS NOT NULL GROUP BY date_start ORDER BY COUNT(*) DESC, date_start LIMIT 1');
  const monthOf = busiestDate.slice(0, 7);
  const txt = largest('txt');
  const pdf = largest('pdf');
  const docx = largest('docx');
  const person = busiest('people');
  const org = one<string>('SELECT body FROM organisations GROUP BY body ORDER BY COUNT(*) DESC, body LIMIT 1');
  const place = busiest('places');
  db.close();

  const server = await startServeProcess(outDir);
  const enc = encodeURIComponent;
  const pages: [string, string][] = [
    ['issues (home)', '/'],
    [`issue, largest .txt`, `/issues/${enc(txt)}`],
    [`issue, largest .docx`, `/issues/${enc(docx)}`],
    [`issue, largest .pdf`, `/issues/${enc(pdf)}`],
    ['original .docx (mammoth)', `/issues/${enc(docx)}/original`],
    ['original .pdf (page list)', `/issues/${enc(pdf)}/original`],
    ['original .pdf page 1 (pdftoppm)', `/issues/${enc(pdf)}/pages/1.png`],
    ['original .txt', `/issues/${enc(txt)}/original`],
    [`person, busiest (${person})`, `/people/${enc(person)}`],
    [`person, typical (${typicalPerson})`, `/people/${enc(typicalPerson)}`],
    ['people list', '/people'],
    [`organisation, busiest (${org})`, `/orgs/${enc(org)}`],
    ['organisations list', '/orgs'],
    [`place, busiest (${place})`, `/places/${enc(place)}`],
    [`date, busiest (${busiestDate})`, `/dates/${busiestDate}`],
    ['warnings', '/warnings'],
    ['search form', '/search'],
    ['search person', `/search?person=${enc(person)}`],
    ['search text (脱贫攻坚)', `/search?text=${enc('脱贫攻坚')}`],
    [`search month (${monthOf})`, `/search?from=${monthOf}&to=${monthOf}`],
    ['search everything since 2000', '/search?from=2000-01-01'],
    ['search section + org + window', `/search?section=${enc('活动')}&org=${enc('政协')}&from=2018&to=2024`],
    ['not found', '/issues/no-such-issue'],
  ];
  const timings: PageTiming[] = [];
  const issues = Number(/(\d+) issues? in/.exec(await (await fetch(`${server.url}/`)).text())?.[1] ?? 0);
  const loadAverage = os.loadavg()[0];
  try {
    const fetchOnce = async (target: string): Promise<[number, number, number]> => {
      const t = performance.now();
      const res = await fetch(`${server.url}${target}`);
      const body = await res.arrayBuffer();
      return [performance.now() - t, res.status, body.byteLength];
    };
    for (const [page, target] of pages) {
      const [coldMs, status, bytes] = await fetchOnce(target);
      const samples: number[] = [];
      const cpu0 = cpuOf(server.pid);
      for (let i = 0; i < runs; i++) samples.push((await fetchOnce(target))[0]);
      const cpuMs = (cpuOf(server.pid) - cpu0) / runs;
      samples.sort((a, b) => a - b);
      const at = (q: number) => samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)];
      timings.push({ page, path: target, status, bytes, coldMs: round(coldMs), medianMs: round(at(0.5)), p95Ms: round(at(0.95)), maxMs: round(samples.at(-1)!), cpuMs: round(cpuMs), pass: at(0.95) < TARGET_MS });
    }
  } finally {
    await server.stop();
  }
  return { files: corpus.files, records, items, issues, ingestSeconds: Math.round(ingestSeconds * 10) / 10, loadAverage: Math.round(loadAverage * 10) / 10, pages: timings };
}

export function printServeTable(result: ServeBenchResult): void {
  console.log(`\nbulletin serve: ${result.items} items in ${result.records} records (${result.issues} distinct issues) from ${result.files} files; ingest ${result.ingestSeconds} s`);
  console.log(`page render over HTTP (ms; target: every page < ${TARGET_MS} ms, p95 of warm runs; server CPU per request beside; load average ${result.loadAverage} on ${os.availableParallelism()} cores)`);
  const head = ['page', 'status', 'KB', 'cold', 'median', 'p95', 'max', 'CPU', ''];
  const rows = result.pages.map((p) => [p.page, String(p.status), (p.bytes / 1024).toFixed(0), String(p.coldMs), String(p.medianMs), String(p.p95Ms), String(p.maxMs), String(p.cpuMs), p.pass ? 'ok' : 'MISSED']);
  // Names are Chinese: pad by display width, not by string length.
  const widths = head.map((h, i) => Math.max(stringWidth(h), ...rows.map((r) => stringWidth(r[i]))));
  const fmt = (cells: string[]) => '  ' + cells.map((c, i) => (i === 0 ? padToWidth(c, widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(fmt(head));
  rows.forEach((r) => console.log(fmt(r)));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const value = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? Number(args[i + 1]) : undefined;
  };
  const result = await runServeBench({ copies: value('--copies'), runs: value('--runs'), log: (line) => process.stderr.write(`${line}\n`) });
  if (args.includes('--json')) console.log(JSON.stringify(result, null, 2));
  else printServeTable(result);
}
