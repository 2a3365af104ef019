/**
 * Web pages saved from office websites (`.html`/`.htm`): the page is decoded (see html-charset.ts),
 * parsed with htmlparser2 (a forgiving, maintained parser: real pages are rarely well-formed) and
 * read as paragraphs:
 * - every block element (`<p>`, `<div>`, `<li>`, `<h1>`…) and every `<br>` ends a paragraph;
 * - a table row is one block, its cells separated by a wide gap (U+3000): a `tableCell` block when two or
 *   more cells hold text (a data row: never a headline), a paragraph when one does (pages laid out in
 *   tables); cells holding block content themselves break as usual;
 * - headings, and paragraphs that are bold throughout, are bold paragraphs — a page carries one
 *   article, so its headings are headlines, not sections;
 * - the `<title>` is added as the first paragraph when the body does not print it;
 * - scripts, styles, forms and the page's chrome (`<nav>`, `<aside>`, `<header>`/`<footer>` outside
 *   the article, and elements whose class or id names a menu, breadcrumb, banner or footer) are left
 *   out. Chrome printed as ordinary text (发布日期, 上一篇…) is removed later, for text and pages alike,
 *   by src/normalise/web-chrome.ts.
 */
import { Parser } from 'htmlparser2';
import { IngestError, message, type Block, type Extraction, type Message, type PageDate } from '../types.js';
import { decodePage } from './html-charset.js';

/** Elements whose content is never text of the page. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'select', 'button', 'textarea', 'map', 'canvas', 'audio', 'video']);

/** Elements that open and close a paragraph. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'html', 'li', 'main', 'menu', 'ol', 'p', 'pre', 'section',
  'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const BOLD = new Set(['b', 'strong']);

/** Page-chrome elements by tag; header and footer only outside an article (an article's header holds its title). */
const CHROME_TAGS = new Set(['nav', 'aside']);
const CHROME_OUTSIDE_ARTICLE = new Set(['header', 'footer']);

/**
 * Class or id words that name page chrome on office sites (whole words of the attribute, so
 * `article-header` or `content` never match). 导航 (daohang) and 位置 (weizhi, the breadcrumb) are
 * the pinyin names Chinese site builders use.
 */
const CHROME_NAMES = new Set([
  'nav', 'navbar', 'navigation', 'menu', 'mainmenu', 'topmenu', 'submenu', 'breadcrumb', 'breadcrumbs', 'crumb', 'crumbs', 'sidebar',
  'banner', 'copyright', 'share', 'toolbar', 'topbar', 'pagination', 'pager', 'daohang', 'weizhi', 'skip',
]);
/** Names of the page's top and bottom: chrome outside an article, the article's own header (its title) inside one. */
const EDGE_NAMES = new Set(['header', 'footer', 'foot', 'top', 'bottom']);

function namesChrome(attribs: Record<string, string>, insideArticle: boolean): boolean {
  const names = `${attribs.class ?? ''} ${attribs.id ?? ''}`.toLowerCase().split(/\s+/).filter(Boolean);
  const chromeWord = (part: string) => CHROME_NAMES.has(part) || (!insideArticle && EDGE_NAMES.has(part));
  // `top-nav`, `footer2` are chrome; `article-header` (article + header) is not: every part must be a chrome word
  return names.some((n) => n.split(/[_-]+/).every((part) => chromeWord(part.replace(/\d+$/, ''))));
}

const squash = (s: string) => s.replace(/[\s\u3000]+/g, '');

/**
 * `<meta>` names that carry the publish date: PubDate is the one the national standard for government
 * websites prescribes (with SiteName, ColumnName, ArticleTitle); the others are common elsewhere.
 */
const PUBLISH_META = new Set(['pubdate', 'publishdate', 'publish_date', 'publishtime', 'article:published_time', 'dc.date', 'dc.date.issued', 'dcterms.issued', 'firstpublishedtime']);
const META_DATE = /^((?:19|20)\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2}):(\d{2}))?/u;

/** The page's metadata publish date, or null. */
function publishDateOf(attribs: Record<string, string>): PageDate | null {
  const key = (attribs.name ?? attribs.property ?? attribs.itemprop ?? '').trim().toLowerCase();
  if (!PUBLISH_META.has(key) && key !== 'datepublished') return null;
  const content = (attribs.content ?? '').trim();
  const m = META_DATE.exec(content);
  if (!m) return null;
  const [month, day] = [Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { date, time: m[4] !== undefined ? `${m[4].padStart(2, '0')}:${m[5]}` : null, text: content, label: null, source: 'html-meta', at: null };
}

interface Frame {
  name: string;
  skips: boolean;
  /** Serial number of the element (document order), for telling which blocks an element holds. */
  serial: number;
}

/** A block with the elements it sits in (their serials, outermost first) and whether a heading printed it. */
interface PlacedBlock {
  block: Block;
  path: number[];
  heading: boolean;
}

class PageReader {
  readonly blocks: Block[] = [];
  readonly placed: PlacedBlock[] = [];
  readonly frames: Frame[] = [];
  private serials = 0;
  /** The element path where the buffer's text began. */
  private bufferPath: number[] | null = null;
  title = '';
  chromeDropped = 0;
  pageDate: PageDate | null = null;
  private skipDepth = 0;
  private preDepth = 0;
  private articleDepth = 0;
  private inTitle = false;
  private boldDepth = 0;
  private headingDepth = 0;
  private buffer = '';
  private boldChars = 0;
  private plainChars = 0;
  /** Cells of the current row that put text into the buffer, and the buffer's length when the open cell began. */
  private filledCells = 0;
  private cellStart = 0;

  open(name: string, attribs: Record<string, string>): void {
    if (name === 'meta') this.pageDate ??= publishDateOf(attribs);
    const chrome =
      this.skipDepth === 0 &&
      (CHROME_TAGS.has(name) || (CHROME_OUTSIDE_ARTICLE.has(name) && this.articleDepth === 0) || (name !== 'body' && name !== 'html' && namesChrome(attribs, this.articleDepth > 0)));
    const skips = SKIPPED.has(name) || chrome;
    if (chrome) this.chromeDropped++;
    this.frames.push({ name, skips, serial: this.serials++ });
    if (skips) {
      if (this.skipDepth === 0) this.flush();
      this.skipDepth++;
      return;
    }
    if (name === 'title') this.inTitle = true;
    if (name === 'article' || name === 'main') this.articleDepth++;
    if (name === 'pre') this.preDepth++;
    if (BOLD.has(name)) this.boldDepth++;
    if (HEADINGS.has(name)) {
      this.flush();
      this.headingDepth++;
    }
    if (name === 'br') this.flush();
    else if (name === 'tr') this.flush();
    else if (name === 'td' || name === 'th') {
      // cells of one row share a paragraph, a wide gap between them
      if (this.buffer.trim() !== '') this.buffer += '\u3000';
      this.cellStart = squash(this.buffer).length;
    } else if (BLOCK.has(name)) this.flush();
  }

  close(): void {
    const frame = this.frames.pop();
    if (!frame) return;
    const { name } = frame;
    if (frame.skips) {
      this.skipDepth--;
      return;
    }
    if (name === 'title') this.inTitle = false;
    if (name === 'article' || name === 'main') this.articleDepth--;
    if (name === 'pre') this.preDepth--;
    if (BOLD.has(name)) this.boldDepth--;
    if (HEADINGS.has(name)) {
      this.flush();
      this.headingDepth--;
    } else if (name === 'td' || name === 'th') {
      if (squash(this.buffer).length > this.cellStart) this.filledCells++;
    } else if (BLOCK.has(name)) this.flush();
  }

  text(data: string): void {
    if (this.skipDepth > 0) return;
    if (this.inTitle) {
      this.title += data;
      return;
    }
    const text = this.preDepth > 0 ? data : data.replace(/[ \t\n\r\f]+/g, ' ');
    if (this.preDepth > 0 && text.includes('\n')) {
      const [first, ...rest] = text.split(/\r?\n/);
      this.append(first);
      for (const part of rest) {
        this.flush();
        this.append(part);
      }
      return;
    }
    this.append(text);
  }

  private append(text: string): void {
    if (this.bufferPath === null && text.trim() !== '') this.bufferPath = this.frames.map((f) => f.serial);
    this.buffer += text;
    const visible = squash(text).length;
    if (this.boldDepth > 0 || this.headingDepth > 0) this.boldChars += visible;
    else this.plainChars += visible;
  }

  flush(): void {
    const text = this.buffer.replace(/^[ \u00a0]+|[ \u00a0]+$/g, '');
    const bold = this.boldChars > 0 && this.plainChars === 0;
    const row = this.filledCells >= 2;
    const path = this.bufferPath ?? this.frames.map((f) => f.serial);
    const heading = this.headingDepth > 0;
    this.bufferPath = null;
    this.buffer = '';
    this.boldChars = 0;
    this.plainChars = 0;
    this.filledCells = 0;
    this.cellStart = 0;
    if (squash(text.replace(/\u00a0/g, '')) === '') return;
    const block: Block = { text, kind: row ? 'tableCell' : 'paragraph', index: this.blocks.length };
    if (bold) block.bold = true;
    this.blocks.push(block);
    this.placed.push({ block, path, heading });
  }
}

/** Characters of running text: a page's article holds most of them, its menus and lists almost none. */
const SENTENCE_MARKS = /[，。！？；、：“”]/gu;
/** Share of the page's sentence marks an element must hold to be taken for the article. */
const ARTICLE_SHARE = 0.7;
/** Below this many marks a page is too short to tell its article from the rest. */
const MIN_MARKS = 10;
/** How far above the text's element its heading may sit (div.article > h1 + div.info + div.content). */
const MAX_HEADING_LIFT = 3;
/** A labelled date line (发布时间：2021-03-04) outside the article is kept: it dates the page. */
const DATE_LINE = /(?:发布|时间|日期|来源)[^。，]{0,20}?(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}/u;
const MAX_DATE_LINE = 100;

/**
 * The page's article: the deepest element that holds most of the page's running text (70% of its sentence
 * marks), lifted to the nearest ancestor that also holds a heading before that text (the article's title).
 * Its blocks are kept, with labelled date lines and any sentence from elsewhere (only lines without a sentence
 * — menus, column lists, teasers — are left out); null when no element holds that much (a list
 * page, a page of several articles) or when the article is the whole page.
 */
function articleRegion(placed: PlacedBlock[]): { blocks: Block[]; dropped: number; share: number } | null {
  const marks = placed.map((p) => p.block.text.match(SENTENCE_MARKS)?.length ?? 0);
  const total = marks.reduce((a, b) => a + b, 0);
  if (total < MIN_MARKS) return null;
  const held = new Map<number, number>();
  const depth = new Map<number, number>();
  placed.forEach((p, k) => {
    p.path.forEach((serial, d) => {
      held.set(serial, (held.get(serial) ?? 0) + marks[k]);
      depth.set(serial, d);
    });
  });
  let core: number | null = null;
  for (const [serial, n] of held) {
    if (n >= total * ARTICLE_SHARE && (core === null || (depth.get(serial) ?? 0) > (depth.get(core) ?? 0))) core = serial;
  }
  if (core === null) return null;
  const inside = (serial: number) => placed.filter((p) => p.path.includes(serial));
  let region = core;
  const first = inside(core)[0];
  const chain = first.path.slice(0, first.path.indexOf(core) + 1);
  for (let lift = 0; lift <= MAX_HEADING_LIFT && lift < chain.length; lift++) {
    const serial = chain[chain.length - 1 - lift];
    const blocks = inside(serial);
    if (blocks.some((p) => p.heading && p.block.index < first.block.index)) {
      region = serial;
      break;
    }
  }
  // text outside that holds a sentence is no menu or list: it stays (nothing of a second article is lost)
  const kept = placed.filter((p) => p.path.includes(region) || /[。！？]/u.test(p.block.text) || (p.block.text.length <= MAX_DATE_LINE && DATE_LINE.test(p.block.text)));
  if (kept.length === placed.length) return null;
  return { blocks: kept.map((p) => p.block), dropped: placed.length - kept.length, share: (held.get(region) ?? 0) / total };
}

/** `区政协召开主席会议_金安区政协网 - 工作动态` → its first part, the page's own headline. */
function headlineOfTitle(title: string): string | null {
  const parts = title
    .replace(/\s+/g, ' ')
    .split(/\s*(?:[|｜_]|\s[-–—]+\s|--|——)\s*/u)
    .map((p) => p.trim())
    .filter((p) => p.length >= 2);
  return parts[0] ?? null;
}

export function extractHtml(bytes: Buffer): Extraction {
  const page = decodePage(bytes);
  const messages: Message[] = [...page.messages];
  const reader = new PageReader();
  const parser = new Parser(
    {
      onopentag: (name, attribs) => reader.open(name, attribs),
      onclosetag: () => reader.close(),
      ontext: (data) => reader.text(data),
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(page.text.replace(/^\ufeff/, ''));
  parser.end();
  reader.flush();

  const article = articleRegion(reader.placed);
  const blocks = article ? article.blocks : reader.blocks;
  if (article) {
    blocks.forEach((b, k) => (b.index = k));
    messages.push(message('info', 'html-outside-article', `Left out ${article.dropped} paragraph(s) outside the page's article (menus, column lists, teasers): the article holds ${Math.round(article.share * 100)}% of the page's sentences.`));
  }
  const headline = headlineOfTitle(reader.title);
  if (headline && !blocks.some((b) => squash(b.text) === squash(headline))) {
    blocks.unshift({ text: headline, kind: 'paragraph', bold: true, index: 0 });
    blocks.forEach((b, k) => (b.index = k));
  }
  if (blocks.length === 0) throw new IngestError('empty-file', 'The web page has no text outside scripts, styles and page chrome.');
  if (reader.chromeDropped > 0) {
    messages.push(message('info', 'html-chrome-dropped', `Left out ${reader.chromeDropped} page-chrome element(s) of the web page (navigation, menus, banners, site header and footer).`));
  }
  return { format: 'html', blocks, encoding: page.encoding, pages: null, messages, pageDate: reader.pageDate };
}
