import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/lib/working-days.ts';
import { aHearingOfferWithLiveProvider, aStoredKpiResult } from '../support/kpi-result-rows.ts';
import { csvTable, pageTable, signedInClient } from '../support/list-csv.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/** The months before (and including) `last`, newest first. */
function monthsUpTo(last: string, count: number): string[] {
  const months = [last];
  while (months.length < count) months.push(addDays(`${months.at(-1)}-01`, -1).slice(0, 7));
  return months;
}

describe('the KPI page shows a page of results at a time; the CSV holds every one', () => {
  let t: TestApp;
  const months = monthsUpTo('2026-12', 27);

  beforeAll(async () => {
    t = await createTestApp({ seed: 'region' });
    const world = await aHearingOfferWithLiveProvider(t.deps, '2024-09-01');
    for (const endMonth of months) await aStoredKpiResult(t.deps, world, { endMonth, seenAfterWorkingDays: [3] });
  });
  afterAll(async () => t.close());

  it('shows 25 results, newest period first, says how many there are and links to the rest, which carry on where the first page stopped', async () => {
    const provider = await signedInClient(t.app, 'provider.admin@aqp.example');
    const csv = csvTable(await provider.get('/quality/kpis.csv'), 'kpi-results');
    expect(csv.rows).toHaveLength(27);
    const first = await provider.get('/quality/kpis');
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('Showing 1 to 25 of 27');
    expect(first.body).toContain('href="/quality/kpis?page=2"');
    const firstRows = pageTable(first.body).rows;
    expect(firstRows).toEqual(csv.rows.slice(0, 25));
    const second = await provider.get('/quality/kpis?page=2');
    expect(second.body).toContain('Showing 26 to 27 of 27');
    expect(second.body).toContain('href="/quality/kpis?page=1"');
    expect(pageTable(second.body).rows).toEqual(csv.rows.slice(25));
  });

  it('keeps the month chosen across pages, and says plainly when a month has no results', async () => {
    const provider = await signedInClient(t.app, 'provider.admin@aqp.example');
    const one = await provider.get('/quality/kpis?month=2026-12');
    expect(one.body).toContain('Showing 1 to 1 of 1');
    const none = await provider.get('/quality/kpis?month=2020-01');
    expect(none.body).toContain('There are no KPI values for periods ending 2020-01.');
    expect(none.body.match(/id="month"/g)).toHaveLength(1);
  });
});
