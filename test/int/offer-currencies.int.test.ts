import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { movableToday } from '../support/movable-clock.ts';
import { apiKeyFor, csrfTokenIn, WebClient } from '../support/web-client.ts';

const clock = movableToday('2027-02-01');
const DATE = { 'effectiveFrom-day': '1', 'effectiveFrom-month': '4', 'effectiveFrom-year': '2027' };

describe('prices per currency and complexity band', () => {
  let t: TestApp;
  let token: string;
  let commissioner: WebClient;
  beforeAll(async () => {
    t = await createTestApp({ seed: 'region', clock });
    token = await apiKeyFor(t.app, 'commissioner@aqp.example', 'commissioner', 'Price tools');
    commissioner = new WebClient(t.app);
    await commissioner.signIn('commissioner@aqp.example');
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });

  async function hearingDraft(packVersion?: number): Promise<string> {
    const opened = await call('POST', '/api/v1/offers', {
      serviceCode: 'adult-hearing',
      coverage: ['02T'],
      ...(packVersion ? { packVersion } : {}),
    });
    expect(opened.statusCode).toBe(201);
    return opened.json().id as string;
  }

  const storedPrices = (offerId: string) =>
    t.deps.db
      .selectFrom('offer_prices')
      .select(['currency_code', 'complexity_band', 'price_pence'])
      .where('offer_id', '=', offerId)
      .execute();

  it('prices the hearing pathway, aftercare visits and repairs per band, pays missed aftercare visits, and reads them back', async () => {
    const id = await hearingDraft();
    const offer = (await call('GET', `/api/v1/offers/${id}`)).json();
    expect(offer.currencies.map((c: { code: string; nationalCostCode?: string }) => [c.code, c.nationalCostCode ?? null])).toEqual([
      ['assessment-and-fitting', 'AS05'],
      ['aftercare-visit', 'AS11'],
      ['repair', null],
    ]);
    const prices = [
      { currencyCode: 'assessment-and-fitting', complexityBand: 'MONAURAL', pricePence: 45_000 },
      { currencyCode: 'assessment-and-fitting', complexityBand: 'BINAURAL', pricePence: 72_500 },
      { currencyCode: 'aftercare-visit', complexityBand: 'MONAURAL', pricePence: 4_500 },
      { currencyCode: 'aftercare-visit', complexityBand: 'BINAURAL', pricePence: 6_000 },
      { currencyCode: 'repair', complexityBand: 'MONAURAL', pricePence: 3_000 },
      { currencyCode: 'repair', complexityBand: 'BINAURAL', pricePence: 3_000 },
    ];
    const saved = await call('POST', `/api/v1/offers/${id}/prices`, {
      effectiveFrom: '2027-04-01',
      prices,
      dnaPayable: [{ currencyCode: 'aftercare-visit', payable: true }],
    });
    expect(saved.statusCode, saved.body).toBe(204);
    const inForce = (await call('GET', `/api/v1/offers/${id}/prices?on=2027-05-01`)).json();
    expect(inForce).toMatchObject({ effectiveFrom: '2027-04-01', dnaPayable: [{ currencyCode: 'aftercare-visit', payable: true }] });
    expect(inForce.prices).toHaveLength(6);
    expect(inForce.prices).toEqual(expect.arrayContaining(prices));
    expect((await call('GET', `/api/v1/offers/${id}`)).json().priceSchedules[0].prices).toHaveLength(6);
  });

  it('refuses a missing, repeated or unknown currency or band with a coded problem naming each field, and writes nothing', async () => {
    const id = await hearingDraft();
    const refused = await call('POST', `/api/v1/offers/${id}/prices`, {
      effectiveFrom: '2027-04-01',
      prices: [
        { complexityBand: 'MONAURAL', pricePence: 45_000 },
        { currencyCode: 'aftercare-visit', complexityBand: 'MONAURAL', pricePence: 4_500 },
        { currencyCode: 'aftercare-visit', complexityBand: 'MONAURAL', pricePence: 4_600 },
        { currencyCode: 'batteries', complexityBand: 'MONAURAL', pricePence: 100 },
      ],
      dnaPayable: [{ currencyCode: 'batteries', payable: true }],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ code: 'validation-failed' });
    expect(refused.json().errors.map((error: { field: string }) => error.field)).toEqual([
      'price-BINAURAL',
      'price-aftercare-visit-MONAURAL',
      'price-aftercare-visit-BINAURAL',
      'price-batteries-MONAURAL',
      'dna-batteries',
    ]);
    expect(await storedPrices(id)).toEqual([]);
    expect((await call('GET', `/api/v1/offers/${id}/prices?on=2027-05-01`)).statusCode).toBe(404);
  });

  it('reads prices without a currency as the pack’s first currency, on older pack versions too', async () => {
    const pinned = await hearingDraft(1);
    expect((await call('GET', `/api/v1/offers/${pinned}`)).json().currencies).toEqual([
      expect.objectContaining({ code: 'pathway', unit: 'pathway', oncePerReferral: true, dnaPayable: false }),
    ]);
    const prices = [
      { complexityBand: 'MONAURAL', pricePence: 45_000 },
      { complexityBand: 'BINAURAL', pricePence: 72_500 },
    ];
    expect((await call('POST', `/api/v1/offers/${pinned}/prices`, { effectiveFrom: '2027-04-01', prices })).statusCode).toBe(204);
    expect((await storedPrices(pinned)).map((row) => row.currency_code)).toEqual(['pathway', 'pathway']);
    const unknown = await call('POST', `/api/v1/offers/${pinned}/prices`, {
      effectiveFrom: '2027-04-01',
      prices: [...prices, { currencyCode: 'repair', complexityBand: 'MONAURAL', pricePence: 3_000 }],
    });
    expect(unknown.json().errors).toEqual([
      { field: 'price-repair-MONAURAL', message: 'repair is not a currency of this offer’s implementation pack (pathway)' },
    ]);
  });

  it('shows a price input per currency and band, with errors beside the fields, saving nothing until all is right', async () => {
    const id = await hearingDraft();
    const url = `/offers/${id}/prices`;
    const form = await commissioner.get(url);
    for (const name of ['price-MONAURAL', 'price-aftercare-visit-BINAURAL', 'price-repair-MONAURAL'])
      expect(form.body).toContain(`name="${name}"`);
    expect(form.body).toContain('Paid once per referral');
    expect(form.body).toContain('National Cost Collection code AS05');
    expect(form.body).toMatch(/name="dnaPayable" type="checkbox" value="aftercare-visit"(?![^>]*checked)/);

    const half = await commissioner.submit(url, {
      ...DATE,
      'price-MONAURAL': '450',
      'price-BINAURAL': '725',
      'price-aftercare-visit-MONAURAL': '45',
      'price-aftercare-visit-BINAURAL': '',
      'price-repair-MONAURAL': 'thirty',
      'price-repair-BINAURAL': '30',
    });
    expect(half.statusCode).toBe(400);
    expect(half.body).toContain('href="#price-aftercare-visit-BINAURAL"');
    expect(half.body).toContain('Enter the aftercare visit price for the BINAURAL band');
    expect(half.body).toContain('Enter the repair price for the MONAURAL band in pounds and pence, like 450.00');
    expect(half.body).toMatch(/id="price-aftercare-visit-MONAURAL"[^>]*value="45"/);
    expect(await storedPrices(id)).toEqual([]);

    const page = await commissioner.get(url);
    const saved = await commissioner.post(url, [
      ['_csrf', csrfTokenIn(page.body)],
      ...Object.entries(DATE),
      ['price-MONAURAL', '450'],
      ['price-BINAURAL', '725'],
      ['price-aftercare-visit-MONAURAL', '45'],
      ['price-aftercare-visit-BINAURAL', '60'],
      ['dnaPayable', 'aftercare-visit'],
    ]);
    expect(saved.statusCode, saved.body.slice(0, 500)).toBe(303);
    expect((await storedPrices(id)).map((row) => `${row.currency_code} ${row.complexity_band} ${row.price_pence}`).sort()).toEqual([
      'aftercare-visit BINAURAL 6000',
      'aftercare-visit MONAURAL 4500',
      'assessment-and-fitting BINAURAL 72500',
      'assessment-and-fitting MONAURAL 45000',
    ]);
    const again = await commissioner.get(url);
    expect(again.body).toContain('Aftercare visit');
    expect(again.body).toMatch(/name="dnaPayable" type="checkbox" value="aftercare-visit"[^>]*checked/);
  });
});
