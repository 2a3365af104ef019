import { describe, expect, it } from 'vitest';
import { chineseCounting, formatNumber, mapSymbolFont } from '../../src/extract/numbering.js';
import { headingLevelFromName } from '../../src/extract/styles.js';
import { parseXml, textContent } from '../../src/extract/xml.js';

describe('formatNumber', () => {
  it('renders the number formats Chinese documents use', () => {
    expect(formatNumber(3, 'decimal')).toBe('3');
    expect(formatNumber(3, 'chineseCounting')).toBe('三');
    expect(formatNumber(12, 'chineseCountingThousand')).toBe('十二');
    expect(formatNumber(3, 'ideographTraditional')).toBe('丙');
    expect(formatNumber(3, 'decimalEnclosedCircleChinese')).toBe('③');
    expect(formatNumber(3, 'decimalFullWidth')).toBe('３');
    expect(formatNumber(4, 'upperRoman')).toBe('IV');
    expect(formatNumber(28, 'lowerLetter')).toBe('bb');
    expect(formatNumber(3, 'someFutureFormat')).toBeUndefined();
  });

  it('counts in Chinese the way Word does', () => {
    expect([1, 10, 11, 20, 21, 100, 105, 110].map(chineseCounting)).toEqual(['一', '十', '十一', '二十', '二十一', '一百', '一百零五', '一百一十']);
  });
});

describe('mapSymbolFont', () => {
  it('maps Wingdings and Symbol codes, in or out of the private-use area, to Unicode', () => {
    expect(mapSymbolFont('u', 'Wingdings')).toBe('◆');
    expect(mapSymbolFont('\uF06C', 'Wingdings')).toBe('●');
    expect(mapSymbolFont('\uF0B7', 'Symbol')).toBe('•');
    expect(mapSymbolFont('\uF0B7', undefined)).toBe('•');
    expect(mapSymbolFont('◆', 'Wingdings')).toBe('◆');
  });
});

describe('headingLevelFromName', () => {
  it('reads English and Chinese heading style names', () => {
    expect(['heading 1', 'Heading2', '标题 3', '标题4', 'Title', '标题', 'Normal', 'List Paragraph'].map(headingLevelFromName)).toEqual([1, 2, 3, 4, 1, 1, undefined, undefined]);
  });
});

describe('parseXml', () => {
  it('keeps quoted ">" inside attributes, CDATA, and ignores comments and DOCTYPEs without expanding entities', () => {
    const doc = parseXml('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "boom">]><a t="1>2"><!-- c --><b><![CDATA[<raw>]]></b>&e;</a>');
    const a = doc.children[0];
    expect(typeof a !== 'string' && a.attrs.t).toBe('1>2');
    expect(textContent(doc)).toBe('<raw>&e;');
  });
});
