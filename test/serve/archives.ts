/**
 * Archives for the serve tests: the sample index (every fixture and the invented markup bulletin,
 * ingested by the real CLI) and a hostile one (hand-made records with markup in every text field, and
 * a record whose source path points outside the archive).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import type { BulletinRecord } from '../../src/record/schema.js';
import { startServer, type RunningServer } from '../../src/serve/server.js';
import { rebuildIndex } from '../../src/store/sqlite-index.js';
import { makeRecord, writeRecords } from '../query/sample-records.js';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const MARKUP_BULLETIN = path.join('test', 'data', 'serve', 'markup-bulletin.txt');

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Ingests fixtures/ and the markup bulletin with the CLI, from the repo (source paths are relative to it). */
export function ingestSample(): string {
  const outDir = tempDir('bulletin-serve-sample-');
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(repo, 'src', 'main.ts'), 'ingest', 'fixtures', MARKUP_BULLETIN, '--out', outDir], {
    cwd: repo,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`ingest failed (${run.status}): ${run.stderr}`);
  return outDir;
}

export const EVIL = {
  person: '<b>张三</b>',
  title: '"><script>alert("title")</script>',
  org: '<img src=x onerror=alert("org")>',
  place: '</a><script>alert("place")</script>',
  section: '<script>alert("section")</script>',
  publisher: '<script>alert("publisher")</script>办公室',
  message: '<script>alert("message")</script>',
  editor: '<iframe src="javascript:alert(1)">',
};

/** Records with markup in every field a page shows, and one whose source path climbs out of the archive. */
export function hostileRecords(): BulletinRecord[] {
  const text = `6月1日，${EVIL.person}到${EVIL.place}${EVIL.org}调研<script>alert("text")</script>。`;
  const evil = makeRecord('evil-2021-01', '2021-06-08', [
    {
      section: EVIL.section,
      headline: '<h1>headline</h1>',
      text,
      date: { text: '6月1日', start: '2021-06-01', end: '2021-06-01' },
      people: [[EVIL.person, [EVIL.title]]],
      organisations: [EVIL.org],
      places: [EVIL.place],
    },
  ]);
  const at = (s: string) => [text.indexOf(s), text.indexOf(s) + s.length] as [number, number];
  evil.items[0].people[0].spans = [at(EVIL.person)];
  evil.items[0].organisations[0].spans = [at(EVIL.org)];
  evil.items[0].places[0].spans = [at(EVIL.place)];
  evil.masthead.publisher = EVIL.publisher;
  evil.masthead.title = EVIL.publisher;
  evil.footer.editors = [EVIL.editor];
  evil.messages = [{ severity: 'warning', code: 'item-without-date', message: EVIL.message, page: null, offset: 0 }];
  const escaping = makeRecord('escape-2021-02', '2021-06-15', [{ section: '领导活动', text: '6月10日，市政协副主席贺俊主持会议。', people: [['贺俊', ['市政协副主席']]] }]);
  escaping.source.path = '../../../../../../etc/passwd';
  return [evil, escaping];
}

/** A hostile archive, written and indexed; with a damaged .docx original whose bytes the record names. */
export function hostileArchive(): string {
  const outDir = tempDir('bulletin-serve-hostile-');
  const damaged = path.join(outDir, 'originals', 'damaged.docx');
  fs.mkdirSync(path.dirname(damaged));
  fs.writeFileSync(damaged, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]));
  const record = makeRecord('damaged-2021-03', '2021-06-22', [{ section: '领导活动', text: '6月20日，市政协副主席贺俊主持会议。' }]);
  record.source = { ...record.source, path: damaged, format: 'docx', sha256: sha256(damaged), encoding: null };
  // A date whose year nothing tells (start and end null): marked, but linked to no day.
  const yearless = makeRecord('yearless-2021-04', '2021-06-29', [{ section: '领导活动', text: '6月1日，市政协副主席贺俊调研。', people: [['贺俊', ['市政协副主席']]] }]);
  yearless.items[0].date = { text: '6月1日', start: null, end: null, partOfDay: null, span: [0, 4], year: null, month: 6, day: 1, basis: 'text' };
  yearless.items[0].dates = [yearless.items[0].date];
  writeRecords(outDir, [...hostileRecords(), record, yearless]);
  rebuildIndex(outDir);
  return outDir;
}

export async function serve(outDir: string, sources = repo): Promise<RunningServer> {
  return startServer({ out: outDir, port: 0, sources });
}

export function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/**
 * Registers beforeAll/afterAll that build the named archives, serve each on a free port, and remove
 * them afterwards; the returned object holds the servers and folders once the hook has run.
 */
export function useServers(kinds: { sample?: boolean; hostile?: boolean }): { sample: RunningServer; hostile: RunningServer; sampleOut: string; hostileOut: string } {
  const state = {} as { sample: RunningServer; hostile: RunningServer; sampleOut: string; hostileOut: string };
  beforeAll(async () => {
    if (kinds.sample) {
      state.sampleOut = ingestSample();
      state.sample = await serve(state.sampleOut);
    }
    if (kinds.hostile) {
      state.hostileOut = hostileArchive();
      state.hostile = await serve(state.hostileOut);
    }
  });
  afterAll(async () => {
    await state.sample?.close();
    await state.hostile?.close();
    for (const dir of [state.sampleOut, state.hostileOut]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });
  return state;
}
