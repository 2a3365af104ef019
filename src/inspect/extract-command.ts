/**
 * `bulletin extract FILE`: what the extractor read from a file, before any parsing — to tell an
 * extraction fault (text missing, garbled, out of order) from a parsing one (a wrong section or
 * name). Prints the blocks as plain text, as markdown (headings and list items marked, page breaks
 * shown) or as JSON (the `Extraction` value, blocks included).
 */
import path from 'node:path';
import { ConfigError, loadConfig } from '../config.js';
import { parseDocument, readSource } from '../parse.js';
import type { Block, Extraction } from '../types.js';

export const EXTRACT_FORMATS = ['text', 'markdown', 'json'] as const;
export type ExtractFormat = (typeof EXTRACT_FORMATS)[number];

export interface ExtractOptions {
  format?: ExtractFormat;
  config?: string;
}

export function extractionAsText(extraction: Extraction): string {
  return extraction.blocks.map((b) => `${b.text}\n`).join('');
}

function markdownBlock(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(Math.min(6, Math.max(1, block.level ?? 1)))} ${block.text}`;
    case 'listItem':
      return `${'  '.repeat(block.level ?? 0)}- ${block.listGlyph ? `${block.listGlyph} ` : ''}${block.text}`;
    case 'tableCell':
      return `| ${block.text.replace(/\|/g, '\\|')} |`;
    case 'rule':
      return '---';
    case 'paragraph':
      return block.bold ? `**${block.text}**` : block.text;
  }
}

export function extractionAsMarkdown(extraction: Extraction, file: string): string {
  const out = [`<!-- ${path.basename(file)}: ${extraction.format}, ${extraction.blocks.length} blocks${extraction.pages ? `, ${extraction.pages} pages` : ''}${extraction.encoding ? `, ${extraction.encoding}` : ''} -->`];
  let page: number | undefined;
  for (const block of extraction.blocks) {
    if (block.page !== undefined && block.page !== page) {
      page = block.page;
      out.push('', `<!-- page ${page} -->`);
    }
    out.push('', markdownBlock(block));
  }
  for (const m of extraction.messages) out.push('', `<!-- ${m.severity} ${m.code}: ${m.message} -->`);
  return `${out.join('\n')}\n`;
}

export async function runExtract(file: string, opts: ExtractOptions): Promise<number> {
  const format = opts.format ?? 'text';
  try {
    const { config } = await loadConfig(opts.config);
    const parsed = await parseDocument(readSource(file, config), file, config);
    const text =
      format === 'json'
        ? `${JSON.stringify(parsed.extraction, null, 2)}\n`
        : format === 'markdown'
          ? extractionAsMarkdown(parsed.extraction, file)
          : extractionAsText(parsed.extraction);
    process.stdout.write(text);
    return 0;
  } catch (err) {
    if (err instanceof ConfigError) throw err; // wrong usage: exit status 2
    const code = (err as { code?: string }).code;
    process.stderr.write(`bulletin extract: ${code ? `${code}: ` : ''}${(err as Error)?.message ?? String(err)}\n`);
    return 1;
  }
}
