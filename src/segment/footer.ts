/**
 * The footer: distribution lists (报/送/发/抄送), editors and reviewers, phone, e-mail, print run.
 * Labels can share a line (`编辑：闫建军 陈 刚　审核：王东海`) and a list can run over several lines,
 * so the footer is read as a sequence of (label, value) segments. Names keep their layout spaces
 * until splitFooterNames closes them up.
 */
import type { Footer } from '../record/schema.js';
import { splitFooterNames } from '../entities/index.js';
import { repairSpacing } from '../normalise/spacing.js';
import type { Line } from './lines.js';

type Field = 'reportTo' | 'copyTo' | 'distributeTo' | 'editors' | 'reviewers' | 'phone' | 'email' | 'other';

const LABELS: Array<[RegExp, Field]> = [
  [/^(?:报|报\s*送|主\s*送|抄\s*报)$/u, 'reportTo'],
  [/^(?:送|抄\s*送|分\s*送)$/u, 'copyTo'],
  [/^(?:发|印\s*发|发\s*送)$/u, 'distributeTo'],
  // (and the writers a page's closing credit line names: 文字：某某, 撰稿：某某, 作者：某某)
  [/^(?:责任编辑|责\s*编|编\s*辑|主\s*编|编\s*审|校\s*对|文\s*字|撰\s*稿|作\s*者)$/u, 'editors'],
  // (a newsroom's sign-off: 一审：某 二审：某 终审：某)
  [/^(?:审\s*核|审\s*定|签\s*发|审\s*稿|核\s*稿|[一二三初复终]\s*审)$/u, 'reviewers'],
  [/^(?:联系电话|电\s*话|传\s*真)$/u, 'phone'],
  [/^(?:电子邮箱|电子信箱|邮\s*箱|E-?mail)$/iu, 'email'],
  [/^(?:地\s*址|邮\s*编|联系人)$/u, 'other'],
];
const LABEL_AT =
  /(?:^|(?<=[\s\u3000。；;]))(报\s*送|主\s*送|抄\s*报|抄\s*送|分\s*送|印\s*发|发\s*送|责任编辑|责\s*编|文\s*字|撰\s*稿|作\s*者|摄\s*影|图\s*片|[一二三初复终]\s*审|编\s*辑|主\s*编|编\s*审|校\s*对|审\s*核|审\s*定|签\s*发|审\s*稿|核\s*稿|联系电话|电\s*话|传\s*真|电子邮箱|电子信箱|邮\s*箱|E-?mail|地\s*址|邮\s*编|联系人|报|送|发)\s*[：:]/giu;
/**
 * Labels of two characters or more glued to the value before them (`编辑：韦某某审核：陆某某`): a scan's
 * OCR, or a PDF's text layer, loses the gap the page printed between them. (One-character labels — 报 送
 * 发 — and 电话/邮箱, which end longer words, still need the gap.)
 */
const GLUED_LABEL_AT = /(?<=[\p{Script=Han}”"’）)])(责任编辑|编\s*辑|校\s*对|审\s*核|审\s*定|签\s*发|审\s*稿|核\s*稿|联系电话|电子邮箱|电子信箱)\s*[：:]/gu;
/** A reviewer's label whose colon the OCR lost (`审核孟某某`), at a line's start or after a gap or a speck. */
const BARE_LABEL_AT = /(?:^|(?<=[\s\u3000”"’]))(审\s*核|签\s*发|责任编辑|校\s*对)(?=\p{Script=Han})/gu;

/** Every label of a footer line, left to right; where two readings overlap, the one that starts first. */
function labelsOf(raw: string): RegExpMatchArray[] {
  const all = [...raw.matchAll(LABEL_AT), ...raw.matchAll(GLUED_LABEL_AT), ...raw.matchAll(BARE_LABEL_AT)].sort((a, b) => a.index! - b.index!);
  const kept: RegExpMatchArray[] = [];
  for (const m of all) if (!kept.length || m.index! >= kept[kept.length - 1].index! + kept[kept.length - 1][0].length) kept.push(m);
  return kept;
}

const PHONE = /(?:0\d{2,3}[-－—]?\d{7,8}(?:[-－]\d{1,4})?|(?<!\d)1[3-9]\d{9}(?!\d))/u;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/u;
const COPIES = /共\s*印\s*(\d+)\s*份/u;

function fieldOf(label: string): Field {
  for (const [re, field] of LABELS) if (re.test(label.trim())) return field;
  return 'other';
}

/** Splits a distribution list: by commas/semicolons, or by 、 when the list uses nothing else. */
function splitRecipients(value: string): string[] {
  const text = repairSpacing(value.replace(/\n/g, '')).replace(/[。.]$/u, '');
  const byComma = text.split(/[，,；;\u3000]+/u);
  const parts = byComma.length > 1 ? byComma : text.split(/、/u);
  return parts.map((p) => p.trim().replace(/[。.]$/u, '')).filter(Boolean);
}

export function parseFooter(lines: Line[]): Footer {
  const values = new Map<Field, string[]>();
  let current: Field | null = null;
  const add = (field: Field, text: string, newline: boolean) => {
    const list = values.get(field) ?? [];
    if (newline || list.length === 0) list.push(text);
    else list[list.length - 1] += text;
    values.set(field, list);
  };
  for (const line of lines) {
    if (line.kind === 'rule') {
      // A rule separates footer blocks: whatever list was running has ended.
      current = null;
      continue;
    }
    // The print run (（共印 50 份）) is read from the whole footer below; it must not end up in a name list.
    const raw = line.raw.replace(/[（(]?\s*共\s*印\s*\d+\s*份\s*[)）]?/gu, '').replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
    const labels = labelsOf(raw);
    if (labels.length === 0) {
      // A line without a label continues a distribution list; elsewhere it starts nothing.
      if (current === 'reportTo' || current === 'copyTo' || current === 'distributeTo') add(current, `\n${raw}`, false);
      continue;
    }
    if (labels[0].index! > 0 && current) add(current, raw.slice(0, labels[0].index), false);
    labels.forEach((m, k) => {
      const start = m.index! + m[0].length;
      const end = k + 1 < labels.length ? labels[k + 1].index! : raw.length;
      current = fieldOf(m[1]);
      add(current, raw.slice(start, end).trim(), true);
    });
  }
  const all = lines.map((l) => l.raw).join('\n');
  const list = (field: Field) => (values.get(field) ?? []).flatMap(splitRecipients);
  const names = (field: Field) => (values.get(field) ?? []).flatMap((v) => splitFooterNames(v));
  const phoneText = (values.get('phone') ?? []).join(' ');
  const phone = PHONE.exec(phoneText) ?? PHONE.exec(all);
  const email = EMAIL.exec((values.get('email') ?? []).join(' ')) ?? EMAIL.exec(all);
  const copies = COPIES.exec(all);
  return {
    reportTo: list('reportTo'),
    copyTo: list('copyTo'),
    distributeTo: list('distributeTo'),
    editors: names('editors'),
    reviewers: names('reviewers'),
    phone: phone ? phone[0].replace(/[－—]/g, '-') : null,
    email: email ? email[0] : null,
    copies: copies ? Number(copies[1]) : null,
  };
}
