/** Each role's home page counts what needs it now, and every count links to a list showing exactly that many items (issue #15 item 8). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../src/demo/region.demo-seed.ts';
import { aPricedBackPainOffer, aReferralFor, type ActivityWorld } from '../support/activity-rows.ts';
import { anAcceptedLine } from '../support/line-query-rows.ts';
import { aProposalOfTheDemoIcb } from '../support/proposal-rows.ts';
import { movableToday } from '../support/movable-clock.ts';
import { anOffer } from '../support/offer-rows.ts';
import { aStatement } from '../support/statement-rows.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { WebClient } from '../support/web-client.ts';
import { needsNowShown } from '../support/needs-now-links.ts';

const TODAY = '2027-03-01';

describe('what needs doing now, on each role’s home page', () => {
  let t: TestApp;

  const idOf = async (odsCode: string) =>
    (await t.deps.db.selectFrom('organisations').select('id').where('ods_code', '=', odsCode).executeTakeFirstOrThrow()).id;
  const people = new Map<string, WebClient>();
  /** One signed-in browser per person, each from its own loopback address so sign-in throttling never joins them. */
  const signedIn = async (email: string) => {
    if (!people.has(email)) {
      const person = new WebClient(t.app, `127.0.0.${people.size + 2}`);
      expect((await person.signIn(email)).statusCode).toBe(303);
      people.set(email, person);
    }
    return people.get(email)!;
  };

  /** Two applications in assessment on an offer West Yorkshire ICB leads, so its assessor has them to assess. */
  async function applicationsToAssess() {
    const offer = await anOffer(t.deps.db).forService('adult-hearing').coveringOds('QWO').withStatus('open').insert();
    const submitted = { offer_id: offer.id, attempt: 1, submitted_at: new Date(), updated_at: new Date() };
    await t.deps.db
      .insertInto('applications')
      .values([
        { ...submitted, provider_organisation_id: await idOf('DEMO1'), status: 'submitted' },
        { ...submitted, provider_organisation_id: await idOf('DEMO2'), status: 'clarification' },
      ])
      .execute();
  }

  /** DEMO1's demo assurance with one item expired and one due within 30 days. */
  async function evidenceExpiring() {
    const demo1 = await idOf('DEMO1');
    const soon = { 'indemnity-insurance': '2027-02-28', safeguarding: '2027-03-31' };
    for (const [kind, expiresOn] of Object.entries(soon))
      await t.deps.db
        .updateTable('assurance_evidence')
        .set({ expires_on: expiresOn })
        .where('organisation_id', '=', demo1)
        .where('kind', '=', kind)
        .where('superseded_at', 'is', null)
        .execute();
  }

  /** Three queries raised by Calderdale's finance team on DEMO1's lines, one of them answered by the provider. */
  async function queriesRaisedAndAnswered(world: ActivityWorld) {
    const finance = await signedIn('finance@aqp.example');
    const provider = await signedIn('provider.admin@aqp.example');
    const queryIds = [];
    for (let index = 0; index < 3; index += 1) {
      const referral = await aReferralFor(t.deps, world, { acceptedOn: '2027-02-01' });
      const line = await anAcceptedLine(t.deps, world, referral, { receivedAt: `${TODAY}T09:00:00Z` });
      const raised = await finance.submit(
        `/payments/lines/${line.id}`,
        { reasonCode: 'activity-not-evidenced' },
        `/payments/lines/${line.id}/query`,
      );
      expect(raised.statusCode).toBe(303);
      queryIds.push(String(raised.headers.location).split('/').at(-1)!);
    }
    const answered = await provider.submit(
      `/payments/queries/${queryIds[0]}`,
      { answer: 'The session note is attached to the record.' },
      `/payments/queries/${queryIds[0]}/answer`,
    );
    expect(answered.statusCode).toBe(303);
  }

  /** Two statements awaiting approval and one still a draft. */
  async function statementsToApprove(world: ActivityWorld) {
    for (const [month, status] of [
      ['2026-12', 'awaiting-approval'],
      ['2027-01', 'awaiting-approval'],
      ['2027-02', 'draft'],
    ] as const) {
      const referral = await aReferralFor(t.deps, world, { acceptedOn: `${month}-05` });
      const lines = [{ referralId: referral.id, referralReference: referral.ubrn, activityDate: `${month}-10`, pricePence: 3500 }];
      await aStatement(t.deps, world, { month, status, lines });
    }
  }

  beforeAll(async () => {
    t = await createTestApp({ seed: 'region', clock: movableToday(TODAY) });
    const world = await aPricedBackPainOffer(t.deps, TODAY, 3500);
    await applicationsToAssess();
    await evidenceExpiring();
    await queriesRaisedAndAnswered(world);
    await statementsToApprove(world);
    await aProposalOfTheDemoIcb(t.deps, 'Community ear wax removal', 'submitted');
    await aProposalOfTheDemoIcb(t.deps, 'Community eye care', 'approved');
  });
  afterAll(async () => t?.close());

  const countsAndLists = async (email: string) => needsNowShown(await signedIn(email));

  it('links every count of every demo role to a list showing exactly that many items', async () => {
    for (const user of DEMO_USERS) {
      const counts = await countsAndLists(user.email);
      expect(counts.length, user.email).toBeGreaterThan(0);
      for (const { href, count, shown } of counts)
        expect({ user: user.email, href, count }).toEqual({ user: user.email, href, count: shown });
    }
  });

  it('counts applications awaiting assessment for the assessor', async () => {
    expect(await countsAndLists('assessor@aqp.example')).toContainEqual(
      expect.objectContaining({ count: 2, text: 'applications awaiting assessment', href: '/assessment' }),
    );
  });

  it('counts statements to approve and answered queries awaiting a decision for the commissioner’s finance team', async () => {
    const counts = await countsAndLists('finance.approver@aqp.example');
    expect(counts.map(({ count, text, href }) => ({ count, text, href })).slice(0, 2)).toEqual([
      { count: 2, text: 'statements to approve', href: '/payments/statements?status=awaiting-approval' },
      { count: 1, text: 'query answered by the provider, waiting for your decision', href: '/payments/queries?state=answered' },
    ]);
  });

  it('counts queries awaiting the provider’s answer for both provider roles, and expiring evidence for the administrator', async () => {
    const admin = await countsAndLists('provider.admin@aqp.example');
    expect(admin).toContainEqual(
      expect.objectContaining({
        count: 2,
        text: 'queries on activity lines waiting for your answer',
        href: '/payments/queries?state=raised',
      }),
    );
    expect(admin).toContainEqual(
      expect.objectContaining({
        count: 2,
        text: 'items of assurance evidence expired or expiring within 30 days',
        href: '/provider/assurance',
      }),
    );
    const clinician = await countsAndLists('clinician@aqp.example');
    expect(clinician.find((need) => need.href === '/payments/queries?state=raised')?.count).toBe(2);
    expect(clinician.find((need) => need.href === '/provider/assurance')).toBeUndefined();
  });

  it('counts local service proposals awaiting the region’s assessment', async () => {
    expect(await countsAndLists('regional.reviewer@aqp.example')).toContainEqual(
      expect.objectContaining({
        count: 1,
        text: 'local service proposal awaiting your assessment',
        href: '/proposals/review?status=submitted',
      }),
    );
  });
});
