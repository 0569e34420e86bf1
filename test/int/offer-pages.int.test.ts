import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { movableToday } from '../support/movable-clock.ts';
import { WebClient } from '../support/web-client.ts';

const clock = movableToday('2027-02-01');

describe('offer pages', () => {
  let t: TestApp;
  let commissioner: WebClient;
  beforeAll(async () => {
    t = await createTestApp({ seed: 'region', clock });
    commissioner = new WebClient(t.app);
    await commissioner.signIn('commissioner@aqp.example');
  });
  afterAll(() => t.close());

  async function openHearingDraft(): Promise<string> {
    const opened = await commissioner.submit('/offers/new', {
      serviceCode: 'adult-hearing',
      title: 'Adult hearing services (50 and over)',
      coverage: '02T',
    });
    expect(opened.statusCode).toBe(303);
    return opened.headers.location as string;
  }

  it('opens, amends, protects, prices and publishes a hearing offer for people aged 50 and over', async () => {
    const offerUrl = await openHearingDraft();
    const id = offerUrl.split('/').at(-1)!;
    expect((await commissioner.get(offerUrl)).body).toContain('Adult hearing services (50 and over)');

    const details = await commissioner.submit(`${offerUrl}/details`, {
      title: 'Adult hearing services (50 and over)',
      summary: 'Hearing aids for adults 50 and over in Calderdale.',
      'contractStart-day': '1',
      'contractStart-month': '4',
      'contractStart-year': '2027',
      'contractEnd-day': '31',
      'contractEnd-month': '3',
      'contractEnd-year': '2030',
      windowKind: 'rolling',
      'windowOpens-day': '1',
      'windowOpens-month': '2',
      'windowOpens-year': '2027',
    });
    expect(details.statusCode).toBe(303);

    const specification = await commissioner.get(`${offerUrl}/specification`);
    const form = Object.fromEntries(
      [...specification.body.matchAll(/<textarea[^>]*name="(\w+)"[^>]*>([^<]*)<\/textarea>/g)].map((m) => [
        m[1]!,
        m[2]!.replaceAll('&#39;', "'").replaceAll('&amp;', '&'),
      ]),
    );
    const amended = await commissioner.submit(`${offerUrl}/specification`, {
      ...form,
      scope: 'Adults 50 and over with age-acquired hearing loss, referred by their GP.',
      'scope-reason': 'Local audit found unmet need from 50.',
    });
    expect(amended.statusCode).toBe(303);

    const protocolPage = await commissioner.get(`${offerUrl}/protocol`);
    expect(protocolPage.body).toContain('value="55"');
    const fields: Record<string, string> = {
      ageMin: '50',
      ageMax: '',
      acceptanceDeadlineWorkingDays: '5',
      routes: 'gp',
      priorities: 'routine',
      repeatMaxReferrals: '',
      repeatWithinMonths: '',
      repeatPer: 'service',
    };
    for (const m of protocolPage.body.matchAll(/name="((?:exclusion|prerequisite)-\d+-\w+)"[^>]*value="([^"]*)"/g))
      fields[m[1]!] = m[2]!.replaceAll('&#39;', "'").replaceAll('&amp;', '&');
    const saved = await commissioner.submit(`${offerUrl}/protocol`, fields);
    expect(saved.statusCode, saved.body.slice(0, 300)).toBe(303);
    const savedPage = await commissioner.get(`${offerUrl}/protocol`);
    expect(savedPage.body).toContain('(now version 2)');
    expect(savedPage.body).toMatch(/name="ageMin"[^>]*value="50"/);
    expect(savedPage.body).toMatch(/name="acceptanceDeadlineWorkingDays"[^>]*value="5"/);

    const priced = await commissioner.submit(`${offerUrl}/prices`, {
      'effectiveFrom-day': '1',
      'effectiveFrom-month': '4',
      'effectiveFrom-year': '2027',
      'price-MONAURAL': '450.00',
      'price-BINAURAL': '£725',
    });
    expect(priced.statusCode).toBe(303);
    const published = await commissioner.submit(`${offerUrl}/status`, { status: 'published', reason: 'Approved by the board' });
    expect(published.statusCode).toBe(303);

    const page = await t.app.inject(offerUrl);
    expect(page.statusCode).toBe(200);
    for (const text of [
      'Published',
      '50 and over',
      'Amended locally',
      'Local audit found unmet need from 50.',
      '£450.00',
      '£725.00',
      'Approved by the board',
      'NHS West Yorkshire ICB - 02T',
    ])
      expect(page.body).toContain(text);
    expect(page.body).toMatch(/<del><span class="nhsuk-u-visually-hidden">removed: <\/span>55<\/del>/);
    const map = (await t.app.inject('/api/v1/map')).json();
    expect(map.commissioners.find((row: { odsCode: string }) => row.odsCode === '02T').offers).toContainEqual({
      service: 'adult-hearing',
      offerId: id,
    });
    const api = (await t.app.inject(`/api/v1/offers/${id}`)).json();
    expect(api.protocol).toMatchObject({ version: 2, content: { ageMin: 50 } });
    const actions = await t.deps.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', id)
      .orderBy('occurred_at')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'offer.open',
      'offer.details',
      'offer.amend-specification',
      'offer.protocol',
      'offer.prices',
      'offer.published',
    ]);
  });

  it('refuses an invalid protocol with errors beside the fields and saves nothing', async () => {
    const offerUrl = await openHearingDraft();
    const response = await commissioner.submit(`${offerUrl}/protocol`, {
      ageMin: '60',
      ageMax: '50',
      acceptanceDeadlineWorkingDays: '5',
      priorities: 'routine',
      repeatMaxReferrals: '',
      repeatWithinMonths: '',
      repeatPer: 'service',
      'exclusion-0-id': '',
      'exclusion-0-question': 'Vertigo?',
      'exclusion-0-redirectAdvice': '',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Error: Referral protocol');
    expect(response.body).toContain('Select who can refer');
    const withRoute = await commissioner.submit(`${offerUrl}/protocol`, {
      ageMin: '60',
      ageMax: '50',
      acceptanceDeadlineWorkingDays: '5',
      routes: 'gp',
      priorities: 'routine',
      repeatMaxReferrals: '',
      repeatWithinMonths: '',
      repeatPer: 'service',
      'exclusion-0-id': '',
      'exclusion-0-question': 'Vertigo?',
      'exclusion-0-redirectAdvice': '',
    });
    expect(withRoute.body).toContain('The maximum age (50) cannot be below the minimum age (60)');
    expect(withRoute.body).toContain('href="#exclusion-0-redirectAdvice"');
    expect(withRoute.body).toContain('Enter the advice shown when the answer is yes to “Vertigo?”');
    expect(withRoute.body).toMatch(
      /<input[^>]*id="exclusion-0-redirectAdvice"[^>]*aria-describedby="[^"]*exclusion-0-redirectAdvice-error"/,
    );
    expect(withRoute.body).toMatch(/<input[^>]*name="ageMin"[^>]*value="60"/);
    const afresh = await commissioner.get(`${offerUrl}/protocol`);
    expect(afresh.body).toMatch(/name="ageMin"[^>]*value="55"/);
    expect(afresh.body).not.toContain('nhsuk-error-message');
    const unknownRoute = await commissioner.submit(`${offerUrl}/protocol`, {
      routes: 'pharmacist',
      priorities: 'routine',
      acceptanceDeadlineWorkingDays: '5',
    });
    expect(unknownRoute.statusCode).toBe(400);
    expect(unknownRoute.body).toContain('Select who can refer: GP, other clinician or self-referral');
    const versions = await t.deps.db
      .selectFrom('offer_protocols')
      .select('version')
      .where('offer_id', '=', offerUrl.split('/').at(-1)!)
      .execute();
    expect(versions).toHaveLength(1);
  });

  it('shows date, price and publishing errors next to the fields', async () => {
    const offerUrl = await openHearingDraft();
    const badDates = await commissioner.submit(`${offerUrl}/details`, {
      title: 'Hearing',
      'contractStart-day': '31',
      'contractStart-month': '2',
      'contractStart-year': '2027',
      'contractEnd-day': '1',
      'contractEnd-month': '',
      'contractEnd-year': '2030',
      windowKind: 'rolling',
    });
    expect(badDates.statusCode).toBe(400);
    expect(badDates.body).toContain('The contract start date must be a real date');
    expect(badDates.body).toContain('The contract end date must include a month');
    expect(badDates.body).toContain('href="#contractStart-day"');
    const badPrice = await commissioner.submit(`${offerUrl}/prices`, {
      'effectiveFrom-day': '1',
      'effectiveFrom-month': '4',
      'effectiveFrom-year': '2027',
      'price-MONAURAL': 'four hundred',
      'price-BINAURAL': '',
    });
    expect(badPrice.body).toContain('Enter the price for the MONAURAL band in pounds and pence');
    expect(badPrice.body).toContain('Enter the price for the BINAURAL band');
    const early = await commissioner.submit(`${offerUrl}/status`, { status: 'published', reason: '' });
    expect(early.statusCode).toBe(409);
    expect(early.body).toContain('The offer is not ready to publish: Enter the contract start and end dates');
  });

  it('keeps drafts and editing to the lead commissioner', async () => {
    const offerUrl = await openHearingDraft();
    expect((await t.app.inject(offerUrl)).statusCode).toBe(404);
    const provider = new WebClient(t.app);
    await provider.signIn('provider.admin@aqp.example');
    expect((await provider.get(`${offerUrl}/protocol`)).statusCode).toBe(403);
    expect((await provider.get('/offers/new')).statusCode).toBe(403);
    expect((await commissioner.get('/offers')).body).toContain(offerUrl);
    expect((await commissioner.get('/catalogue/adult-hearing')).body).toContain('href="/offers/new?service=adult-hearing"');
    expect((await commissioner.get('/offers/new?service=adult-hearing')).body).toMatch(/value="adult-hearing" checked/);
  });
});
