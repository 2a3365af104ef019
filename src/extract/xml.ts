/**
 * The XML reader for the WordprocessingML parts of a docx: saxes (a maintained, strict, namespace-aware
 * SAX parser) builds a tiny tree, which is all the walk needs. We read the parts ourselves because
 * mammoth drops list numbering.
 *
 * Element and attribute names from the WordprocessingML main namespace are reported with the
 * `w:` prefix whatever prefix the file declared (transitional and strict OOXML alike); other names
 * keep their own prefix. DOCTYPEs are skipped and their entities never expanded (an undeclared
 * entity stays as written). Nesting deeper than MAX_XML_DEPTH is refused: no docx needs it, and the
 * recursive walks over the tree must not run out of stack on a hostile part.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';

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

/** Word nests tables in tables, but a few dozen levels at most; 512 leaves room and bounds the stack. */
export const MAX_XML_DEPTH = 512;

export class XmlError extends Error {}

/** The XML is well-formed but nested deeper than MAX_XML_DEPTH. */
export class XmlTooDeepError extends XmlError {}

export function parseXml(source: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  const parser = new SaxesParser({ xmlns: true });
  let failure: Error | undefined;
  parser.on('error', (err) => {
    // An entity declared only in a DOCTYPE (or not at all) is kept as written, never expanded.
    if (!/undefined entity/.test(err.message)) failure ??= err;
  });
  parser.on('text', (text) => stack[stack.length - 1].children.push(text));
  parser.on('cdata', (text) => stack[stack.length - 1].children.push(text));
  parser.on('opentag', (tag) => {
    // Thrown, not collected: there is no point reading the rest of a hostile part.
    if (stack.length > MAX_XML_DEPTH) throw new XmlTooDeepError(`elements nested deeper than ${MAX_XML_DEPTH} levels`);
    const el: XmlElement = { name: wordName(tag.name, tag.local, tag.uri), attrs: attributes(tag as SaxesTagNS), children: [] };
    stack[stack.length - 1].children.push(el);
    stack.push(el);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  try {
    parser.write(source).close();
  } catch (err) {
    failure ??= err as Error;
  }
  if (failure) throw failure instanceof XmlError ? failure : new XmlError(failure.message);
  return root;
}

function wordName(qualified: string, local: string, uri: string | undefined): string {
  return uri !== undefined && WORD_NAMESPACES.has(uri) ? `w:${local}` : qualified;
}

function attributes(tag: SaxesTagNS): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const attr of Object.values(tag.attributes)) {
    if (attr.name === 'xmlns' || attr.prefix === 'xmlns') continue;
    // Unprefixed attributes have no namespace and keep their name.
    attrs[attr.prefix ? wordName(attr.name, attr.local, attr.uri) : attr.name] = attr.value;
  }
  return attrs;
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
