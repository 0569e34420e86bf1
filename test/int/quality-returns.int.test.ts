import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qualityReturnsToDo } from '../../src/domains/provider-quality/quality-return.service.ts';
import { DEMO_PASSWORD } from '../../src/demo/region.demo-seed.ts';
import { hashPassword } from '../../src/domains/identity/password.ts';
import { insertMembership, insertUser } from '../../src/domains/identity/user.repo.ts';
import { type MovableClock, movableToday } from '../support/movable-clock.ts';
import { aListingIn, aProviderWithSites, placePostcodes, tokenFor } from '../support/referral-rows.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { WebClient } from '../support/web-client.ts';

/** The contract starts on 21 December 2026, so Q3 2026-27 (October to December) is owed, due 15 working days after 31 December: 22 January 2027. */
const TODAY = '2027-01-20';
const Q3 = '2026-27-Q3';
const ANSWERS = {
  'complaints-received': 3,
  'complaints-upheld': 1,
  'serious-incidents': 0,
  'outcomes-summary': 'Hearing handicap scores improved for 41 of 52 patients',
};

describe('quarterly quality returns', () => {
  let t: TestApp;
  let clock: MovableClock;
  let providerKey: string;
  let commissionerKey: string;
  let otherCommissionerKey: string;
  let offerId: string;
  let listingId: string;
  let providerId: string;

  const as = (key: string, method: 'GET' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { authorization: `Bearer ${key}` }, ...(payload ? { payload } : {}) });
  const returnUrl = () => `/api/v1/quality-returns/${listingId}/quarters/${Q3}`;

  beforeAll(async () => {
    clock = movableToday(TODAY);
    t = await createTestApp({ seed: 'demo', clock });
    await placePostcodes(t.deps);
    offerId = (await t.app.inject('/api/v1/offers?service=adult-hearing&commissioner=02T')).json().items[0].id;
    providerId = await aProviderWithSites(t.deps, {
      odsCode: 'TST71',
      name: 'Returns Hearing (test)',
      sites: [{ name: 'Halifax clinic', postcode: 'HX1 1PW' }],
    });
    ({ listingId } = await aListingIn(t.deps, offerId, 'TST71', 'live', TODAY));
    const orgId = async (ods: string) =>
      (await t.deps.db.selectFrom('organisations').select('id').where('ods_code', '=', ods).executeTakeFirstOrThrow()).id;
    providerKey = await tokenFor(t.deps, providerId, 'provider-admin');
    commissionerKey = await tokenFor(t.deps, await orgId('QWO'), 'commissioner');
    const other = await t.deps.db
      .insertInto('organisations')
      .values({ ods_code: 'XYZ99', name: 'Another ICB (test)', kind: 'commissioner' })
      .returning('id')
      .executeTakeFirstOrThrow();
    otherCommissionerKey = await tokenFor(t.deps, other.id, 'commissioner');
  });
  afterAll(() => t.close());

  it('lists the quarter owed as due, with its due day 15 working days after the quarter, and counts it for the home page', async () => {
    const list = (await as(providerKey, 'GET', '/api/v1/quality-returns')).json();
    expect(list.items).toEqual([
      expect.objectContaining({ listingId, quarter: Q3, dueOn: '2027-01-22', standing: 'due', late: false, version: 0 }),
    ]);
    expect(await qualityReturnsToDo(t.deps, providerId)).toEqual({ due: 1, overdue: 0 });
    const detail = (await as(providerKey, 'GET', returnUrl())).json();
    expect(detail.items.map((item: { code: string }) => item.code)).toEqual(Object.keys(ANSWERS));
    expect(detail).toMatchObject({ answers: null, mayEdit: true });
  });

  it('refuses bad answers with a coded problem naming each item, and saves nothing', async () => {
    const bad = await as(providerKey, 'PUT', returnUrl(), {
      answers: { 'complaints-received': 2, 'complaints-upheld': 5, 'serious-incidents': '-1' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('validation-failed');
    expect(
      bad
        .json()
        .errors.map((error: { field: string }) => error.field)
        .sort(),
    ).toEqual(['complaints-upheld', 'outcomes-summary', 'serious-incidents']);
    expect(await t.deps.db.selectFrom('quality_returns').select('id').execute()).toHaveLength(0);
    expect(
      (await as(providerKey, 'PUT', `/api/v1/quality-returns/${listingId}/quarters/2026-27-Q9`, { answers: ANSWERS })).statusCode,
    ).toBe(404);
    expect((await as(otherCommissionerKey, 'GET', returnUrl())).statusCode).toBe(404);
  });

  it('takes a return and a change before the due day, audited, and refuses the commissioner submitting it', async () => {
    const first = await as(providerKey, 'PUT', returnUrl(), { answers: ANSWERS });
    expect(first.json()).toEqual({ version: 1, late: false, submittedOn: TODAY });
    clock.setToday('2027-01-22');
    const again = await as(providerKey, 'PUT', returnUrl(), { answers: { ...ANSWERS, 'serious-incidents': 1 } });
    expect(again.json()).toEqual({ version: 2, late: false, submittedOn: '2027-01-22' });
    expect((await as(commissionerKey, 'PUT', returnUrl(), { answers: ANSWERS })).statusCode).toBe(403);
    const seen = (await as(commissionerKey, 'GET', returnUrl())).json();
    expect(seen).toMatchObject({ standing: 'submitted', late: false, mayEdit: false, answers: { 'serious-incidents': 1 } });
    const audit = await t.deps.db.selectFrom('audit_events').select('entity_id').where('action', '=', 'quality-return.submit').execute();
    expect(audit).toEqual([{ entity_id: listingId }, { entity_id: listingId }]);
  });

  it('makes a submitted return final after its due day (409)', async () => {
    clock.setToday('2027-01-25');
    const late = await as(providerKey, 'PUT', returnUrl(), { answers: ANSWERS });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('invalid-transition');
    expect((await as(providerKey, 'GET', returnUrl())).json()).toMatchObject({ version: 2, mayEdit: false });
  });

  it('flags a return late when it is overdue, and still late once submitted after the due day, for the provider and the commissioner', async () => {
    clock.setToday('2027-04-26');
    const Q4 = '2026-27-Q4';
    const owed = (await as(providerKey, 'GET', '/api/v1/quality-returns')).json().items;
    expect(owed.map((item: { quarter: string; standing: string }) => [item.quarter, item.standing])).toEqual([
      [Q4, 'overdue'],
      [Q3, 'submitted'],
    ]);
    expect(await qualityReturnsToDo(t.deps, providerId)).toEqual({ due: 0, overdue: 1 });
    clock.setToday('2027-04-28');
    expect(
      (await as(providerKey, 'PUT', `/api/v1/quality-returns/${listingId}/quarters/${Q4}`, { answers: ANSWERS })).json(),
    ).toMatchObject({
      late: true,
    });
    const commissioner = (await as(commissionerKey, 'GET', '/api/v1/quality-returns'))
      .json()
      .items.filter((item: { listingId: string }) => item.listingId === listingId);
    expect(commissioner[0]).toMatchObject({ quarter: Q4, standing: 'submitted-late', late: true, providerName: 'Returns Hearing (test)' });
    expect((await as(otherCommissionerKey, 'GET', '/api/v1/quality-returns')).json().items).toEqual([]);
  });

  it('asks the offer’s own items once the commissioner sets them, refusing a duplicated code', async () => {
    const items = [{ code: 'falls', label: 'Falls in clinic', kind: 'count' }];
    const twice = await as(commissionerKey, 'PUT', `/api/v1/offers/${offerId}/quality-return-items`, { items: [...items, ...items] });
    expect(twice.statusCode).toBe(400);
    expect((await as(commissionerKey, 'PUT', `/api/v1/offers/${offerId}/quality-return-items`, { items })).statusCode).toBe(204);
    expect((await as(otherCommissionerKey, 'PUT', `/api/v1/offers/${offerId}/quality-return-items`, { items })).statusCode).toBe(404);
    clock.setToday('2027-07-02');
    const q1 = (await as(providerKey, 'GET', `/api/v1/quality-returns/${listingId}/quarters/2027-28-Q1`)).json();
    expect(q1.items).toEqual(items);
    expect((await as(providerKey, 'GET', returnUrl())).json().items).toHaveLength(4);
  });

  it('shows the form with each problem next to its field, and the list with late returns flagged', async () => {
    clock.setToday('2027-07-05');
    const email = 'returns.admin@example.test';
    const userId = await insertUser(t.deps.db, { email, displayName: 'Returns Admin', passwordHash: await hashPassword(DEMO_PASSWORD) });
    await insertMembership(t.deps.db, { userId, organisationId: providerId, role: 'provider-admin' });
    const browser = new WebClient(t.app);
    await browser.signIn(email);
    const url = `/quality/returns/${listingId}/quarters/2027-28-Q1`;
    const empty = await browser.submit(url, { falls: 'two' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toMatch(/id="falls-error"[\s\S]*Falls in clinic must be a whole number from 0 to 99,999/);
    expect((await browser.submit(url, { falls: '2' })).headers.location).toBe('/quality/returns');
    const list = (await browser.get('/quality/returns')).body;
    expect(list).toContain('Submitted late');
    expect(list).toContain('1 return is late');
  });

  it('lets the lead commissioner change the items on the offer’s page: problems shown next to each field, nothing saved until right', async () => {
    const email = 'returns.commissioner@example.test';
    const userId = await insertUser(t.deps.db, {
      email,
      displayName: 'Returns Commissioner',
      passwordHash: await hashPassword(DEMO_PASSWORD),
    });
    const commissionerId = (
      await t.deps.db.selectFrom('organisations').select('id').where('ods_code', '=', 'QWO').executeTakeFirstOrThrow()
    ).id;
    await insertMembership(t.deps.db, { userId, organisationId: commissionerId, role: 'commissioner' });
    const browser = new WebClient(t.app);
    await browser.signIn(email);
    const url = `/offers/${offerId}/quality-return`;
    const itemsNow = async () => (await as(providerKey, 'GET', `/api/v1/quality-returns/${listingId}/quarters/2027-28-Q2`)).json().items;
    clock.setToday('2027-10-04');

    expect((await browser.submit(url, { action: 'use-default' })).headers.location).toBe(url);
    expect((await t.app.inject(url)).body).toContain('This offer asks the default items');
    const bad = await browser.submit(url, { 'label-0': ' ', 'kind-0': 'count', 'label-new': '', 'hint-new': 'In the waiting room' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/id="label-0-error"[\s\S]*Enter what item 1 asks/);
    expect(bad.body).toMatch(/id="kind-1-error"[\s\S]*Select whether item 2 is answered with a number or a short text/);
    expect(bad.body).toMatch(/id="label-new-error"[\s\S]*Enter what the new item asks/);
    expect(bad.body).toContain('value="In the waiting room"');
    expect((await itemsNow()).map((item: { code: string }) => item.code)).toEqual([
      'complaints-received',
      'complaints-upheld',
      'serious-incidents',
      'outcomes-summary',
    ]);

    const form = {
      'label-0': 'Formal complaints received',
      'kind-0': 'count',
      'label-1': 'Complaints upheld',
      'kind-1': 'count',
      'label-2': 'Serious incidents reported',
      'kind-2': 'count',
      'label-3': 'Patient-reported outcomes',
      'kind-3': 'text',
      'remove-3': 'yes',
      'label-new': 'Falls in clinic',
      'kind-new': 'count',
      'hint-new': 'Patients who fell while at a clinic',
    };
    expect((await browser.submit(url, form)).headers.location).toBe(url);
    expect(await itemsNow()).toEqual([
      { code: 'complaints-received', label: 'Formal complaints received', kind: 'count' },
      { code: 'complaints-upheld', label: 'Complaints upheld', kind: 'count' },
      { code: 'serious-incidents', label: 'Serious incidents reported', kind: 'count' },
      { code: 'falls-in-clinic', label: 'Falls in clinic', kind: 'count', hint: 'Patients who fell while at a clinic' },
    ]);
    const page = (await t.app.inject(url)).body;
    expect(page).toContain('This offer sets its own items.');
    expect(page).not.toContain('Save the items');
    const audit = await t.deps.db.selectFrom('audit_events').select('action').where('entity_id', '=', offerId).execute();
    expect(audit.filter((row) => row.action === 'offer.quality-return-items').length).toBeGreaterThanOrEqual(2);
  });

  it('describes the returns and feedback routes in the OpenAPI document', async () => {
    const paths = Object.keys((await t.app.inject('/api/v1/openapi.json')).json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/quality-returns',
        '/api/v1/quality-returns/{listingId}/quarters/{quarter}',
        '/api/v1/offers/{id}/quality-return-items',
        '/api/v1/feedback',
      ]),
    );
  });
});
