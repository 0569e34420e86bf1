import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/lib/clock.ts';
import { aPricedBackPainOffer, aReferralFor, type ActivityWorld } from '../support/activity-rows.ts';
import { aPersonIn } from '../support/referral-rows.ts';
import { aStatement } from '../support/statement-rows.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { UploadingClient } from '../support/uploads.ts';
import { WebClient } from '../support/web-client.ts';

const TODAY = '2026-10-15';

describe('budget pages for a commissioner’s finance officer', () => {
  let t: TestApp;
  let world: ActivityWorld;
  let finance: WebClient;
  let statementId: string;
  let planId: string;
  const csv = (text: string) => ({ field: 'file', fileName: 'plans.csv', contentType: 'text/csv', content: Buffer.from(text) });

  beforeAll(async () => {
    t = await createTestApp({ seed: 'region', clock: fixedClock(`${TODAY}T12:00:00Z`) });
    world = await aPricedBackPainOffer(t.deps, TODAY, 3500);
    const referral = await aReferralFor(t.deps, world, { acceptedOn: '2026-05-01' });
    const line = { referralId: referral.id, referralReference: referral.ubrn, activityDate: '2026-06-03', pricePence: 3500 };
    statementId = (await aStatement(t.deps, world, { month: '2026-06', status: 'approved', lines: [line] })).id;
    await aPersonIn(t.deps, world.commissionerId, { email: 'fin@budgets.example', name: 'Fin Officer', role: 'commissioner-finance' });
    const stranger = await t.deps.db.selectFrom('organisations').select('id').where('ods_code', '=', '03R').executeTakeFirstOrThrow();
    await aPersonIn(t.deps, stranger.id, { email: 'other@budgets.example', name: 'Other Commissioner', role: 'commissioner' });
    await aPersonIn(
      t.deps,
      (await t.deps.db.selectFrom('organisations').select('id').where('ods_code', '=', 'X24').executeTakeFirstOrThrow()).id,
      {
        email: 'national@budgets.example',
        name: 'National User',
        role: 'national-admin',
      },
    );
    finance = new WebClient(t.app);
    await finance.signIn('fin@budgets.example');
  });
  afterAll(async () => t.close());

  it('shows each problem next to its field and saves nothing', async () => {
    const response = await finance.submit('/payments/budgets/new', { serviceCode: '', financialYear: '2026-28', amount: 'lots' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('<title>Error: Set a budget plan');
    expect(response.body).toMatch(/id="amount-error"[\s\S]*Enter the year’s budget in pounds/);
    const months = {
      'month-apr': '100',
      ...Object.fromEntries(
        ['may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec', 'jan', 'feb', 'mar'].map((m) => [`month-${m}`, '100']),
      ),
    };
    const sum = await finance.submit('/payments/budgets/new', {
      serviceCode: 'back-and-neck-pain',
      financialYear: '2026-27',
      amount: '1000',
      ...months,
    });
    expect(sum.body).toMatch(/id="month-apr-error"[\s\S]*add up to £1,200.00, not the plan’s £1,000.00/);
    expect(sum.body).toContain('<details class="nhsuk-details" open>');
    expect(await t.deps.db.selectFrom('budget_plans').select('id').execute()).toEqual([]);
  });

  it('saves a plan and shows its figures with an accessible chart, the same numbers in a table, and their sources', async () => {
    const saved = await finance.submit('/payments/budgets/new', {
      serviceCode: 'back-and-neck-pain',
      financialYear: '2026-27',
      amount: '1,000',
    });
    expect(saved.statusCode).toBe(303);
    planId = String(saved.headers.location).split('/').pop()!;
    const page = await finance.get(`/payments/budgets/${planId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<svg role="img" aria-labelledby="chart-title chart-desc"/);
    expect(page.body).toContain('<title id="chart-title">');
    expect(page.body).toContain('<desc id="chart-desc">');
    expect(page.body.match(/<th scope="row" class="nhsuk-table__header">/g)).toHaveLength(12);
    expect(page.body).toContain(`href="/payments/statements/${statementId}"`);
    expect(page.body).toContain('1 referrals × 8 session units × £35.00 = £280.00, less £35.00 already paid on them = £245.00');
    const list = await finance.get('/payments/budgets');
    expect(list.body).toContain('MSK back and neck pain');
    expect(list.body).toMatch(/nhsuk-tag--(green|yellow|red)">\s*(On track|Near plan|Forecast over plan)/);
  });

  it('downloads the table as CSV with a byte order mark, one row a month', async () => {
    const response = await finance.get(`/payments/budgets/${planId}.csv`);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = response.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(rows).toHaveLength(13);
    expect(rows[3]).toBe('June 2026,249.99,35.00,0.00,35.00,35.00'); // £1,000 spread evenly: £83.33 a month, the 4p left over in the last 4 months
  });

  it('keeps a change as a new version', async () => {
    const changed = await finance.submit(`/payments/budgets/${planId}/edit`, { amount: '1200' });
    expect(changed.statusCode).toBe(303);
    const page = await finance.get(`/payments/budgets/${planId}`);
    expect(page.body).toContain('Version 2: £1,200.00, set by Fin Officer');
    expect(page.body).toContain('Version 1: £1,000.00, set by Fin Officer');
  });

  it('imports plans from CSV all or nothing, listing each bad line', async () => {
    const uploader = new UploadingClient(t.app);
    await uploader.signIn('fin@budgets.example');
    const bad = await uploader.upload(
      '/payments/budgets/import',
      {},
      csv('service_code,financial_year,amount\nadult-hearing,2027-28,10\nnope,2027-28,5\n'),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Line 3: There is no service with the code &quot;nope&quot; on the catalogue');
    expect(await t.deps.db.selectFrom('budget_plans').select('id').where('financial_year', '=', '2027-28').execute()).toEqual([]);
    const good = await uploader.upload(
      '/payments/budgets/import',
      {},
      csv('service_code,financial_year,amount\nadult-hearing,2027-28,10\n'),
    );
    expect(good.statusCode).toBe(303);
  });

  it('shows a plan only to its own commissioner, and national users only totals', async () => {
    const other = new WebClient(t.app);
    await other.signIn('other@budgets.example');
    for (const url of [`/payments/budgets/${planId}`, `/payments/budgets/${planId}.csv`, `/payments/budgets/${planId}/edit`])
      expect((await other.get(url)).statusCode).toBe(404);
    const national = new WebClient(t.app);
    await national.signIn('national@budgets.example');
    expect((await national.get(`/payments/budgets/${planId}`)).statusCode).toBe(403);
    const totals = await national.get('/payments/budgets/national?year=2026-27');
    expect(totals.statusCode).toBe(200);
    expect(totals.body).toContain('MSK back and neck pain');
    expect(totals.body).not.toContain(world.providerId);
    expect((await national.get('/payments/budgets/national?year=2026')).statusCode).toBe(400);
  });
});
