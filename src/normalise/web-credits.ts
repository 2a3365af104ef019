/**
 * The staff a site credits on its pages (`编辑：某某 审核人：某某`, `作者：某某 某某`, `（责任编辑：某某）`): which names
 * go to the footer's editors and which to its reviewers, read off the meta and credit lines the web-chrome pass
 * removes. A site's account (管理员) or a body is no one's name.
 */
import type { Line } from '../segment/lines.js';

/** The footer fields a page's credits fill. */
export interface Credits {
  editors: string[];
  reviewers: string[];
}

/** The staff labels a site's meta line carries, and the footer field each fills. */
const CREDIT_LABEL = /(责任编辑|编辑|责编|审核人|审核|审稿|签发|作者|来源|阅读次数|浏览次数|点击|阅读|浏览|发布时间|发布日期)\s*[:：]/gu;
const EDITOR_LABELS = new Set(['责任编辑', '编辑', '责编']);
/** The writer (作者：) is credited with the editors, when the value names people, not a body or the site. */
const WRITER_LABEL = '作者';
/** A value that names a body or no one (本站, 原创, 某某办, 某某县): as a writer, no person. */
const NOT_A_WRITER = /^(?:本|原创|佚名|不详|管理员|网站|来源)|[网报台站社办委部局室厅院心会所处科队组协区县市省镇乡村]$/u;
/** A value that names the site or a paper (某某网, 某某报, 本站): under any label, no person. */
const SITE_OR_PAPER = /^(?:本站|本网|原创|佚名|不详|网站)|[网报台站社]$/u;
const REVIEWER_LABELS = new Set(['审核人', '审核', '审稿', '签发']);
const CREDIT_NAME = /^[\p{Script=Han}·]{2,4}$/u;
/** A site's account standing in for a name (管理员, 超级管理员, 系统管理员): no editor. */
const SITE_ACCOUNT = /管理员|网管|小编$/u;

/**
 * The editors and reviewers named in a meta line: each label's value up to the next label, names apart by spaces
 * (read on the raw line, whose gaps part the names: `作者：彭某 刘某`; failing that, on the repaired one, whose gaps
 * inside a padded name are closed).
 */
export function metaCredits(line: Line, into: Credits): void {
  for (const text of [line.raw, line.text]) if (creditsOf(text, into)) return;
}

/** Names padded to the width of three (`丁　瑜`) come apart at their gap: two one-character pieces in a row are one name. */
function joinSpacedNames(pieces: string[]): string[] {
  const out: string[] = [];
  for (let k = 0; k < pieces.length; k++) {
    if (pieces[k].length === 1 && pieces[k + 1]?.length === 1) out.push(pieces[k] + pieces[++k]);
    else out.push(pieces[k]);
  }
  return out;
}

/** Reads the credits of one text into `into`; false (and nothing read) when a labelled value names no person. */
export function creditsOf(text: string, into: Credits): boolean {
  const marks = [...text.matchAll(CREDIT_LABEL)];
  const found: Array<{ field: string[]; names: string[] }> = [];
  let unread = false;
  marks.forEach((m, k) => {
    const writer = m[1] === WRITER_LABEL;
    const field = EDITOR_LABELS.has(m[1]) || writer ? into.editors : REVIEWER_LABELS.has(m[1]) ? into.reviewers : null;
    if (!field) return;
    const value = text.slice((m.index ?? 0) + m[0].length, marks[k + 1]?.index ?? text.length);
    const names = joinSpacedNames(value.split(/[\s\u3000|｜、,，]+/u).filter(Boolean));
    if (names.length && names.every((n) => CREDIT_NAME.test(n) && !SITE_ACCOUNT.test(n) && !SITE_OR_PAPER.test(n) && !(writer && NOT_A_WRITER.test(n)))) found.push({ field, names });
    else if (names.length && !writer) unread = true;
  });
  if (unread) return false;
  for (const { field, names } of found) for (const n of names) if (!field.includes(n)) field.push(n);
  return true;
}
