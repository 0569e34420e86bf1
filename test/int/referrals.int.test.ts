import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReferral } from '../../src/domains/referrals/referral.service.ts';
import { verifyPatientAccess } from '../../src/domains/referrals/patient-access.service.ts';
import { haversineKm } from '../support/haversine.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { movableToday } from '../support/movable-clock.ts';
import {
  acceptedReferrals,
  aHearingReferral,
  aListingIn,
  aPracticeWithReferrer,
  aProviderWithSites,
  bornAged,
  nhsNumberFrom,
  placePostcodes,
  REAL_POSTCODES,
  tokenFor,
} from '../support/referral-rows.ts';

const TODAY = '2027-03-01';
const clock = movableToday(TODAY);

describe('referral, eligibility, choice list and choice', () => {
  let t: TestApp;
  let calderdale: { practiceId: string; token: string };
  let kirklees: { practiceId: string; token: string };
  let calderdaleHearing: string;
  let kirkleesHearing: string;

  const as = (token: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
  const offerFor = async (service: string, commissioner: string) =>
    (await t.app.inject(`/api/v1/offers?service=${service}&commissioner=${commissioner}`)).json().items[0].id as string;
  const referralCount = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom('referrals')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo', clock });
    await placePostcodes(t.deps);
    const b84001 = await t.deps.db.selectFrom('organisations').select('id').where('ods_code', '=', 'B84001').executeTakeFirstOrThrow();
    calderdale = { practiceId: b84001.id, token: await tokenFor(t.deps, b84001.id, 'referrer') };
    kirklees = await aPracticeWithReferrer(t.deps, {
      odsCode: 'B85001',
      name: 'Parkview Surgery',
      subIcbOds: 'X2C4Y',
      email: 'referrer@parkview.example',
    });
    calderdaleHearing = await offerFor('adult-hearing', '02T');
    kirkleesHearing = await offerFor('adult-hearing', 'X2C4Y');
  });
  afterAll(() => t.close());

  it('refuses a 54-year-old for hearing in Kirklees (55 and over) and saves nothing; the same patient is eligible in Calderdale (50 and over)', async () => {
    const body = aHearingReferral({ dateOfBirth: bornAged(54, TODAY), nhsNumber: nhsNumberFrom('401023213') });
    const before = await referralCount();
    const refused = await as(kirklees.token, 'POST', '/api/v1/referrals', body);
    expect(refused.statusCode).toBe(200);
    expect(refused.json()).toMatchObject({
      eligible: false,
      commissioner: { odsCode: 'X2C4Y' },
      eligibility: { ageOnReferralDate: 54, reasons: [{ code: 'too-young', message: expect.stringContaining('aged 55') }] },
    });
    expect(refused.json().ubrn).toBeUndefined();
    expect(await referralCount()).toBe(before);

    const accepted = await as(calderdale.token, 'POST', '/api/v1/referrals', body);
    expect(accepted.statusCode).toBe(201);
    const { ubrn, accessCode, protocolVersion } = accepted.json();
    expect(accepted.json()).toMatchObject({ eligible: true, commissioner: { odsCode: '02T' }, eligibility: { reasons: [] } });
    expect(ubrn).toMatch(/^\d{12}$/);
    expect(accessCode).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const stored = await t.deps.db.selectFrom('referrals').selectAll().where('ubrn', '=', ubrn).executeTakeFirstOrThrow();
    const calderdaleProtocol = await t.deps.db
      .selectFrom('offer_protocols')
      .select((eb) => eb.fn.max('version').as('v'))
      .where('offer_id', '=', calderdaleHearing)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      status: 'awaiting-choice',
      protocol_version: Number(calderdaleProtocol.v),
      offer_id: calderdaleHearing,
      referrer_organisation_id: calderdale.practiceId,
      referred_on: TODAY,
    });
    expect(protocolVersion).toBe(Number(calderdaleProtocol.v));
    expect(stored.access_code_hash).toMatch(/^\$hmac-sha256\$/);
    expect(stored.access_code_hash).not.toContain(accessCode.replace('-', ''));
    const events = await t.deps.db
      .selectFrom('referral_events')
      .select(['from_status', 'to_status', 'actor'])
      .where('referral_id', '=', stored.id)
      .execute();
    expect(events).toEqual([{ from_status: null, to_status: 'awaiting-choice', actor: 'referrer' }]);
    const audit = await t.deps.db.selectFrom('audit_events').select('action').where('entity_id', '=', stored.id).execute();
    expect(audit.map((row) => row.action)).toEqual(['referral.create']);
  });

  it('refuses a “yes” to vertigo with the ENT advice, and a “no” to wax cleared with its advice, giving every reason', async () => {
    const response = await as(
      calderdale.token,
      'POST',
      '/api/v1/referrals',
      aHearingReferral({ dateOfBirth: bornAged(70, TODAY), answers: { vertigo: true, 'wax-cleared': false } }),
    );
    expect(response.statusCode).toBe(200);
    const { eligible, eligibility } = response.json();
    expect(eligible).toBe(false);
    expect(eligibility.reasons).toEqual([
      { code: 'exclusion', message: 'Answered yes: Vertigo?', advice: 'Do not refer to AQP: refer to ENT.', questionId: 'vertigo' },
      {
        code: 'prerequisite',
        message: 'Not done: Has any wax been cleared?',
        advice: expect.stringContaining('Clear the wax'),
        questionId: 'wax-cleared',
      },
    ]);
  });

  it('refuses input it cannot judge: a wrong NHS check digit, an unknown postcode and an unanswered protocol question, all at once', async () => {
    const body = aHearingReferral({ dateOfBirth: bornAged(60, TODAY), nhsNumber: '9434765918', postcode: 'ZZ9 9ZZ' });
    delete (body.answers as Record<string, boolean>).vertigo;
    const response = await as(calderdale.token, 'POST', '/api/v1/referrals', body);
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .errors.map((error: { field: string }) => error.field)
        .sort(),
    ).toEqual(['answer-vertigo', 'nhsNumber', 'postcode']);
    expect((await as(kirklees.token, 'POST', '/api/v1/referrals', { ...body, serviceCode: 'mri' })).json().errors[0]).toMatchObject({
      field: 'serviceCode',
    });
  });

  it('counts earlier referrals per body area for back and neck pain, and says plainly when no provider is live yet, naming the commissioner', async () => {
    const back = {
      serviceCode: 'back-and-neck-pain',
      priority: 'routine',
      route: 'other-clinician',
      bodyArea: 'Lower back',
      clinicalInformation: 'Mechanical low back pain for six weeks.',
      answers: { 'red-flags': false, 'pregnant-over-35-weeks': false },
      patient: {
        nhsNumber: nhsNumberFrom('401023214'),
        givenName: 'Ben',
        familyName: 'Back',
        dateOfBirth: '1980-05-05',
        sex: 'male',
        postcode: 'HX1 1PW',
      },
    };
    const first = await as(calderdale.token, 'POST', '/api/v1/referrals', back);
    expect(first.statusCode).toBe(201);
    const again = await as(calderdale.token, 'POST', '/api/v1/referrals', { ...back, bodyArea: ' lower  BACK ' });
    expect(again.json()).toMatchObject({ eligible: false, eligibility: { reasons: [{ code: 'repeat-limit' }] } });
    expect((await as(calderdale.token, 'POST', '/api/v1/referrals', { ...back, bodyArea: 'Neck' })).statusCode).toBe(201);

    const list = await as(calderdale.token, 'GET', `/api/v1/referrals/${first.json().ubrn}/choice-list`);
    expect(list.statusCode).toBe(200);
    expect(list.json().entries).toEqual([]);
    expect(list.json().whenEmpty).toContain('Contact NHS West Yorkshire ICB - 02T');
  });

  it('lists every live provider for the commissioner and service at its nearest site, and no suspended, expired, unlisted or other-commissioner one; distances match haversine', async () => {
    await aProviderWithSites(t.deps, {
      odsCode: 'TST01',
      name: 'Sowerby Hearing (test)',
      sites: [
        { name: 'Sowerby Bridge clinic', postcode: 'HX6 3AB' },
        { name: 'Todmorden clinic', postcode: 'OL14 5RN' },
      ],
    });
    await aProviderWithSites(t.deps, {
      odsCode: 'TST02',
      name: 'Halifax Audiology (test)',
      sites: [
        { name: 'Halifax clinic', postcode: 'HX3 6BP' },
        { name: 'Closed Halifax clinic', postcode: 'HX1 1PW', closed: true },
      ],
    });
    await aProviderWithSites(t.deps, {
      odsCode: 'TST03',
      name: 'Suspended Hearing (test)',
      sites: [{ name: 'Suspended clinic', postcode: 'HX1 1PW' }],
    });
    await aProviderWithSites(t.deps, {
      odsCode: 'TST04',
      name: 'Expired Hearing (test)',
      sites: [{ name: 'Expired clinic', postcode: 'HX1 1PW' }],
    });
    await aProviderWithSites(t.deps, {
      odsCode: 'TST05',
      name: 'Kirklees Only Hearing (test)',
      sites: [{ name: 'Huddersfield clinic', postcode: 'HD1 6PT' }],
    });
    await aProviderWithSites(t.deps, {
      odsCode: 'TST06',
      name: 'Not Yet Contracted (test)',
      sites: [{ name: 'Elland clinic', postcode: 'HX1 1PW' }],
    });
    const demo1 = await aListingIn(t.deps, calderdaleHearing, 'DEMO1', 'live', TODAY);
    const sowerby = await aListingIn(t.deps, calderdaleHearing, 'TST01', 'live', TODAY);
    const halifax = await aListingIn(t.deps, calderdaleHearing, 'TST02', 'live', TODAY);
    await aListingIn(t.deps, calderdaleHearing, 'TST03', 'suspended', TODAY);
    await aListingIn(t.deps, calderdaleHearing, 'TST04', 'expired', TODAY);
    await aListingIn(t.deps, kirkleesHearing, 'TST05', 'live', TODAY);
    await aListingIn(t.deps, calderdaleHearing, 'TST06', 'qualified', TODAY);
    await acceptedReferrals(t.deps, { offerId: calderdaleHearing, ...halifax }, [
      ['2027-02-01', '2027-02-03'],
      ['2027-02-01', '2027-02-04'],
      ['2027-02-08', '2027-02-11'],
      ['2027-02-15', '2027-02-22'],
      ['2027-02-15', '2027-02-16'],
      ['2026-10-01', '2026-10-30'],
    ]);

    const created = await as(
      calderdale.token,
      'POST',
      '/api/v1/referrals',
      aHearingReferral({ dateOfBirth: bornAged(66, TODAY), nhsNumber: nhsNumberFrom('401023215') }),
    );
    const { ubrn } = created.json();
    const list = (await as(calderdale.token, 'GET', `/api/v1/referrals/${ubrn}/choice-list`)).json();

    const live = await t.deps.db
      .selectFrom('listings')
      .select('id')
      .where('offer_id', '=', calderdaleHearing)
      .where('status', '=', 'live')
      .execute();
    expect(list.entries.map((entry: { listingId: string }) => entry.listingId).sort()).toEqual(live.map((row) => row.id).sort());
    const names = list.entries.map((entry: { providerName: string }) => entry.providerName);
    expect(names).toEqual(expect.arrayContaining(['Pennine Hearing Care (demo)', 'Sowerby Hearing (test)', 'Halifax Audiology (test)']));
    for (const absent of [
      'Suspended Hearing (test)',
      'Expired Hearing (test)',
      'Kirklees Only Hearing (test)',
      'Not Yet Contracted (test)',
    ])
      expect(names).not.toContain(absent);

    const origin = REAL_POSTCODES['HX6 3AB']!;
    const bySite = new Map(
      (await t.deps.db.selectFrom('sites').select(['id', 'name', 'latitude', 'longitude']).execute()).map((site) => [site.id, site]),
    );
    for (const entry of list.entries) {
      const expected = haversineKm(origin, bySite.get(entry.siteId)!);
      expect(entry.distanceKm).toBeCloseTo(expected, 6);
      expect(entry.distanceMiles).toBeCloseTo(expected / 1.609344, 6);
    }
    const entryOf = (listingId: string) => list.entries.find((entry: { listingId: string }) => entry.listingId === listingId);
    expect(entryOf(sowerby.listingId)).toMatchObject({ siteName: 'Sowerby Bridge clinic', distanceKm: 0, rank: 1 });
    expect(entryOf(halifax.listingId)).toMatchObject({
      siteName: 'Halifax clinic',
      wait: { workingDays: 3, basedOn: 5 },
      quality: { cqcStatus: 'registered', assuranceVerified: true, contractStart: '2027-01-30' },
    });
    expect(entryOf(demo1.listingId)).toMatchObject({ siteName: 'Halifax hearing clinic', wait: { workingDays: null, basedOn: 0 } });
    const distances = list.entries.map((entry: { distanceKm: number }) => entry.distanceKm);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));

    const byWait = (await as(calderdale.token, 'GET', `/api/v1/referrals/${ubrn}/choice-list?order=wait`)).json();
    expect(byWait.entries[0].listingId).toBe(halifax.listingId);
    const stored = await t.deps.db
      .selectFrom('choice_lists as c')
      .innerJoin('referrals as r', 'r.id', 'c.referral_id')
      .select(['c.ordered_by', 'c.origin_postcode', 'c.entries'])
      .where('r.ubrn', '=', ubrn)
      .orderBy('c.seq')
      .execute();
    expect(stored.map((row) => [row.ordered_by, row.origin_postcode])).toEqual([
      ['distance', 'HX6 3AB'],
      ['wait', 'HX6 3AB'],
    ]);
    expect(stored[1]!.entries).toEqual(byWait.entries);
  });

  it('sends the referral only to an entry of the latest list whose provider is still live, with the acceptance deadline in working days', async () => {
    const created = (
      await as(
        calderdale.token,
        'POST',
        '/api/v1/referrals',
        aHearingReferral({ dateOfBirth: bornAged(72, TODAY), nhsNumber: nhsNumberFrom('401023216') }),
      )
    ).json();
    const list = (await as(calderdale.token, 'GET', `/api/v1/referrals/${created.ubrn}/choice-list`)).json();
    const [first, second] = list.entries as { listingId: string; siteId: string; providerName: string }[];
    const choose = (entry: { listingId: string; siteId: string }) =>
      as(calderdale.token, 'POST', `/api/v1/referrals/${created.ubrn}/choice`, { listingId: entry.listingId, siteId: entry.siteId });

    const otherSite = await t.deps.db.selectFrom('sites').select('id').where('name', '=', 'Todmorden clinic').executeTakeFirstOrThrow();
    expect((await choose({ listingId: first!.listingId, siteId: otherSite.id })).json()).toMatchObject({
      code: 'validation-failed',
      errors: [{ field: 'choice' }],
    });
    await t.deps.db.updateTable('listings').set({ status: 'suspended' }).where('id', '=', second!.listingId).execute();
    const suspended = await choose(second!);
    expect(suspended.statusCode).toBe(409);
    expect(suspended.json().detail).toContain(`${second!.providerName} is no longer taking referrals`);
    await t.deps.db.updateTable('listings').set({ status: 'live' }).where('id', '=', second!.listingId).execute();

    const sent = await choose(first!);
    expect(sent.json()).toEqual({
      status: 'sent',
      providerName: first!.providerName,
      siteName: expect.any(String),
      acceptBy: '2027-03-08',
    });
    const row = await t.deps.db.selectFrom('referrals').selectAll().where('ubrn', '=', created.ubrn).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      status: 'sent',
      listing_id: first!.listingId,
      site_id: first!.siteId,
      chosen_by: 'referrer',
      accept_by: '2027-03-08',
      version: 2,
    });
    const events = await t.deps.db
      .selectFrom('referral_events')
      .select(['from_status', 'to_status'])
      .where('referral_id', '=', row.id)
      .orderBy('seq')
      .execute();
    expect(events.map((event) => event.to_status)).toEqual(['awaiting-choice', 'sent']);
    expect((await choose(first!)).statusCode).toBe(409);
    expect((await as(calderdale.token, 'GET', `/api/v1/referrals/${created.ubrn}/choice-list`)).statusCode).toBe(409);
  });

  it('shows a referral only to the referring practice and the chosen provider, auditing every view and every refusal', async () => {
    const created = (
      await as(
        calderdale.token,
        'POST',
        '/api/v1/referrals',
        aHearingReferral({ dateOfBirth: bornAged(80, TODAY), nhsNumber: nhsNumberFrom('401023227') }),
      )
    ).json();
    const list = (await as(calderdale.token, 'GET', `/api/v1/referrals/${created.ubrn}/choice-list`)).json();
    const chosen = list.entries[0] as { listingId: string; siteId: string; providerOrganisationId: string; providerName: string };
    await as(calderdale.token, 'POST', `/api/v1/referrals/${created.ubrn}/choice`, { listingId: chosen.listingId, siteId: chosen.siteId });
    const chosenProvider = await tokenFor(t.deps, chosen.providerOrganisationId, 'provider-clinician');
    const other = await t.deps.db.selectFrom('organisations').select('id').where('ods_code', '=', 'DEMO2').executeTakeFirstOrThrow();
    const otherProvider = await tokenFor(t.deps, other.id, 'provider-admin');

    expect((await as(calderdale.token, 'GET', `/api/v1/referrals/${created.ubrn}`)).json()).toMatchObject({
      ubrn: created.ubrn,
      status: 'sent',
      patient: { familyName: 'Lovelace' },
    });
    expect((await as(chosenProvider, 'GET', `/api/v1/referrals/${created.ubrn}`)).statusCode).toBe(200);
    expect((await as(otherProvider, 'GET', `/api/v1/referrals/${created.ubrn}`)).statusCode).toBe(404);
    expect((await as(kirklees.token, 'GET', `/api/v1/referrals/${created.ubrn}`)).statusCode).toBe(404);
    expect((await as(kirklees.token, 'GET', '/api/v1/referrals/000000000000')).statusCode).toBe(404);
    expect((await t.app.inject(`/api/v1/referrals/${created.ubrn}`)).statusCode).toBe(401);

    const referral = await t.deps.db.selectFrom('referrals').select('id').where('ubrn', '=', created.ubrn).executeTakeFirstOrThrow();
    const views = await t.deps.db
      .selectFrom('audit_events')
      .select(['details', 'organisation_id'])
      .where('action', '=', 'referral.view')
      .where('entity_id', '=', referral.id)
      .where('outcome', '=', 'success')
      .orderBy('occurred_at')
      .execute();
    expect(views.map((view) => (view.details as { page: string }).page)).toEqual(['api-choice-list', 'api-choice', 'api', 'api']);
    expect(views.map((view) => view.organisation_id)).toEqual([
      calderdale.practiceId,
      calderdale.practiceId,
      calderdale.practiceId,
      chosen.providerOrganisationId,
    ]);
    const denied = await t.deps.db
      .selectFrom('audit_events')
      .select('organisation_id')
      .where('action', '=', 'referral.view')
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied.map((row) => row.organisation_id)).toEqual(expect.arrayContaining([other.id, kirklees.practiceId]));
    expect(denied.length).toBeGreaterThanOrEqual(3);

    const again = await as(calderdale.token, 'GET', `/api/v1/referrals/${created.ubrn}/choice-list`);
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain(chosen.providerName);
    const seenAgain = await t.deps.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'referral.view')
      .where('entity_id', '=', referral.id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(seenAgain.details, 'the refusal names the provider chosen, so it is a view of the referral').toMatchObject({
      page: 'api-choice-list',
    });
  });

  it('lets a patient in with reference, access code and date of birth, and refuses a reference after five failures in 15 minutes without revealing whether it exists', async () => {
    const created = (
      await as(
        calderdale.token,
        'POST',
        '/api/v1/referrals',
        aHearingReferral({ dateOfBirth: '1950-07-04', nhsNumber: nhsNumberFrom('401023218') }),
      )
    ).json();
    const context = { principal: null, clientAddress: '192.0.2.10' };
    const attempt = (reference: string, accessCode: string, dateOfBirth = '1950-07-04') =>
      verifyPatientAccess(t.deps, context, { reference, accessCode, dateOfBirth });
    const spaced = `${created.ubrn.slice(0, 4)} ${created.ubrn.slice(4, 8)} ${created.ubrn.slice(8)}`;
    expect(await attempt(spaced, created.accessCode.toLowerCase())).toBe(created.ubrn);

    const wrongCode = await attempt(created.ubrn, 'AAAA-AAAA').catch((error: Error) => error);
    const wrongBirth = await attempt(created.ubrn, created.accessCode, '1950-07-05').catch((error: Error) => error);
    const noSuchReference = await attempt('123456789012', created.accessCode).catch((error: Error) => error);
    expect([wrongCode, wrongBirth, noSuchReference].map((error) => (error as Error).message)).toEqual(
      Array(3).fill((wrongCode as Error).message),
    );
    expect((wrongCode as Error).message).toContain('do not match a referral');

    for (let i = 0; i < 3; i += 1) await attempt(created.ubrn, 'AAAA-AAAA').catch(() => undefined);
    await expect(attempt(created.ubrn, created.accessCode)).rejects.toMatchObject({ code: 'too-many-requests' });
    for (let i = 0; i < 4; i += 1) await attempt('123456789012', 'AAAA-AAAA').catch(() => undefined);
    await expect(attempt('123456789012', 'AAAA-AAAA')).rejects.toMatchObject({ code: 'too-many-requests' });
    await t.deps.db
      .updateTable('patient_access_failures')
      .set({ failed_at: new Date(Date.now() - 16 * 60_000) })
      .where('ubrn', '=', created.ubrn)
      .execute();
    expect(await attempt(created.ubrn, created.accessCode)).toBe(created.ubrn);
  });

  it('draws a new reference when the first one drawn is already taken', async () => {
    const taken = (await t.deps.db.selectFrom('referrals').select('ubrn').executeTakeFirstOrThrow()).ubrn;
    const draws = [taken, '555555555555'];
    const principal = await t.deps.db
      .selectFrom('users as u')
      .innerJoin('memberships as m', 'm.user_id', 'u.id')
      .select(['u.id', 'm.organisation_id'])
      .where('u.email', '=', 'referrer@aqp.example')
      .executeTakeFirstOrThrow();
    const context = {
      principal: {
        kind: 'user' as const,
        userId: principal.id,
        displayName: 'Dr Rosa Referrer',
        organisationId: principal.organisation_id,
        organisationName: 'Station Road Surgery',
        role: 'referrer' as const,
      },
      clientAddress: null,
    };
    const body = aHearingReferral({ dateOfBirth: bornAged(61, TODAY), nhsNumber: nhsNumberFrom('401023219') }) as {
      patient: Record<string, string>;
      [key: string]: unknown;
    };
    const decision = await createReferral(t.deps, context, { ...body, ...body.patient } as never, { ubrns: () => draws.shift()! });
    expect(decision.created?.ubrn).toBe('555555555555');
  });
});
