import { describe, expect, it } from 'vitest';
import { chineseCounting, formatNumber, mapSymbolFont } from '../../src/extract/numbering.js';
import { headingLevelFromName } from '../../src/extract/styles.js';
import { MAX_XML_DEPTH, parseXml, textContent, XmlError, XmlTooDeepError } from '../../src/extract/xml.js';

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

describe('parseXml on hostile parts', () => {
  it('refuses elements nested past the depth limit with a typed error instead of overflowing the stack', () => {
    const deep = `${'<a>'.repeat(MAX_XML_DEPTH + 5)}${'</a>'.repeat(MAX_XML_DEPTH + 5)}`;
    expect(() => parseXml(deep)).toThrow(XmlTooDeepError);
    const fine = `${'<a>'.repeat(50)}x${'</a>'.repeat(50)}`;
    expect(textContent(parseXml(fine))).toBe('x');
  });

  it('reports a part that is not well-formed', () => {
    expect(() => parseXml('<a><b></a>')).toThrow(XmlError);
    expect(() => parseXml('<a>')).toThrow(XmlError);
  });

  it('names WordprocessingML elements and attributes w: whatever prefix the file declared', () => {
    const doc = parseXml('<x:document xmlns:x="http://purl.oclc.org/ooxml/wordprocessingml/main" xmlns:o="urn:other"><x:p x:rsid="1" o:k="2" plain="3"/></x:document>');
    const body = doc.children[0];
    if (typeof body === 'string') throw new Error('expected an element');
    expect(body.name).toBe('w:document');
    expect(body.children[0]).toMatchObject({ name: 'w:p', attrs: { 'w:rsid': '1', 'o:k': '2', plain: '3' } });
  });
});
