/**
 * Query speed: builds an index of generated records (≥ 10,000 items) in a temporary folder and
 * measures in-process latency of person, full-text, short-word and date-window queries (median and
 * p95 over repeated runs), plus the start-up time of `bulletin query` as a child process.
 *
 *   node --import tsx bench/query.ts [--items N] [--runs N] [--spawns N] [--no-compiled] [--json]
 *
 * `runQueryBench()` is exported for bench/run.ts.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { SCHEMA_VERSION, type BulletinRecord } from '../src/record/schema.js';
import { openIndexForRead } from '../src/store/index-db.js';
import { rebuildIndex, updateIndex } from '../src/store/sqlite-index.js';
import { queryItems, personTimelines, topEntities, type QueryFilters } from '../src/query/search.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface LatencyStats {
  name: string;
  results: number;
  medianMs: number;
  p95Ms: number;
}

export interface QueryBenchResult {
  records: number;
  items: number;
  buildMs: number;
  updateOneRecordMs: number;
  queries: LatencyStats[];
  startup: LatencyStats[];
}

export interface QueryBenchOptions {
  items?: number;
  runs?: number;
  spawns?: number;
  /** Also compile src/ to a temporary dist and time the compiled CLI (when the repo has no dist/). */
  compiled?: boolean;
  log?: (line: string) => void;
}

/** A small deterministic PRNG (mulberry32), so every run indexes the same archive. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = [...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红文玉兰海云飞鹏辉晓东俊波宁斌晶博凯峰雪梅琳昊'];
const TITLES = ['市政协主席', '市政协副主席', '市政协秘书长', '市政协副秘书长', '市委常委', '统战部部长', '市长', '副市长', '市人大常委会主任', '区委书记', '提案委员会主任', '民建市委主委'];
const ORGS = ['市政协', '市委统战部', '提案委员会', '经济委员会', '文化文史委', '民革市委', '民盟市委', '民建市委', '九三学社市委', '市工商联', '市人大常委会', '市卫健委', '市教育局', '市发改委', '包钢集团有限公司', '市中心医院'];
const PLACES = ['青山区', '昆都仑区', '东河区', '九原区', '石拐区', '白云鄂博矿区', '土右旗', '固阳县', '达茂旗', '赛汗街道', '友谊社区', '新光村'];
const SECTIONS = ['重要活动', '领导活动', '重要会议', '协商议政', '调研视察', '提案工作', '委员风采', '学习培训'];
const PHRASES = [
  '深入学习贯彻习近平新时代中国特色社会主义思想', '统筹推进疫情防控和经济社会发展', '围绕民营经济高质量发展开展专题调研',
  '听取有关工作情况汇报', '就做好复工复产工作提出意见建议', '强调要提高政治站位', '召开专题协商会', '走访慰问困难群众',
  '推动脱贫攻坚任务落实', '加强生态环境保护', '优化营商环境', '做好提案办理工作', '开展委员履职培训',
];

export function generateRecords(targetItems: number): BulletinRecord[] {
  const rand = random(20240518);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  // A skewed name pool: a few people appear often, most rarely, as in real bulletins.
  const names = Array.from({ length: 600 }, () => pick(SURNAMES) + pick(GIVEN) + (rand() < 0.6 ? pick(GIVEN) : ''));
  const pickPerson = () => names[Math.floor(names.length * rand() ** 2.5)];
  const records: BulletinRecord[] = [];
  let itemCount = 0;
  for (let r = 0; itemCount < targetItems; r++) {
    const issue = new Date(Date.UTC(2015, 0, 1) + Math.floor(rand() * 10 * 365.25) * 86_400_000);
    const issueDate = issue.toISOString().slice(0, 10);
    const id = `bench-${issueDate.slice(0, 4)}-${String(r).padStart(5, '0')}`;
    const itemsInRecord = 15 + Math.floor(rand() * 20);
    const items: BulletinRecord['items'] = [];
    for (let n = 0; n < itemsInRecord; n++) {
      const daysBefore = Math.floor(rand() * 7);
      const start = new Date(issue.getTime() - daysBefore * 86_400_000);
      const end = rand() < 0.2 ? new Date(start.getTime() + 86_400_000) : start;
      const dated = rand() < 0.9;
      const people = [...new Set(Array.from({ length: 1 + Math.floor(rand() * 3) }, pickPerson))].map((name) => ({
        name,
        titles: rand() < 0.8 ? [pick(TITLES)] : [],
        spans: [] as [number, number][],
      }));
      const org = pick(ORGS);
      const place = pick(PLACES);
      const dateText = `${start.getUTCMonth() + 1}月${start.getUTCDate()}日`;
      const text = `${dated ? `${dateText}，` : ''}${people.map((p) => `${p.titles[0] ?? ''}${p.name}`).join('、')}到${place}${org}，${pick(PHRASES)}，${pick(PHRASES)}。${pick(PHRASES)}。`;
      items.push({
        id: `${id}#${n}`,
        section: pick(SECTIONS),
        marker: '◆',
        headline: null,
        text,
        date: dated
          ? { text: dateText, start: start.toISOString().slice(0, 10), end: end.toISOString().slice(0, 10), partOfDay: null, span: [0, dateText.length],
              year: start.getUTCFullYear(), month: start.getUTCMonth() + 1, day: start.getUTCDate(), basis: 'text' as const }
          : null,
        dates: [],
        people,
        bylines: [],
        organisations: [{ name: org, canonical: org, spans: [] }],
        places: [{ name: place, spans: [] }],
        provenance: { page: null, paragraph: n },
      });
    }
    itemCount += items.length;
    records.push({
      schemaVersion: SCHEMA_VERSION,
      id,
      source: { path: `archive/${id}.txt`, format: 'txt', sha256: '0'.repeat(64), bytes: 1000, encoding: 'utf-8', pages: null },
      masthead: { title: '包头市 工作周报', issue: r + 1, totalIssue: null, year: issue.getUTCFullYear(), publisher: '包头市政协办公室', date: issueDate },
      sections: [],
      items,
      footer: { reportTo: [], copyTo: [], distributeTo: [], editors: [], reviewers: [], phone: null, email: null, copies: null },
      bylines: [],
      messages: [],
    });
  }
  return records;
}

function stats(name: string, results: number, samples: number[]): LatencyStats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { name, results, medianMs: round(at(0.5)), p95Ms: round(at(0.95)) };
}

const round = (ms: number) => Math.round(ms * 100) / 100;

function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const value = fn();
  return [value, performance.now() - t0];
}

function timeSpawn(name: string, command: string, args: string[], runs: number, cwd: string): LatencyStats {
  const samples: number[] = [];
  let lines = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const child = spawnSync(command, args, { cwd, encoding: 'utf8' });
    samples.push(performance.now() - t0);
    if (child.status !== 0) throw new Error(`${name} exited with ${child.status}: ${child.stderr}`);
    lines = child.stdout.split('\n').filter(Boolean).length;
  }
  return stats(name, lines, samples);
}

/** Compiles src/ into a temporary package folder (package.json + node_modules link + dist/). */
function compileToTemp(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-dist-'));
  fs.copyFileSync(path.join(repoRoot, 'package.json'), path.join(dir, 'package.json'));
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'));
  fs.mkdirSync(path.join(dir, 'bin'));
  fs.copyFileSync(path.join(repoRoot, 'bin', 'bulletin.mjs'), path.join(dir, 'bin', 'bulletin.mjs'));
  try {
    execFileSync(process.execPath, [path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(repoRoot, 'tsconfig.build.json'), '--outDir', path.join(dir, 'dist')], { stdio: 'pipe' });
  } catch {
    // Type errors elsewhere in src/ still emit JavaScript (noEmitOnError is off).
  }
  if (!fs.existsSync(path.join(dir, 'dist', 'main.js'))) throw new Error('compiling src/ produced no dist/main.js');
  return dir;
}

export async function runQueryBench(options: QueryBenchOptions = {}): Promise<QueryBenchResult> {
  const log = options.log ?? (() => {});
  const runs = options.runs ?? 50;
  const spawns = options.spawns ?? 10;
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-query-bench-'));
  const cleanup: string[] = [outDir];
  try {
    const records = generateRecords(options.items ?? 12_000);
    fs.mkdirSync(path.join(outDir, 'bulletins'));
    for (const record of records) fs.writeFileSync(path.join(outDir, 'bulletins', `${record.id}.json`), JSON.stringify(record));
    const [counts, buildMs] = time(() => rebuildIndex(outDir));
    log(`indexed ${counts.records} records, ${counts.items} items in ${Math.round(buildMs)} ms`);
    const [, updateOneRecordMs] = time(() => updateIndex(outDir, [records[0]], []));

    const db = openIndexForRead(outDir);
    if (!db) throw new Error('index missing after rebuild');
    const [busiest] = topEntities(db, 'people', 1);
    const typical = topEntities(db, 'people', 200).at(-1)!;
    const cases: [string, () => number][] = [
      [`person, busiest (${busiest.name})`, () => queryItems(db, { person: busiest.name }).length],
      [`person, typical (${typical.name})`, () => queryItems(db, { person: typical.name }).length],
      ['text FTS (营商环境)', () => queryItems(db, { text: '营商环境' }).length],
      ['text FTS, 2 words (复工复产 青山区)', () => queryItems(db, { text: '复工复产 青山区' }).length],
      ['text short word LIKE (慰问)', () => queryItems(db, { text: '慰问' }).length],
      ['date window, one month', () => queryItems(db, { from: '2019-03-01', to: '2019-03-31' }).length],
      ['date window + section + org', () => queryItems(db, { from: '2018-01-01', to: '2018-12-31', section: '协商', org: '统战部' }).length],
      ['person timeline (busiest)', () => personTimelines(db, busiest.name).reduce((n, t) => n + t.items.length, 0)],
      ['top 20 people', () => topEntities(db, 'people', 20).length],
    ];
    const queries: LatencyStats[] = [];
    for (const [name, run] of cases) {
      run(); // warm the statement cache and the page cache
      const samples: number[] = [];
      let results = 0;
      for (let i = 0; i < runs; i++) {
        const [n, ms] = time(run);
        results = n;
        samples.push(ms);
      }
      queries.push(stats(name, results, samples));
    }
    db.close();

    const queryArgs = ['query', '--out', outDir, '--person', typical.name, '--format', 'jsonl'];
    const startup: LatencyStats[] = [timeSpawn('node -e "" (baseline)', process.execPath, ['-e', ''], spawns, repoRoot)];
    const repoHasDist = fs.existsSync(path.join(repoRoot, 'dist', 'main.js'));
    startup.push(timeSpawn(`bin/bulletin.mjs query (${repoHasDist ? 'dist' : 'tsx'})`, process.execPath, [path.join(repoRoot, 'bin', 'bulletin.mjs'), ...queryArgs], spawns, repoRoot));
    if (repoHasDist) {
      startup.push(timeSpawn('node --import tsx src/main.ts query', process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src', 'main.ts'), ...queryArgs], spawns, repoRoot));
    } else if (options.compiled !== false) {
      log('compiling src/ to a temporary dist for the compiled start-up time…');
      const pkgDir = compileToTemp();
      cleanup.push(pkgDir);
      startup.push(timeSpawn('bin/bulletin.mjs query (compiled dist)', process.execPath, [path.join(pkgDir, 'bin', 'bulletin.mjs'), ...queryArgs], spawns, repoRoot));
    }
    return { records: counts.records, items: counts.items, buildMs: round(buildMs), updateOneRecordMs: round(updateOneRecordMs), queries, startup };
  } finally {
    for (const dir of cleanup) fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function printTable(result: QueryBenchResult): void {
  const row = (s: LatencyStats) => `  ${s.name.padEnd(44)} ${String(s.medianMs).padStart(8)} ${String(s.p95Ms).padStart(8)} ${String(s.results).padStart(8)}`;
  const head = `  ${'case'.padEnd(44)} ${'median'.padStart(8)} ${'p95'.padStart(8)} ${'results'.padStart(8)}`;
  console.log(`index: ${result.records} records, ${result.items} items; rebuild ${result.buildMs} ms; update of one record ${result.updateOneRecordMs} ms`);
  console.log('\nin-process query latency (ms)');
  console.log(head);
  result.queries.forEach((s) => console.log(row(s)));
  console.log('\nCLI start-up, whole process (ms)');
  console.log(head);
  result.startup.forEach((s) => console.log(row(s)));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const value = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? Number(args[i + 1]) : undefined;
  };
  const result = await runQueryBench({
    items: value('--items'),
    runs: value('--runs'),
    spawns: value('--spawns'),
    compiled: !args.includes('--no-compiled'),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  if (args.includes('--json')) console.log(JSON.stringify(result, null, 2));
  else printTable(result);
}
