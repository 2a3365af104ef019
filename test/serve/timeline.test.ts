import { describe, expect, it } from 'vitest';
import { titleTimeline } from '../../src/serve/timeline.js';

describe('titleTimeline', () => {
  it('draws one bar per dated title, in the given order, left to right in time, each linking to a search', async () => {
    const svg = String(
      await titleTimeline('贺俊', [
        { title: '市政协副主席', written: ['市政协副主席'], first: '2019-01-05', last: '2020-05-09', items: 4 },
        { title: '市政协主席', written: ['市政协主席'], first: '2021-02-27', last: '2021-03-02', items: 1 },
        { title: '无日期', written: ['无日期'], first: null, last: null, items: 1 },
      ]),
    );
    const bars = [...svg.matchAll(/<rect class="bar" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(bars).toHaveLength(2);
    expect(bars[0][0] + bars[0][1]).toBeLessThan(bars[1][0]);
    expect(svg).toContain('href="/search?person=%E8%B4%BA%E4%BF%8A&amp;title=%E5%B8%82%E6%94%BF%E5%8D%8F%E4%B8%BB%E5%B8%AD"');
    expect(svg).toContain('>2020</text>');
    expect(svg).not.toContain('无日期');
  });

  it('says so when no title has a date', async () => {
    expect(String(await titleTimeline('贺俊', []))).toContain('No dated titles');
  });
});
