/**
 * Linking the items of two renditions of one issue (a .pdf and the .docx it was printed from): the
 * same items in the same order, with texts that differ only by extraction noise (spaces, line
 * breaks, a stray page header). An order-keeping alignment (dynamic programming over positions)
 * pairs items whose texts are similar enough, so an item missing from one file (a split, a merge)
 * costs only itself.
 */

export interface AlignableItem {
  id: string;
  headline: string | null;
  text: string;
}

/** Below this similarity two items are not the same item. */
const MIN_SIMILARITY = 0.5;
/** Items further apart in position than this (beyond the difference in counts) are not compared. */
const BAND = 12;

function normalise(item: AlignableItem): string {
  return `${item.headline ?? ''}${item.text}`.normalize('NFKC').replace(/\s+/gu, '');
}

function bigrams(text: string): Map<string, number> {
  const chars = [...text];
  const counts = new Map<string, number>();
  for (let k = 0; k + 1 < chars.length; k++) {
    const gram = chars[k] + chars[k + 1];
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/** Dice coefficient over character bigrams: 1 for identical texts, 0 for nothing in common. */
export function textSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const ga = bigrams(a);
  const gb = bigrams(b);
  let total = 0;
  for (const n of ga.values()) total += n;
  for (const n of gb.values()) total += n;
  if (total === 0) return 0;
  let shared = 0;
  for (const [gram, n] of ga) shared += Math.min(n, gb.get(gram) ?? 0);
  return (2 * shared) / total;
}

/**
 * For each item of `other`, the id of the `preferred` item it is (absent when none is similar
 * enough), in the order of `other`. Pairs keep the order of both lists.
 */
export function alignItems(preferred: readonly AlignableItem[], other: readonly AlignableItem[]): Map<string, string> {
  const a = preferred.map(normalise);
  const b = other.map(normalise);
  const n = a.length;
  const m = b.length;
  const band = BAND + Math.abs(n - m);
  // score[i][j]: best total similarity aligning a[0..i) with b[0..j).
  const score: Float64Array[] = Array.from({ length: n + 1 }, () => new Float64Array(m + 1));
  const sims: Float64Array[] = Array.from({ length: n }, () => new Float64Array(m));
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      let best = Math.max(score[i - 1][j], score[i][j - 1]);
      if (Math.abs(i - j) <= band) {
        const sim = textSimilarity(a[i - 1], b[j - 1]);
        sims[i - 1][j - 1] = sim;
        if (sim >= MIN_SIMILARITY) best = Math.max(best, score[i - 1][j - 1] + sim);
      }
      score[i][j] = best;
    }
  }
  const pairs: [string, string][] = [];
  for (let i = n, j = m; i > 0 && j > 0; ) {
    const sim = sims[i - 1][j - 1];
    if (sim >= MIN_SIMILARITY && score[i][j] === score[i - 1][j - 1] + sim) {
      pairs.push([other[j - 1].id, preferred[i - 1].id]);
      i--;
      j--;
    } else if (score[i][j] === score[i - 1][j]) i--;
    else j--;
  }
  return new Map(pairs.reverse());
}
