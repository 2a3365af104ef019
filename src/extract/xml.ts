/**
 * A small, strict-enough XML reader for the WordprocessingML parts of a docx. We read the parts
 * ourselves because mammoth drops list numbering; a tiny tree is all the walk needs.
 *
 * Element and attribute names from the WordprocessingML main namespace are reported with the
 * `w:` prefix whatever prefix the file declared (transitional and strict OOXML alike); other names
 * keep their own prefix. DOCTYPEs and custom entities are ignored, never expanded.
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const WORD_NAMESPACES = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);

export class XmlError extends Error {}

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, body: string) => {
    if (body[0] === '#') {
      const cp = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
    }
    return NAMED[body] ?? whole;
  });
}

const ATTR = /([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

export function parseXml(source: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: Array<{ el: XmlElement; ns: Map<string, string> }> = [{ el: root, ns: new Map() }];
  let pos = 0;
  const len = source.length;
  while (pos < len) {
    const lt = source.indexOf('<', pos);
    if (lt === -1) {
      appendText(stack[stack.length - 1].el, source.slice(pos));
      break;
    }
    if (lt > pos) appendText(stack[stack.length - 1].el, source.slice(pos, lt));
    if (source.startsWith('<!--', lt)) {
      pos = skipTo(source, '-->', lt);
    } else if (source.startsWith('<![CDATA[', lt)) {
      const end = source.indexOf(']]>', lt);
      if (end === -1) throw new XmlError('unterminated CDATA');
      stack[stack.length - 1].el.children.push(source.slice(lt + 9, end));
      pos = end + 3;
    } else if (source.startsWith('<?', lt)) {
      pos = skipTo(source, '?>', lt);
    } else if (source.startsWith('<!', lt)) {
      pos = skipDoctype(source, lt);
    } else if (source[lt + 1] === '/') {
      const gt = source.indexOf('>', lt);
      if (gt === -1) throw new XmlError('unterminated end tag');
      if (stack.length <= 1) throw new XmlError('unbalanced end tag');
      stack.pop();
      pos = gt + 1;
    } else {
      const gt = findTagEnd(source, lt);
      const selfClosing = source[gt - 1] === '/';
      const inner = source.slice(lt + 1, selfClosing ? gt - 1 : gt);
      const nameEnd = inner.search(/[\s/]|$/);
      const rawName = inner.slice(0, nameEnd);
      const rawAttrs: Array<[string, string]> = [];
      const parentNs = stack[stack.length - 1].ns;
      let ns = parentNs;
      ATTR.lastIndex = nameEnd;
      for (let m = ATTR.exec(inner); m; m = ATTR.exec(inner)) {
        const value = decodeEntities(m[3] ?? m[4] ?? '');
        if (m[1] === 'xmlns' || m[1].startsWith('xmlns:')) {
          if (ns === parentNs) ns = new Map(parentNs);
          ns.set(m[1] === 'xmlns' ? '' : m[1].slice(6), value);
        }
        rawAttrs.push([m[1], value]);
      }
      const attrs: Record<string, string> = {};
      for (const [key, value] of rawAttrs) if (!key.startsWith('xmlns')) attrs[resolveName(key, ns, false)] = value;
      const el: XmlElement = { name: resolveName(rawName, ns, true), attrs, children: [] };
      stack[stack.length - 1].el.children.push(el);
      if (!selfClosing) stack.push({ el, ns });
      pos = gt + 1;
    }
  }
  if (stack.length !== 1) throw new XmlError('unclosed elements at end of document');
  return root;
}

function resolveName(raw: string, ns: Map<string, string>, isElement: boolean): string {
  const colon = raw.indexOf(':');
  const prefix = colon === -1 ? (isElement ? '' : null) : raw.slice(0, colon);
  if (prefix === null) return raw; // unprefixed attributes have no namespace
  const uri = ns.get(prefix);
  const local = colon === -1 ? raw : raw.slice(colon + 1);
  return uri !== undefined && WORD_NAMESPACES.has(uri) ? `w:${local}` : raw;
}

function appendText(el: XmlElement, raw: string): void {
  el.children.push(decodeEntities(raw));
}

function skipTo(source: string, terminator: string, from: number): number {
  const end = source.indexOf(terminator, from);
  if (end === -1) throw new XmlError(`unterminated construct, expected ${terminator}`);
  return end + terminator.length;
}

/** Quoted attribute values may contain '>', so scan quotes while looking for the tag's end. */
function findTagEnd(source: string, from: number): number {
  let quote = '';
  for (let i = from + 1; i < source.length; i++) {
    const c = source[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
  }
  throw new XmlError('unterminated tag');
}

function skipDoctype(source: string, from: number): number {
  let depth = 0;
  for (let i = from; i < source.length; i++) {
    if (source[i] === '[') depth++;
    else if (source[i] === ']') depth--;
    else if (source[i] === '>' && depth <= 0) return i + 1;
  }
  throw new XmlError('unterminated DOCTYPE');
}

/** Direct child elements, optionally with a given name. */
export function childElements(el: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) if (typeof c !== 'string' && (name === undefined || c.name === name)) out.push(c);
  return out;
}

export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) if (typeof c !== 'string' && c.name === name) return c;
  return undefined;
}

/** Follows a path of child names: `path(pPr, 'w:numPr', 'w:ilvl')`. */
export function path(el: XmlElement | undefined, ...names: string[]): XmlElement | undefined {
  let cur = el;
  for (const n of names) cur = child(cur, n);
  return cur;
}

export function textContent(el: XmlElement): string {
  return el.children.map((c) => (typeof c === 'string' ? c : textContent(c))).join('');
}
