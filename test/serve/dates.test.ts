/** Dates on an issue page: a date whose year nothing tells is marked but links to no day. */
import { describe, expect, it } from 'vitest';
import { useServers } from './archives.js';

const servers = useServers({ hostile: true });

describe('dates without a year', () => {
  it('marks a date whose year is unknown without linking it to a day', async () => {
    const page = await (await fetch(`${servers.hostile.url}/issues/yearless-2021-04`)).text();
    expect(page).toContain('<span class="ent date" title="year unknown: month 6, day 1">6月1日</span>');
    expect(page).toContain('<span class="muted">year unknown: month 6, day 1</span>');
    expect(page).not.toContain('/dates/null');
  });

});
