import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBreachesForRun } from '../../src/domains/provider-quality/breach-open.service.ts';
import { fixedClock } from '../../src/lib/clock.ts';
import { type ActivityWorld, aPricedBackPainOffer } from '../support/activity-rows.ts';
import { aKpiResult, anotherProviderOn, feedbackAnswers, referralsSent } from '../support/dashboard-rows.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { WebClient } from '../support/web-client.ts';
import { aPracticeWithReferrer, tokenFor } from '../support/referral-rows.ts';

const TODAY = '2026-10-15';

/** The text of each cell of each table on a page, as a person reads it (the responsive headings are for narrow screens only). */
function tablesOf(html: string): string[][][] {
  const text = (cell: string) =>
    cell
      .replace(/<span class="nhsuk-table-responsive__heading"[^>]*>.*?<\/span>/g, '')
      .replace(/<[^>]+>/g, '')
      .replace(/&amp;/g, '&')
      .replace(/&#39;/g, "'")
      .trim();
  return [...html.matchAll(/<table[\s\S]*?<\/table>/g)].map(([table]) =>
    [...table.matchAll(/<tr[\s\S]*?<\/tr>/g)].map(([row]) =>
      [...row.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => text(cell[1]!)),
    ),
  );
}

/** Every figure on a page: its id, whether its chart is an accessible image with a title and description, and its CSV link. */
function figuresOf(html: string) {
  return [...html.matchAll(/<section class="aqp-figure" aria-labelledby="([a-z-]+)-heading">([\s\S]*?)<\/section>/g)].map(
    ([, id, body]) => ({
      id: id!,
      body: body!,
      accessibleChart:
        new RegExp(`<svg class="aqp-chart" role="img" aria-labelledby="${id}-title ${id}-desc"`).test(body!) &&
        body!.includes(`<title id="${id}-title">`) &&
        body!.includes(`<desc id="${id}-desc">`),
      csvHref: /<a href="([^"]+)" download>/.exec(body!)?.[1]?.replace(/&amp;/g, '&'),
    }),
  );
}

describe('dashboards', () => {
  let t: TestApp;
  let demo1: ActivityWorld;
  let demo2: ActivityWorld;
  const commissioner = () => signedIn('commissioner@aqp.example');
  const signedIn = async (email: string) => {
    const client = new WebClient(t.app);
    await client.signIn(email);
    return client;
  };

  beforeAll(async () => {
    t = await createTestApp({ seed: 'region', clock: fixedClock(`${TODAY}T12:00:00Z`) });
    demo1 = await aPricedBackPainOffer(t.deps, TODAY, 3500);
    demo2 = await anotherProviderOn(t.deps, demo1, 'DEMO2', TODAY);
    await referralsSent(t.deps, demo1, '2026-06-10', 3, '2026-06-22');
    await referralsSent(t.deps, demo1, '2026-07-08', 3, '2026-07-15');
    await referralsSent(t.deps, demo2, '2026-07-01', 2);
    await feedbackAnswers(t.deps, demo1, '2026-09-02', ['very-good', 'very-good', 'good', 'poor']);
    await aKpiResult(t.deps, demo1, {
      code: 'seen-16',
      name: 'Seen within 16 working days',
      endMonth: '2026-08',
      numerator: 9,
      denominator: 10,
      threshold: 90,
      status: 'met',
    });
    const breachedRun = await aKpiResult(t.deps, demo1, {
      code: 'seen-16',
      name: 'Seen within 16 working days',
      endMonth: '2026-09',
      numerator: 7,
      denominator: 10,
      threshold: 90,
      status: 'breached',
    });
    await aKpiResult(t.deps, demo2, {
      code: 'seen-16',
      name: 'Seen within 16 working days',
      endMonth: '2026-09',
      numerator: 2,
      denominator: 3,
      threshold: 90,
      status: 'not-enough-data',
    });
    await t.deps.db.transaction().execute((trx) => openBreachesForRun(trx, t.deps, breachedRun));
    const finance = await commissioner();
    await finance.submit('/payments/budgets/new', { serviceCode: 'back-and-neck-pain', financialYear: '2026-27', amount: '1000' });
  });
  afterAll(async () => t.close());

  it('shows the commissioner each figure as an accessible chart with a table and a CSV link', async () => {
    const page = await (await commissioner()).get('/dashboards/commissioner');
    expect(page.statusCode).toBe(200);
    const figures = figuresOf(page.body);
    expect(figures.map((figure) => figure.id)).toEqual([
      'referrals-by-month',
      'market-share',
      'waits',
      'kpi-status',
      'open-breaches',
      'spend',
    ]);
    for (const figure of figures) {
      expect(figure.accessibleChart, figure.id).toBe(true);
      expect(figure.body, figure.id).toContain('<table class="nhsuk-table');
      expect(figure.csvHref, figure.id).toBe(`/dashboards/commissioner.csv?figure=${figure.id}`);
    }
    expect(page.body).toContain('83% (10 of 12)');
    expect(page.body).toContain('Seen within 16 working days');
    expect(page.body).toMatch(/70\.0% \(7 of 10\)[\s\S]*Breached/);
    expect(page.body).toContain('Not enough data yet');
    const breaches = figures.find((figure) => figure.id === 'open-breaches')!.body;
    expect(breaches).toMatch(/<a href="\/quality\/breaches\/[0-9a-f-]+"[^>]*>[^<]+<\/a>/);
    expect(breaches).toContain('7 of 10 against 90%');
    const finance = await (await signedIn('finance@aqp.example')).get('/dashboards/commissioner');
    expect(finance.statusCode).toBe(200);
    expect(figuresOf(finance.body).map((figure) => figure.id)).not.toContain('open-breaches');
    expect(page.body).toMatch(/href="\/payments\/budgets\/[0-9a-f-]+">MSK back and neck pain/);
  });

  it('gives each figure’s CSV the same columns and words as its table, with a byte order mark', async () => {
    const client = await commissioner();
    const page = await client.get('/dashboards/commissioner?period=financial-year&year=2026-27');
    for (const figure of figuresOf(page.body)) {
      const csv = await client.get(figure.csvHref!);
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      const [table] = tablesOf(figure.body);
      expect(parse(csv.body.replace(/^\uFEFF/, '')), figure.id).toEqual(table);
    }
    const unnamed = await client.get('/dashboards/commissioner.csv');
    expect([unnamed.statusCode, unnamed.headers.location]).toEqual([303, '/dashboards/commissioner']);
    expect((await client.get('/dashboards/commissioner.csv?figure=no-such-figure')).statusCode).toBe(404);
  });

  it('filters by months and by service, and shows a bad filter’s error next to its field', async () => {
    const client = await commissioner();
    const july = tablesOf(
      figuresOf((await client.get('/dashboards/commissioner?period=months&from=2026-07&to=2026-07')).body)[0]!.body,
    )[0]!;
    expect(july.slice(1).map((row) => [row[0], row[1], row[3]])).toEqual([
      ['July 2026', 'Calder Valley Physiotherapy (demo)', '2'],
      ['July 2026', 'Pennine Hearing Care (demo)', '3'],
    ]);
    const hearing = await client.get('/dashboards/commissioner?service=adult-hearing');
    expect(hearing.body).toContain('No referrals were sent in this period.');
    const backwards = await client.get('/dashboards/commissioner?period=months&from=2026-08&to=2026-07');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toMatch(/id="to-error"[\s\S]*The last month must be the same as or after the first month/);
    expect((await client.get('/dashboards/commissioner?service=no-such-service')).body).toContain('Choose a service from the list');
  });

  it('shows the provider its own referrals, KPIs and every feedback answer, saying they are too few to publish', async () => {
    const page = await (await signedIn('provider.admin@aqp.example')).get('/dashboards/provider');
    expect(page.statusCode).toBe(200);
    expect(figuresOf(page.body).map((figure) => figure.id)).toEqual(['kpi-trend', 'feedback', 'referrals-by-month']);
    expect(page.body).toContain('Not published: 4 responses, fewer than 5.');
    expect(page.body).not.toContain('Calder Valley Physiotherapy');
    expect(page.body).toContain(
      '/worklists/referrals?service=back-and-neck-pain&amp;sentFrom-day=1&amp;sentFrom-month=6&amp;sentFrom-year=2026',
    );
  });

  it('shows national users uptake, qualified providers, sector shares and the KPI spread', async () => {
    const page = await (await signedIn('national.admin@aqp.example')).get('/dashboards/national');
    expect(page.statusCode).toBe(200);
    expect(figuresOf(page.body).map((figure) => figure.id)).toEqual(['uptake', 'qualified-providers', 'sector-share', 'kpi-spread']);
    expect(page.body).toContain('median 70%, 70% to 70% over 1 providers');
  });

  it('refuses each dashboard, its CSV and its API to the roles it is not for', async () => {
    const provider = await signedIn('provider.admin@aqp.example');
    const referrer = await signedIn('referrer@aqp.example');
    const nationalUser = await signedIn('national.admin@aqp.example');
    for (const url of ['/dashboards/commissioner', '/dashboards/commissioner.csv?figure=spend', '/dashboards/national'])
      expect((await provider.get(url)).statusCode, url).toBe(403);
    expect((await referrer.get('/dashboards/provider')).statusCode).toBe(403);
    expect((await nationalUser.get('/dashboards/commissioner')).statusCode).toBe(403);
    const practice = await aPracticeWithReferrer(t.deps, {
      odsCode: 'B84002',
      name: 'Another Surgery',
      subIcbOds: '02T',
      email: 'gp@dash.example',
    });
    const refused = await t.app.inject({ url: '/api/v1/dashboards/commissioner', headers: { authorization: `Bearer ${practice.token}` } });
    expect(refused.statusCode).toBe(403);
  });

  it('returns the same series and table over the API, and a coded problem for a bad filter', async () => {
    const token = await tokenFor(t.deps, demo1.providerId, 'provider-admin');
    const headers = { authorization: `Bearer ${token}` };
    const response = await t.app.inject({ url: '/api/v1/dashboards/provider?period=months&from=2026-06&to=2026-09', headers });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.months).toEqual(['2026-06', '2026-07', '2026-08', '2026-09']);
    const referrals = body.figures.find((figure: { id: string }) => figure.id === 'referrals-by-month');
    expect(referrals.series).toEqual([{ name: 'MSK back and neck pain', values: [3, 3, 0, 4] }]);
    expect(referrals.table.columns).toEqual(['Month', 'Provider', 'Service', 'Referrals']);
    const trend = body.figures.find((figure: { id: string }) => figure.id === 'kpi-trend');
    expect(trend.series[0].values).toEqual([null, null, 90, 70]);
    const bad = await t.app.inject({ url: '/api/v1/dashboards/provider?period=months&from=2019-01', headers });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('validation-failed');
  });
});
