/**
 * Traditional characters. Some offices' sites offer a 繁體 version of every page, and Hong Kong papers
 * report on 政协 in traditional script; pages copied from them reach the archive as they were printed
 * (縣政協副主席…). Every rule and lexicon of the pipeline is written in simplified characters, so such a
 * document is read through a simplified shadow: OpenCC (opencc-js, with its Hong Kong variants) converts
 * the text character for character, the pipeline runs on the shadow, and every string of the record is
 * mapped back to the characters the document printed. Offsets stay valid because the conversion keeps
 * the length of every text (a phrase conversion that would change it falls back to single characters).
 */
import { Converter } from 'opencc-js/t2cn';

const toCn = Converter({ from: 'hk', to: 'cn' });

/** Share of Han characters that must change under conversion for a text to count as traditional. */
const MIN_CHANGED_SHARE = 0.03;
/** …and at least this many, so a quoted 臺 or a name in an old form does not convert a whole document. */
const MIN_CHANGED = 5;
const HAN = /[\u3400-\u9fff]/u;
/** Characters of a document's opening converted to tell a simplified document at once. */
const SAMPLE = 3000;

/** The simplified form of `text`, of the same length. */
function simplify(text: string): string {
  const whole = toCn(text);
  if (whole.length === text.length) return whole;
  return [...text].map((c) => {
    const s = toCn(c);
    return s.length === c.length ? s : c;
  }).join('');
}

export interface SimplifiedShadow {
  /** The texts converted to simplified characters, each as long as the original. */
  texts: string[];
  /** Maps a string of the shadow back to the characters the document printed. */
  restore: (s: string) => string;
  /** How many characters were converted. */
  changed: number;
}

/**
 * The simplified shadow of a document's texts when they are written in traditional characters, else null.
 * A simplified character that stands for more than one printed character in the document (后 for 後 and for
 * 后 itself) maps back to the one printed most often there.
 */
export function simplifiedShadow(texts: string[]): SimplifiedShadow | null {
  // most documents are simplified: a sample of their opening converts to itself, and nothing more is done
  const sample = texts.join('\n').slice(0, SAMPLE);
  if (toCn(sample) === sample) return null;
  const converted = texts.map(simplify);
  let han = 0;
  let changed = 0;
  /** For each simplified character, how often each printed character became it. */
  const origins = new Map<string, Map<string, number>>();
  texts.forEach((text, k) => {
    const out = converted[k];
    for (let i = 0; i < text.length; i++) {
      const o = text[i];
      const s = out[i];
      if (!HAN.test(o)) continue;
      han++;
      if (o !== s) changed++;
      let counts = origins.get(s);
      if (!counts) origins.set(s, (counts = new Map()));
      counts.set(o, (counts.get(o) ?? 0) + 1);
    }
  });
  if (changed < MIN_CHANGED || changed < han * MIN_CHANGED_SHARE) return null;
  const back = new Map<string, string>();
  for (const [s, counts] of origins) {
    // most frequent printed character; ties go to the one that sorts first, so the output is deterministic
    const [best] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    if (best[0] !== s) back.set(s, best[0]);
  }
  const restore = (s: string): string => {
    let out = '';
    for (const c of s) out += back.get(c) ?? c;
    return out;
  };
  return { texts: converted, restore, changed };
}

/**
 * `value` with every string mapped through `restore`, except under the keys given (the source's path, which
 * names a file, and organisations' canonical names, kept simplified so that one body reads the same across
 * documents in either script). Key order is kept.
 */
export function restoreStrings<T>(value: T, restore: (s: string) => string, keep: ReadonlySet<string>): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return restore(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = keep.has(k) ? x : walk(x);
      return out;
    }
    return v;
  };
  return walk(value) as T;
}
