import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inCommissionerArea } from '../support/directory-rows.ts';
import { movableToday } from '../support/movable-clock.ts';
import { anOffer } from '../support/offer-rows.ts';
import {
  acceptedReferrals,
  aHearingReferral,
  aListingIn,
  aProviderWithSites,
  bornAged,
  nhsNumberSequence,
  placePostcodes,
  tokenFor,
} from '../support/referral-rows.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

const TODAY = '2027-03-01';
const OLD_CONTRACT_ENDS = '2027-03-10';
const clock = movableToday(TODAY);

interface ChoiceEntry {
  listingId: string;
  siteId: string;
  providerName: string;
  wait: { workingDays: number | null; basedOn: number };
}

/** Calderdale re-procures adult hearing: its first offer is closed while providers' contracts on it still run, and a new offer is open with a stricter protocol (60 and over). */
describe('providers still under contract on an older, closed offer', () => {
  let t: TestApp;
  let gpToken: string;
  let oldOffer: string;
  let newOffer: string;
  const listings: Record<string, { listingId: string; providerId: string }> = {};
  const nextNhsNumber = nhsNumberSequence('4030');
  const asGp = (method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { authorization: `Bearer ${gpToken}` }, ...(payload ? { payload } : {}) });
  const refer = (age: number) =>
    asGp('POST', '/api/v1/referrals', aHearingReferral({ dateOfBirth: bornAged(age, clock.today()), nhsNumber: nextNhsNumber() }));
  const choiceListFor = async (ubrn: string): Promise<ChoiceEntry[]> =>
    (await asGp('GET', `/api/v1/referrals/${ubrn}/choice-list`)).json().entries;
  const directoryNames = async () => {
    const found = (await t.app.inject('/api/v1/directory?service=adult-hearing&postcode=HX6%203AB')).json();
    return {
      offerId: found.offer?.id as string,
      names: (found.items as { provider: { name: string } }[]).map((item) => item.provider.name).sort(),
    };
  };
  const listedOn = async (offerId: string, odsCode: string, status: 'live' | 'suspended', contractEnd: string | null = null) => {
    const listing = await aListingIn(t.deps, offerId, odsCode, status, TODAY);
    await t.deps.db.updateTable('listings').set({ contract_end: contractEnd }).where('id', '=', listing.listingId).execute();
    listings[`${odsCode}@${offerId === oldOffer ? 'old' : 'new'}`] = listing;
  };

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo', clock });
    await placePostcodes(t.deps);
    await inCommissionerArea(t.deps, '02T', ['HX6 3AB', 'HX1 1PW', 'HX3 6BP']);
    const practice = await t.deps.db.selectFrom('organisations').select('id').where('ods_code', '=', 'B84001').executeTakeFirstOrThrow();
    gpToken = await tokenFor(t.deps, practice.id, 'referrer');
    oldOffer = (await t.app.inject('/api/v1/offers?service=adult-hearing&commissioner=02T')).json().items[0].id;
    await aProviderWithSites(t.deps, {
      odsCode: 'TST61',
      name: 'Older Contract Hearing (test)',
      sites: [{ name: 'Halifax clinic', postcode: 'HX1 1PW' }],
    });
    await aProviderWithSites(t.deps, {
      odsCode: 'TST62',
      name: 'New Contract Hearing (test)',
      sites: [{ name: 'Boothtown clinic', postcode: 'HX3 6BP' }],
    });
    await aProviderWithSites(t.deps, {
      odsCode: 'TST63',
      name: 'Suspended Older Hearing (test)',
      sites: [{ name: 'Suspended clinic', postcode: 'HX1 1PW' }],
    });
    await aProviderWithSites(t.deps, {
      odsCode: 'TST64',
      name: 'Both Contracts Hearing (test)',
      sites: [{ name: 'Todmorden clinic', postcode: 'OL14 5RN' }],
    });
    await aProviderWithSites(t.deps, {
      odsCode: 'TST65',
      name: 'Ended Contract Hearing (test)',
      sites: [{ name: 'Ended clinic', postcode: 'HX1 1PW' }],
    });
    await listedOn(oldOffer, 'TST61', 'live', OLD_CONTRACT_ENDS);
    await listedOn(oldOffer, 'TST63', 'suspended', OLD_CONTRACT_ENDS);
    await listedOn(oldOffer, 'TST64', 'live', OLD_CONTRACT_ENDS);
    await listedOn(oldOffer, 'TST65', 'live', '2027-02-28');
    await t.deps.db.updateTable('offers').set({ status: 'closed' }).where('id', '=', oldOffer).execute();

    newOffer = (
      await anOffer(t.deps.db)
        .forService('adult-hearing')
        .coveringOds('02T')
        .withStatus('open')
        .titled('Adult hearing, Calderdale (re-procured)')
        .insert()
    ).id;
    const protocol = await t.deps.db
      .selectFrom('offer_protocols')
      .select('content')
      .where('offer_id', '=', oldOffer)
      .orderBy('version', 'desc')
      .executeTakeFirstOrThrow();
    await t.deps.db
      .insertInto('offer_protocols')
      .values({ offer_id: newOffer, version: 1, content: JSON.stringify({ ...(protocol.content as object), ageMin: 60 }) })
      .execute();
    await listedOn(newOffer, 'TST62', 'live');
    await listedOn(newOffer, 'TST64', 'live');
  });
  afterAll(() => t.close());

  it('judges a new referral against the open offer’s protocol, not the closed one’s', async () => {
    const tooYoung = await refer(55);
    expect(tooYoung.json()).toMatchObject({ eligible: false, eligibility: { reasons: [{ code: 'too-young' }] } });
    const referred = await refer(66);
    expect(referred.statusCode).toBe(201);
    expect(referred.json().offer.id).toBe(newOffer);
  });

  it('offers the closed offer’s live providers alongside the open offer’s, each provider once, and no suspended one or one whose contract has ended', async () => {
    const { ubrn } = (await refer(66)).json();
    const entries = await choiceListFor(ubrn);
    expect(entries.map((entry) => entry.providerName).sort()).toEqual([
      'Both Contracts Hearing (test)',
      'New Contract Hearing (test)',
      'Older Contract Hearing (test)',
    ]);
    expect(entries.find((entry) => entry.providerName.startsWith('Both'))!.listingId).toBe(listings['TST64@new']!.listingId);
    expect(entries.find((entry) => entry.providerName.startsWith('Older'))!.listingId).toBe(listings['TST61@old']!.listingId);
  });

  it('measures an older contract’s wait over the referrals it accepted under the new offer too', async () => {
    await acceptedReferrals(t.deps, { offerId: newOffer, ...listings['TST61@old']! }, [
      ['2027-02-01', '2027-02-03'],
      ['2027-02-01', '2027-02-03'],
      ['2027-02-08', '2027-02-10'],
      ['2027-02-15', '2027-02-17'],
      ['2027-02-15', '2027-02-17'],
    ]);
    const { ubrn } = (await refer(66)).json();
    const older = (await choiceListFor(ubrn)).find((entry) => entry.providerName.startsWith('Older'));
    expect(older!.wait).toEqual({ workingDays: 2, basedOn: 5 });
  });

  it('lists the same providers in the public directory, under the open offer', async () => {
    expect(await directoryNames()).toEqual({
      offerId: newOffer,
      names: ['Both Contracts Hearing (test)', 'New Contract Hearing (test)', 'Older Contract Hearing (test)'],
    });
    expect((await t.app.inject('/api/v1/directory/providers/TST61')).statusCode).toBe(200);
    expect((await t.app.inject('/api/v1/directory/providers/TST65')).statusCode).toBe(404);
  });

  it('keeps offering the older contract through its last day and drops it the day after, refusing a choice made from an earlier list', async () => {
    clock.setToday(OLD_CONTRACT_ENDS);
    const { ubrn } = (await refer(66)).json();
    const lastDay = await choiceListFor(ubrn);
    const older = lastDay.find((entry) => entry.providerName.startsWith('Older'));
    expect(older).toBeDefined();

    clock.setToday('2027-03-11');
    const refused = await asGp('POST', `/api/v1/referrals/${ubrn}/choice`, { listingId: older!.listingId, siteId: older!.siteId });
    expect(refused.statusCode).toBe(409);
    expect((await choiceListFor(ubrn)).map((entry) => entry.providerName).sort()).toEqual([
      'Both Contracts Hearing (test)',
      'New Contract Hearing (test)',
    ]);
    expect((await directoryNames()).names).toEqual(['Both Contracts Hearing (test)', 'New Contract Hearing (test)']);
    expect((await t.app.inject('/api/v1/directory/providers/TST61')).statusCode).toBe(404);
  });
});
