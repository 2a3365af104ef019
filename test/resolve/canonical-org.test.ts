import { describe, expect, it } from 'vitest';
import { canonicalOrganisation, canonicalTitle, documentContext, organisationBody, publisherContext, publisherScope } from '../../src/resolve/canonical-org.js';

const xihu = publisherContext('政协杭州市西湖区委员会');

describe('publisherContext', () => {
  it('reads the places and the body of a full-form publisher', () => {
    expect(xihu.places.map((p) => p.name)).toEqual(['杭州市', '西湖区']);
    expect(xihu.body).toBe('西湖区政协');
    expect(xihu.party).toBeNull();
  });

  it('reads a short-form office and a democratic party committee', () => {
    expect(publisherContext('包头市政协办公室').body).toBe('包头市政协');
    expect(publisherContext('民盟杭州市委会办公室')).toMatchObject({ body: '民盟杭州市委', party: '民盟' });
    expect(publisherContext('涪城区政协办公室').body).toBe('涪城区政协');
  });

  it('knows nothing when there is no publisher or it names no place', () => {
    expect(publisherContext(null).body).toBeNull();
    expect(publisherContext('机关事务局').places).toEqual([]);
  });
});

describe('canonicalOrganisation', () => {
  it("resolves a bare 区政协, 市委 or 区政府 to the publisher's place of that level", () => {
    expect(canonicalOrganisation('区政协', xihu)).toBe('西湖区政协');
    expect(canonicalOrganisation('市政协', xihu)).toBe('杭州市政协');
    expect(canonicalOrganisation('区委', xihu)).toBe('西湖区委');
    expect(canonicalOrganisation('市委', xihu)).toBe('杭州市委');
    expect(canonicalOrganisation('区政府', xihu)).toBe('西湖区政府');
    expect(canonicalOrganisation('区教育局', xihu)).toBe('西湖区教育局');
  });

  it('gives full and short forms of one body one name', () => {
    expect(canonicalOrganisation('政协西湖区委员会')).toBe('西湖区政协');
    expect(canonicalOrganisation('西湖区政协')).toBe('西湖区政协');
    expect(canonicalOrganisation('杭州市西湖区政协')).toBe('西湖区政协');
    expect(canonicalOrganisation('中共杭州市委员会')).toBe('杭州市委');
    expect(canonicalOrganisation('西湖区人民政府')).toBe('西湖区政府');
  });

  it('keeps a democratic party committee at the level written', () => {
    const minmeng = publisherContext('民盟杭州市委会办公室');
    expect(canonicalOrganisation('民盟市委会', minmeng)).toBe('民盟杭州市委');
    expect(canonicalOrganisation('民盟杭州市委会', minmeng)).toBe('民盟杭州市委');
    expect(canonicalOrganisation('民盟中央', minmeng)).toBe('民盟中央');
    expect(canonicalOrganisation('民革南湖市委员会')).toBe('民革南湖市委');
    // In a party's own bulletin 市委会 is the party's committee, and 市委 the CPC's.
    expect(canonicalOrganisation('市委会参政议政委员会', minmeng)).toBe('民盟杭州市委参政议政委员会');
    expect(canonicalOrganisation('市委', minmeng)).toBe('杭州市委');
  });

  it('leaves a relative name unresolved when the publisher gives no place of that level', () => {
    expect(canonicalOrganisation('区政协', publisherContext('包头市政协办公室'))).toBeNull();
    expect(canonicalOrganisation('区政协')).toBeNull();
  });

  it('does not take ordinary words or other bodies for relative names', () => {
    expect(canonicalOrganisation('市场监督管理局', xihu)).toBe('市场监督管理局');
    expect(canonicalOrganisation('浙江大学', xihu)).toBe('浙江大学');
    expect(canonicalOrganisation('武汉市江汉区优抚医院', xihu)).toBe('武汉市江汉区优抚医院');
  });
});

describe('canonicalTitle', () => {
  it("spells one office's titles alike in its bulletins", () => {
    const baotou = publisherContext('包头市政协办公室');
    expect(canonicalTitle('市政协副主席', baotou)).toBe('包头市政协副主席');
    expect(canonicalTitle('副主席', baotou)).toBe('包头市政协副主席');
    expect(canonicalTitle('九三学社中央主席', baotou)).toBe('九三学社中央主席');
    expect(canonicalTitle('主委', publisherContext('民盟杭州市委会办公室'))).toBe('民盟杭州市委主委');
  });
});

describe('scopes and bodies', () => {
  it('scopes people by the publishing body, else the publisher as written', () => {
    expect(publisherScope({ publisher: '政协杭州市西湖区委员会办公室', title: null })).toBe('西湖区政协');
    expect(publisherScope({ publisher: null, title: '工作 简报' })).toBe('工作简报');
  });

  it('qualifies an unresolved name by its scope so two publishers keep theirs apart', () => {
    expect(organisationBody('区政协', null, '包头市政协')).toBe('区政协（包头市政协）');
    expect(organisationBody('区政协', '西湖区政协', 'x')).toBe('西湖区政协');
  });
});

describe('documentContext', () => {
  it('takes the masthead publisher, else the title', () => {
    expect(documentContext({ publisher: '东湖区政协办公室', title: null }).body).toBe('东湖区政协');
    expect(documentContext({ publisher: null, title: '政协北岭区委员会 工作动态' }).body).toBe('北岭区政协');
  });

  it('without a masthead, takes the CPPCC body the items name most, when named in two items or more', () => {
    const none = { publisher: null, title: null };
    expect(documentContext(none, ['区政协', '北岭区政协', '区委', '北岭区政协', '南湾市政协']).body).toBe('北岭区政协');
    expect(documentContext(none, ['区政协', '北岭区政协']).body).toBeNull();
    expect(documentContext(none, ['北岭区政协', '南湾市政协', '北岭区政协', '南湾市政协']).body).toBeNull();
  });
});
