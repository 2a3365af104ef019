import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { blocksFromDocText, extractDoc } from '../../src/extract/doc.js';
import { IngestError } from '../../src/types.js';
import { codeOf } from './helpers/error-code.js';


const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const oleWith = (streamName: string) => Buffer.concat([OLE, Buffer.alloc(504), Buffer.from(streamName, 'utf16le'), Buffer.alloc(512)]);
const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/hanjiang-2019-14.doc');

describe('blocksFromDocText', () => {
  it('makes one paragraph block per non-empty paragraph, trimming indents and keeping typed glyphs', () => {
    expect(blocksFromDocText('政 协 信 息\r\n\n　　◆7月9日上午，会议召开。\n\t\n报：\t市委\n')).toEqual([
      { text: '政 协 信 息', kind: 'paragraph', index: 0 },
      { text: '◆7月9日上午，会议召开。', kind: 'paragraph', index: 2 },
      { text: '报：\t市委', kind: 'paragraph', index: 4 },
    ]);
  });
});

describe('extractDoc', () => {
  it('fails with encrypted on a password-protected Office file (an OLE EncryptedPackage)', async () => {
    expect(await codeOf(extractDoc(oleWith('EncryptedPackage')))).toBe('encrypted');
  });

  it('fails with unknown-format on an OLE file that is not a Word document', async () => {
    expect(await codeOf(extractDoc(oleWith('Workbook')))).toBe('unknown-format');
  });

  it('fails with corrupt-file on a damaged Word document', async () => {
    expect(await codeOf(extractDoc(oleWith('WordDocument')))).toBe('corrupt-file');
  });

  it.skipIf(!fs.existsSync(FIXTURE))('reads the hanjiang-2019-14.doc fixture body without headers or footers', async () => {
    const r = await extractDoc(fs.readFileSync(FIXTURE));
    expect(r.format).toBe('doc');
    expect(r.blocks[0].text).toBe('政 协 信 息');
    expect(r.blocks.map((b) => b.text)).toContain('※工作动态※');
    expect(r.blocks.every((b) => b.kind === 'paragraph')).toBe(true);
  });
});
