/**
 * The invented fixture bulletins (scripts/fixtures/bulletins/*.mjs carry each item's text and hand-made
 * gold): the entity pass over their item texts, scored the way ../shared/eval/score.mjs scores a record.
 * None of their names appear in the entity code or lexicons.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../src/entities/index.js';
import { defaultLexicons } from './helpers.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const SPECS = path.resolve(here, '../../scripts/fixtures/bulletins');
const specFiles = fs.existsSync(SPECS) ? fs.readdirSync(SPECS).filter((f) => f.endsWith('.mjs') && !f.startsWith('baotou')) : [];

interface SpecItem {
  p?: string[];
  g?: { date: string | null; end?: string; pod?: string; people?: string[] };
}
interface Spec {
  doc: string;
  /** The dates depend on what the layout stage finds (a chronicle's headings, a page's date, the path): the golden records check them. */
  layoutDates?: boolean;
  masthead: { date: string | null };
  body: SpecItem[];
  titles?: [string, string][];
  organisations?: string[][];
  notPeople?: string[];
}

/** As the normaliser hands item text over: no layout spaces next to Han characters, a ¦ wrap mark joined. */
const normalise = (p: string) =>
  p.replace(/¦/g, '').replace(/(?<=[^\x00-\x7f])[ \t\u3000]+|[ \t\u3000]+(?=[^\x00-\x7f])/g, '').trim();

describe.skipIf(specFiles.length === 0)('the invented fixture bulletins', () => {
  it.each(specFiles)('%s: people, titles, organisations and dates as the gold has them', async (file) => {
    const { spec } = (await import(pathToFileURL(path.join(SPECS, file)).href)) as { spec: Spec };
    const items = spec.body.filter((b) => b.p && b.g);
    const results = extractEntities(
      items.map((b) => b.p!.map(normalise).join('\n')),
      { issueDate: spec.masthead.date, lexicons: defaultLexicons },
    );
    let tp = 0;
    let predicted = 0;
    let expected = 0;
    let datesOk = 0;
    items.forEach((b, k) => {
      const got = new Set(results[k].people.map((p) => p.name));
      const want = new Set(b.g!.people ?? []);
      for (const n of got) if (want.has(n)) tp++;
      predicted += got.size;
      expected += want.size;
      const d = results[k].date;
      const goldDate = b.g!.date ?? null;
      if (goldDate === null ? d === null : d?.start === goldDate && d.end === (b.g!.end ?? goldDate)) datesOk++;
    });
    const precision = predicted ? tp / predicted : 1;
    const recall = expected ? tp / expected : 1;
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.95);
    if (!spec.layoutDates) expect(datesOk / items.length).toBeGreaterThanOrEqual(0.95);

    const people = results.flatMap((r) => r.people);
    const titles = spec.titles ?? [];
    const titled = titles.filter(([n, t]) => people.some((p) => p.name === n && p.titles.some((x) => x === t || x.endsWith(t))));
    expect(titled.length / Math.max(1, titles.length)).toBeGreaterThanOrEqual(0.9);

    const orgs = new Set(results.flatMap((r) => r.organisations.map((o) => o.name)));
    const wanted = spec.organisations ?? [];
    const found = wanted.filter((alts) => alts.some((a) => orgs.has(a)));
    expect(found.length / Math.max(1, wanted.length)).toBeGreaterThanOrEqual(0.85);

    const everyone = new Set(people.map((p) => p.name));
    expect((spec.notPeople ?? []).filter((w) => everyone.has(w))).toEqual([]);
  });
});
