/**
 * `bulletin show ID`: one item, record or issue, readable (or as JSON). An item id is
 * `<record id>#<n>`; a record id names OUT/bulletins/<id>.json; an issue id is what `items.jsonl` and
 * `query` give as `issueId`.
 */
import type { BulletinRecord } from '../record/schema.js';
import type { IndexDatabase } from '../store/index-db.js';
import { getIssue, getItem, getRecord, issueOfRecord, type IssueSummary, type ItemDetail } from './archive.js';
import { formatDate } from './format.js';

export type Shown =
  | { kind: 'item'; item: ItemDetail }
  | { kind: 'record'; record: BulletinRecord; issue: IssueSummary | null }
  | { kind: 'issue'; issue: IssueSummary };

export function findShown(db: IndexDatabase, outDir: string, id: string): Shown | null {
  const item = getItem(db, id);
  if (item) return { kind: 'item', item };
  const record = getRecord(outDir, id) as BulletinRecord | null;
  if (record && typeof record === 'object' && Array.isArray(record.items)) return { kind: 'record', record, issue: issueOfRecord(db, id) };
  const issue = getIssue(db, id);
  if (issue) return { kind: 'issue', issue };
  return null;
}

function renditionLines(issue: IssueSummary): string[] {
  return issue.renditions.map(
    (r) => `  ${r.preferred ? '*' : ' '} ${r.recordId}  ${r.format}  ${r.sourcePath}  (${r.warnings} warning${r.warnings === 1 ? '' : 's'})`,
  );
}

function issueText(issue: IssueSummary): string {
  return [
    `issue      ${issue.id}`,
    `publisher  ${issue.publisher ?? '—'}  (counted as ${issue.scope})`,
    `title      ${issue.title ?? '—'}  ${issue.year ?? ''} 第${issue.issue ?? '?'}期  ${issue.date ?? ''}`.trimEnd(),
    `items      ${issue.items}`,
    'renditions (* preferred)',
    ...renditionLines(issue),
  ].join('\n');
}

function itemText(item: ItemDetail): string {
  const lines = [
    `item       ${item.itemId}  (${item.seq}. item of ${item.recordId})`,
    `issue      ${item.issueId}${item.publisher ? `  ${item.publisher}` : ''}${item.issueDate ? `  ${item.issueDate}` : ''}`,
    `section    ${item.section ?? '—'}`,
    `date       ${item.date ? `${formatDate(item.date)}  (written ${item.date.text})` : '—'}`,
  ];
  if (item.headline) lines.push(`headline   ${item.headline}`);
  lines.push(`source     ${item.sourcePath}${item.page ? `, page ${item.page}` : ''}, paragraph ${item.paragraph ?? '?'}`, '');
  lines.push(item.text, '');
  lines.push(`people     ${item.people.map((p) => (p.titles.length ? `${p.name}（${p.titles.join('、')}）` : p.name)).join('；') || '—'}`);
  lines.push(`orgs       ${item.bodies.map((o) => (o.body === o.name ? o.name : `${o.name} → ${o.body}`)).join('；') || '—'}`);
  lines.push(`places     ${item.places.join('；') || '—'}`);
  if (item.renditions.length > 1) {
    lines.push('renditions');
    for (const r of item.renditions) lines.push(`  ${r.itemId === item.canonicalId ? '*' : ' '} ${r.itemId}  ${r.format}`);
  }
  return lines.join('\n');
}

function recordText(record: BulletinRecord, issue: IssueSummary | null): string {
  const m = record.masthead;
  const lines = [
    `record     ${record.id}  (${record.source.format}, ${record.source.path})`,
    `masthead   ${m.title ?? '—'}  ${m.year ?? ''} 第${m.issue ?? '?'}期${m.totalIssue ? ` 总第${m.totalIssue}期` : ''}  ${m.date ?? ''}`,
    `publisher  ${m.publisher ?? '—'}`,
  ];
  if (issue) lines.push(`issue      ${issue.id}`, ...renditionLines(issue));
  lines.push('', `${record.sections.length} sections, ${record.items.length} items`);
  let section: string | null | undefined;
  for (const item of record.items) {
    if (item.section !== section) {
      section = item.section;
      lines.push(`  【${section ?? '—'}】`);
    }
    const text = (item.headline ? `${item.headline}：` : '') + item.text.replace(/\s+/gu, ' ');
    lines.push(`    ${item.id}  ${item.date ? formatDate(item.date) : '(undated)'}  ${text.length > 60 ? `${text.slice(0, 60)}…` : text}`);
  }
  const f = record.footer;
  lines.push('', `footer     editors ${f.editors.join('、') || '—'}; reviewers ${f.reviewers.join('、') || '—'}${f.phone ? `; ${f.phone}` : ''}${f.copies ? `; ${f.copies} copies` : ''}`);
  if (record.messages.length > 0) {
    lines.push(`messages   ${record.messages.length}`);
    for (const msg of record.messages) lines.push(`  ${msg.severity} ${msg.code}: ${msg.message}`);
  }
  return lines.join('\n');
}

export function formatShown(shown: Shown, format: 'text' | 'json'): string {
  if (format === 'json') {
    const value = shown.kind === 'item' ? shown.item : shown.kind === 'issue' ? shown.issue : { ...shown.record, issue: shown.issue };
    return `${JSON.stringify(value, null, 2)}\n`;
  }
  const text = shown.kind === 'item' ? itemText(shown.item) : shown.kind === 'issue' ? issueText(shown.issue) : recordText(shown.record, shown.issue);
  return `${text}\n`;
}
