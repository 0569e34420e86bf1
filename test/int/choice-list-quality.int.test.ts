import { Value } from 'typebox/value';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChoiceListEntries } from '../../src/http/api/referrals.api.ts';
import { formatUbrn } from '../../src/domains/referrals/referral-reference.rules.ts';
import { movableToday } from '../support/movable-clock.ts';
import { aStoredKpiResult, feedbackGiven } from '../support/quality-rows.ts';
import {
  acceptedReferrals,
  aHearingReferral,
  aListingIn,
  aProviderWithSites,
  nhsNumberFrom,
  placePostcodes,
  tokenFor,
} from '../support/referral-rows.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { WebClient } from '../support/web-client.ts';

const TODAY = '2027-03-01';
const SEEN_WITHIN = '92% of 250 patients in the 12 months to February 2027. Meets the standard of 90% or more.';

/** The text of one provider's radio on a choice page: its label, details and measured quality, tags removed. */
function entryText(html: string, label: string): string {
  const start = html.indexOf(label);
  expect(start, label).toBeGreaterThan(-1);
  const end = html.indexOf('nhsuk-radios__item', start);
  return html
    .slice(start, end === -1 ? undefined : end)
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
}

describe('a choice list shows each provider’s measured quality and patients’ feedback, and reorders by wait', () => {
  let t: TestApp;
  let gp: WebClient;
  let ubrn: string;
  let accessCode: string;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo', clock: movableToday(TODAY) });
    await placePostcodes(t.deps);
    const offerId = (await t.app.inject('/api/v1/offers?service=adult-hearing&commissioner=02T')).json().items[0].id as string;
    const providers = [
      { odsCode: 'TST71', name: 'Ripponden Hearing (test)', sites: [{ name: 'Ripponden clinic', postcode: 'HX6 3AB' }] },
      { odsCode: 'TST72', name: 'Halifax Audiology (test)', sites: [{ name: 'Halifax clinic', postcode: 'HX3 6BP' }] },
      { odsCode: 'TST73', name: 'Todmorden Hearing (test)', sites: [{ name: 'Todmorden clinic', postcode: 'OL14 5RN' }] },
    ];
    for (const provider of providers) await aProviderWithSites(t.deps, provider);
    const [ripponden, halifax, todmorden] = await Promise.all(
      providers.map(async (provider) => ({ offerId, ...(await aListingIn(t.deps, offerId, provider.odsCode, 'live', TODAY)) })),
    );
    const seenAfter = (days: number) =>
      ['2027-02-01', '2027-02-02', '2027-02-03', '2027-02-04', '2027-02-05'].map(
        (sent) => [sent, sent, `2027-02-${String(Number(sent.slice(8)) + days).padStart(2, '0')}`] as [string, string, string],
      );
    await acceptedReferrals(t.deps, halifax!, seenAfter(14));
    await acceptedReferrals(t.deps, todmorden!, seenAfter(3));

    await aStoredKpiResult(t.deps, { ...halifax!, endMonth: '2027-01', numerator: 100, denominator: 200 });
    await aStoredKpiResult(t.deps, { ...halifax!, endMonth: '2027-02', numerator: 230, denominator: 250 });
    await aStoredKpiResult(t.deps, {
      ...halifax!,
      code: 'hearing-seen-16-working-days-monthly',
      name: 'Seen within 16 working days this month',
      period: 'month',
      endMonth: '2027-02',
      numerator: 10,
      denominator: 25,
    });
    await aStoredKpiResult(t.deps, { ...ripponden!, endMonth: '2027-02', numerator: 12, denominator: 12, status: 'met' });
    await feedbackGiven(t.deps, halifax!, ['very-good', 'very-good', 'good', 'good', 'poor'], '2027-02-10');
    await feedbackGiven(t.deps, ripponden!, ['very-good', 'very-good', 'very-good', 'very-good'], '2027-02-10');

    const practice = await t.deps.db.selectFrom('organisations').select('id').where('ods_code', '=', 'B84001').executeTakeFirstOrThrow();
    token = await tokenFor(t.deps, practice.id, 'referrer');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/referrals',
      headers: { authorization: `Bearer ${token}` },
      payload: aHearingReferral({ dateOfBirth: '1950-12-10', nhsNumber: nhsNumberFrom('401023611') }),
    });
    expect(created.statusCode, created.body).toBe(201);
    ({ ubrn, accessCode } = created.json());
    gp = new WebClient(t.app);
    await gp.signIn('referrer@aqp.example');
  });
  afterAll(() => t.close());

  it('shows the latest stored 12-month result of each KPI with its count and period, and feedback from 5 answers', async () => {
    const page = (await gp.get(`/referrals/${ubrn}/choice-list`)).body;
    const halifax = entryText(page, 'Halifax Audiology (test), Halifax clinic');
    expect(halifax).toContain(`Seen within 16 working days ${SEEN_WITHIN}`);
    expect(halifax).not.toContain('200 patients');
    expect(halifax).not.toContain('this month');
    expect(halifax).toContain('Patients’ feedback 80% of 5 people said their experience was good or very good');
    expect(page).not.toContain('not measured on AQP yet');
  });

  it('says “New provider — not enough data yet” below the minimum count or with no result, and never shows feedback from 4 answers', async () => {
    const page = (await gp.get(`/referrals/${ubrn}/choice-list`)).body;
    const ripponden = entryText(page, 'Ripponden Hearing (test), Ripponden clinic');
    expect(ripponden).toContain('Seen within 16 working days New provider — not enough data yet');
    expect(ripponden).not.toContain('12 patients');
    expect(ripponden).toContain('Patients’ feedback Not shown until 5 people have answered the Friends and Family Test');
    expect(ripponden).not.toMatch(/\d+% of 4 people/);
    expect(entryText(page, 'Todmorden Hearing (test), Todmorden clinic')).toContain('Measured quality New provider — not enough data yet');
  });

  it('stores the measured quality shown with the list offered, and gives it in the API', async () => {
    const answer = await t.app.inject({ url: `/api/v1/referrals/${ubrn}/choice-list`, headers: { authorization: `Bearer ${token}` } });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    const list = answer.json();
    const halifax = list.entries.find((entry: { providerName: string }) => entry.providerName === 'Halifax Audiology (test)');
    expect(halifax.quality.kpis).toEqual([
      expect.objectContaining({
        code: 'hearing-seen-16-working-days',
        period: 'rolling-12-months',
        endMonth: '2027-02',
        figure: { numerator: 230, denominator: 250, percentTenths: 920, met: true },
      }),
    ]);
    expect(halifax.quality.feedback).toEqual({ published: true, responses: 5, positivePercent: 80 });
    const ripponden = list.entries.find((entry: { providerName: string }) => entry.providerName === 'Ripponden Hearing (test)');
    expect(ripponden.quality.kpis[0].figure).toBeNull();
    expect(ripponden.quality.feedback).toEqual({ published: false });
    const stored = await t.deps.db
      .selectFrom('choice_lists')
      .select(['entries', 'offered_at', 'origin_postcode'])
      .where('id', '=', list.id)
      .executeTakeFirstOrThrow();
    expect(stored.entries).toEqual(list.entries);
    expect(list).toMatchObject({ offeredAt: new Date(stored.offered_at).toISOString(), originPostcode: stored.origin_postcode });
    // The entries are sent as their JSON made once, not through the schema: they must hold exactly what the schema gives.
    expect(Value.Check(ChoiceListEntries, list.entries)).toBe(true);
    expect(Value.Clean(ChoiceListEntries, structuredClone(list.entries))).toEqual(list.entries);
  });

  it('lets the patient reorder by wait, shortest first, with providers without a measured wait last, said plainly', async () => {
    const patient = new WebClient(t.app);
    const signedIn = await patient.submit('/referral-status', {
      reference: formatUbrn(ubrn),
      accessCode,
      'dateOfBirth-day': '10',
      'dateOfBirth-month': '12',
      'dateOfBirth-year': '1950',
    });
    expect(signedIn.statusCode).toBe(303);
    const byDistance = (await patient.get('/referral-status/referral')).body;
    expect(labelsIn(byDistance)).toEqual(['Ripponden Hearing (test)', 'Halifax Audiology (test)', 'Todmorden Hearing (test)']);
    expect(byDistance).toContain('href="/referral-status/referral?order=wait">Order by wait instead</a>');
    expect(entryText(byDistance, 'Halifax Audiology (test), Halifax clinic')).toContain(SEEN_WITHIN);

    const byWait = (await patient.get('/referral-status/referral?order=wait')).body;
    expect(labelsIn(byWait)).toEqual(['Todmorden Hearing (test)', 'Halifax Audiology (test)', 'Ripponden Hearing (test)']);
    expect(byWait).toContain(
      'Ordered by wait to first appointment, shortest first. 1 provider has not seen enough patients yet to give a wait, so it is listed last.',
    );
    const stored = await t.deps.db
      .selectFrom('choice_lists as c')
      .innerJoin('referrals as r', 'r.id', 'c.referral_id')
      .select(['c.ordered_by', 'c.entries'])
      .where('r.ubrn', '=', ubrn)
      .orderBy('c.seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(stored.ordered_by).toBe('wait');
    expect((stored.entries as { rank: number; providerName: string }[]).map((entry) => [entry.rank, entry.providerName])).toEqual([
      [1, 'Todmorden Hearing (test)'],
      [2, 'Halifax Audiology (test)'],
      [3, 'Ripponden Hearing (test)'],
    ]);
  });

  it('prints the measured quality of the list last offered', async () => {
    await gp.get(`/referrals/${ubrn}/choice-list`);
    const printed = (await gp.get(`/referrals/${ubrn}/choice-list/print`)).body;
    expect(printed.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')).toContain(`Seen within 16 working days ${SEEN_WITHIN}`);
    expect(printed).toContain('80% of 5 people said their experience was good or very good');
  });
});

/** The providers on a choice page, in the order shown. */
function labelsIn(html: string): string[] {
  return [...html.matchAll(/class="nhsuk-label nhsuk-radios__label"[^>]*>\s*\d+\. ([^,]+),/g)].map((match) => match[1]!);
}
