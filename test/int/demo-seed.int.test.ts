import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/demo.seed.ts';
import { REFERRAL_STATUSES } from '../../src/domains/referrals/referral-status.rules.ts';
import { DEMO_PATIENT_ACCESS } from '../../src/demo/referrals.demo-data.ts';
import { WebClient } from '../support/web-client.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

describe('the demo region as a newcomer sees it', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: 'full' });
  });
  afterAll(() => t.close());

  const counts = async () => {
    const tables = [
      'offers',
      'listings',
      'applications',
      'referrals',
      'referral_events',
      'referral_contacts',
      'assurance_evidence',
      'prioritisation_runs',
      'local_service_proposals',
      'audit_events',
    ] as const;
    return Object.fromEntries(
      await Promise.all(
        tables.map(async (table) => [
          table,
          Number(
            (
              await t.deps.db
                .selectFrom(table)
                .select((eb) => eb.fn.countAll().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          ),
        ]),
      ),
    );
  };

  it('has West Yorkshire offers for hearing (Calderdale from 50), back and neck pain and talking therapies, each with at least three live providers in the area', async () => {
    const offers = (await t.app.inject('/api/v1/offers?commissioner=QWO&status=open')).json().items as {
      id: string;
      service: { code: string };
      coverage: { odsCode: string }[];
      protocol: { content: { ageMin: number } };
    }[];
    expect(offers.map((offer) => offer.service.code).sort()).toEqual([
      'adult-hearing',
      'adult-hearing',
      'back-and-neck-pain',
      'psychological-therapies',
    ]);
    expect(
      offers.find((offer) => offer.coverage.some((c) => c.odsCode === '02T') && offer.service.code === 'adult-hearing')!.protocol.content
        .ageMin,
    ).toBe(50);
    for (const offer of offers) {
      const live = (await t.app.inject(`/api/v1/offers/${offer.id}/providers`)).json().items as { sites: { postcode: string }[] }[];
      expect(live.length, offer.service.code).toBeGreaterThanOrEqual(3);
      for (const site of live.flatMap((listing) => listing.sites)) expect(site.postcode).toMatch(/^(HX|HD|WF|OL14|BD)/);
    }
  });

  it('has an application in clarification, one refused for the price with its ground, and one suspended listing', async () => {
    const applications = await t.deps.db.selectFrom('applications').select(['status', 'refusal_ground', 'decision_reasons']).execute();
    expect(applications.filter((a) => a.status === 'clarification')).toHaveLength(1);
    expect(applications.find((a) => a.status === 'not-qualified')).toMatchObject({
      refusal_ground: 'rejects-price',
      decision_reasons: expect.any(String),
    });
    const suspended = await t.deps.db
      .selectFrom('listings')
      .innerJoin('listing_history as h', 'h.listing_id', 'listings.id')
      .select(['h.reason'])
      .where('listings.status', '=', 'suspended')
      .where('h.to_status', '=', 'suspended')
      .execute();
    expect(suspended).toHaveLength(1);
    expect(suspended[0]!.reason).toContain('serious incident');
  });

  it('has the 2011 prioritisation run approved and notified, and local proposals', async () => {
    const run = await t.deps.db.selectFrom('prioritisation_runs').select(['status']).executeTakeFirstOrThrow();
    expect(run.status).toBe('notified');
    expect(
      Number(
        (
          await t.deps.db
            .selectFrom('local_service_proposals')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBeGreaterThanOrEqual(2);
  });

  it('has referrals from the demo practice in every state, one overdue, on the practice’s and the provider’s worklists', async () => {
    const referrals = await t.deps.db.selectFrom('referrals').select(['status', 'accept_by', 'sessions_attended']).execute();
    expect(new Set(referrals.map((r) => r.status))).toEqual(new Set(REFERRAL_STATUSES));
    expect(referrals.find((r) => r.status === 'episode-closed')!.sessions_attended).toBe(8);
    expect(referrals.some((r) => r.status === 'sent' && r.accept_by! < t.deps.clock.today())).toBe(true);
    const gp = new WebClient(t.app);
    await gp.signIn('referrer@aqp.example');
    const worklist = (await gp.get('/worklists/referrer')).body;
    for (const why of [
      'Returned by the provider',
      'Not accepted by its deadline',
      'Waiting for the patient to choose',
      'Episode closed: the patient needs re-referral',
    ])
      expect(worklist).toContain(why);
    const clinician = new WebClient(t.app);
    await clinician.signIn('clinician@aqp.example');
    expect((await clinician.get('/worklists/provider')).body).toContain('Sent to the provider');
  });

  it('has six months of paid activity from recorded sessions, approved and awaiting statements, and refused lines with their reasons', async () => {
    const statements = await t.deps.db.selectFrom('statements').select(['month', 'status']).execute();
    expect(new Set(statements.map((statement) => statement.month)).size).toBeGreaterThanOrEqual(6);
    expect(statements.filter((statement) => statement.status === 'draft').length).toBeGreaterThan(0);
    expect(statements.some((statement) => statement.status === 'approved')).toBe(true);
    expect(statements.filter((statement) => statement.status === 'awaiting-approval')).toHaveLength(1);
    const lines = await t.deps.db.selectFrom('activity_lines').select(['status', 'source', 'rejection_reason']).execute();
    expect(lines.filter((line) => line.status === 'accepted' && line.source === 'platform').length).toBeGreaterThan(30);
    const reasons = new Set(lines.map((line) => line.rejection_reason).filter(Boolean));
    for (const reason of [
      'invalid-line',
      'duplicate',
      'reversal-not-matching',
      'unknown-referral',
      'outside-criteria',
      'referral-not-accepted',
    ])
      expect(reasons, reason).toContain(reason);
    for (const reason of ['currency-not-on-offer', 'unknown-complexity-band', 'in-the-future', 'before-acceptance', 'after-discharge'])
      expect(reasons, reason).toContain(reason);
    for (const reason of ['appointment-not-held', 'dna-not-payable', 'already-paid', 'over-session-cap'])
      expect(reasons, reason).toContain(reason);
  });

  it('has talking-therapies courses scored from caseness and mostly recovered, and hearing discharges with aids fitted, mostly two', async () => {
    const scored = await t.deps.db
      .selectFrom('referral_contacts as c')
      .innerJoin('referrals as r', 'r.id', 'c.referral_id')
      .select(['r.ubrn', 'c.attendance', 'c.phq9_score', 'c.gad7_score', 'c.scheduled_for'])
      .where('r.offer_id', 'in', (eb) =>
        eb
          .selectFrom('offers as o')
          .innerJoin('services as s', 's.id', 'o.service_id')
          .select('o.id')
          .where('s.code', '=', 'psychological-therapies'),
      )
      .where('c.attendance', '=', 'attended')
      .orderBy('c.scheduled_for')
      .execute();
    expect(scored.length).toBeGreaterThanOrEqual(11);
    expect(scored.every((session) => session.phq9_score !== null && session.gad7_score !== null)).toBe(true);
    const courses = new Map<string, typeof scored>();
    for (const session of scored) courses.set(session.ubrn, [...(courses.get(session.ubrn) ?? []), session]);
    const atCaseness = (s: { phq9_score: number | null; gad7_score: number | null }) => s.phq9_score! >= 10 || s.gad7_score! >= 8;
    expect([...courses.values()].every((course) => atCaseness(course[0]!))).toBe(true);
    expect([...courses.values()].filter((course) => course.length > 3 && !atCaseness(course.at(-1)!))).toHaveLength(2);

    const aids = await t.deps.db.selectFrom('referrals').select('aids_fitted').where('aids_fitted', 'is not', null).execute();
    const two = aids.filter((referral) => referral.aids_fitted === 2).length;
    expect(aids.length).toBeGreaterThanOrEqual(8);
    expect(two / aids.length).toBeGreaterThan(0.5);
  });

  it('lets a visitor open the published demo patient’s referral and see a choice list with a wait', async () => {
    const patient = new WebClient(t.app);
    const [year, month, day] = DEMO_PATIENT_ACCESS.dateOfBirth.split('-');
    const signedIn = await patient.submit('/referral-status', {
      reference: DEMO_PATIENT_ACCESS.ubrn,
      accessCode: DEMO_PATIENT_ACCESS.accessCode,
      'dateOfBirth-day': day!,
      'dateOfBirth-month': month!,
      'dateOfBirth-year': year!,
    });
    expect(signedIn.statusCode).toBe(303);
    const page = (await patient.get('/referral-status/referral')).body;
    expect(page).toContain('Waiting for the patient to choose a provider');
    expect(page).toContain('Pennine Hearing Care (demo)');
    expect(page).toMatch(/About \d+ working days? from referral to first appointment/);
  });

  it('changes nothing when seeded again', async () => {
    const before = await counts();
    await seedDemo(t.deps);
    const after = await counts();
    expect({ ...after, audit_events: 0 }).toEqual({ ...before, audit_events: 0 });
    expect(after.audit_events - before.audit_events).toBeLessThanOrEqual(1);
  });
});
