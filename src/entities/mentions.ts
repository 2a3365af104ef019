/** Person mentions of one item, kept free of overlaps: the first finder to claim a span wins. */

export interface PersonMention {
  name: string;
  start: number;
  end: number;
  titles: string[];
}

export class MentionSet {
  readonly mentions: PersonMention[] = [];
  private readonly taken: boolean[];
  constructor(length: number) {
    this.taken = new Array<boolean>(length).fill(false);
  }
  free(start: number, end: number): boolean {
    for (let i = start; i < end; i++) if (this.taken[i]) return false;
    return true;
  }
  /** Keeps a span from every finder without making it a mention (a byline's name). */
  claim(start: number, end: number): void {
    for (let i = start; i < end; i++) this.taken[i] = true;
  }
  add(hit: { name: string; start: number; end: number }, titles: string[]): boolean {
    // hits come as NameHit, PersonMention or a plain span: their fields are read once, here
    const { name, start, end } = hit;
    const same = this.mentions.find((m) => m.start === start && m.end === end);
    if (same) {
      // a second title for the same mention: 大学校长王成功教授
      for (const t of titles) if (!same.titles.includes(t)) same.titles.push(t);
      return false;
    }
    if (!this.free(start, end)) return false;
    for (let i = start; i < end; i++) this.taken[i] = true;
    this.mentions.push({ name, start, end, titles: [...titles] });
    return true;
  }
}

const ENUM_JOINERS = ['以及', '、', '和', '及', '与'];

export function joinerAt(text: string, at: number): string | null {
  for (const j of ENUM_JOINERS) if (text.startsWith(j, at)) return j;
  return null;
}

