import { describe, expect, it } from 'vitest';
import { resolveLanguages } from '../../../src/extract/ocr/tesseract.js';

const install = (languages: string[]) => ({ version: '5.3.0', languages });

describe('the models OCR reads with', () => {
  it('reads with chi_sim and the Han script model when auto finds it installed', () => {
    expect(resolveLanguages('auto', install(['chi_sim', 'HanS', 'osd']))).toEqual({ languages: 'chi_sim+HanS', note: null });
  });

  it('falls back to chi_sim alone under auto, with a note naming the package to install', () => {
    const { languages, note } = resolveLanguages('auto', install(['chi_sim', 'osd']));
    expect(languages).toBe('chi_sim');
    expect(note).toMatch(/apt-get install -y tesseract-ocr-script-hans/);
  });

  it('reads with exactly the configured models otherwise', () => {
    expect(resolveLanguages('chi_sim+eng', install(['chi_sim', 'HanS', 'eng']))).toEqual({ languages: 'chi_sim+eng', note: null });
  });
});
