/**
 * A month big enough for a month close to take a noticeable time, for killing it: tens of thousands of accepted lines
 * from two providers inserted in bulk, late lines, reversals, a returned referral, an open query, and an approved
 * statement for the month before that no run may touch.
 */
import { sql } from 'kysely';
import type { Deps } from '../../src/domains/deps.ts';
import { seedNationalCatalogue } from '../../src/domains/catalogue/catalogue.seed.ts';
import { seedDemoRegion } from '../../src/demo/region.demo-seed.ts';
import { aPricedBackPainOffer, aReferralFor, type ActivityWorld } from './activity-rows.ts';
import { aListingIn } from './referral-rows.ts';

/** The month closed, the day the command line believes it is, and the approved month before it. */
export const KILL_MONTH = '2027-01';
export const KILL_TODAY = '2027-02-10';
export const APPROVED_MONTH = '2026-12';
const SESSION_PENCE = 3500;
const REFERRALS_PER_PROVIDER = 60;

/** One provider's lines: `count` sessions over January (every 50th dated in December, a late line), spread over its referrals. */
async function bulkLines(deps: Deps, world: ActivityWorld, prefix: string, count: number): Promise<void> {
  const referrals: string[] = [];
  for (let index = 0; index < REFERRALS_PER_PROVIDER; index += 1)
    referrals.push((await aReferralFor(deps, world, { acceptedOn: '2026-11-02' })).id);
  const submission = await aSubmission(deps, world.providerId, count);
  await sql`
    INSERT INTO activity_lines (provider_organisation_id, provider_line_id, referral_id, referral_reference, offer_id,
      commissioner_organisation_id, currency_code, complexity_band, activity_date, attendance_code, kind, source, submission_id,
      received_at, status, price_pence)
    SELECT ${world.providerId}, ${prefix} || '-' || lpad(n::text, 6, '0'), r.id, r.ubrn, ${world.offerId}, ${world.commissionerId},
      'session', 'STANDARD',
      CASE WHEN n % 50 = 0 THEN '2026-12-' || lpad((1 + n % 28)::text, 2, '0') ELSE '2027-01-' || lpad((1 + n % 31)::text, 2, '0') END,
      '5', 'original', 'api', ${submission.id}, '2027-02-01T09:00:00Z', 'accepted', ${SESSION_PENCE}
    FROM generate_series(1, ${count}) AS n
    JOIN referrals AS r ON r.id = (${sql.val(referrals)}::uuid[])[1 + n % ${referrals.length}]`.execute(deps.db);
}

/** An API submission of `count` lines, all accepted. */
async function aSubmission(deps: Deps, providerId: string, count: number) {
  return deps.db
    .insertInto('activity_submissions')
    .values({
      provider_organisation_id: providerId,
      source: 'api',
      line_count: count,
      accepted_count: count,
      refused_count: 0,
      already_received_count: 0,
      received_at: new Date('2027-02-01T09:00:00Z'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** A few single lines of the world's provider on one referral: originals, or reversals naming the line they reverse. */
async function someLines(deps: Deps, world: ActivityWorld, referral: { id: string; ubrn: string }, lines: [string, string, string?][]) {
  const submission = await aSubmission(deps, world.providerId, lines.length);
  return deps.db
    .insertInto('activity_lines')
    .values(
      lines.map(([lineId, activityDate, reverses]) => ({
        provider_organisation_id: world.providerId,
        provider_line_id: lineId,
        referral_id: referral.id,
        referral_reference: referral.ubrn,
        offer_id: world.offerId,
        commissioner_organisation_id: world.commissionerId,
        currency_code: 'session',
        complexity_band: 'STANDARD',
        activity_date: activityDate,
        attendance_code: '5',
        kind: reverses ? 'reversal' : 'original',
        reverses_line_id: reverses ?? null,
        source: 'api',
        submission_id: submission.id,
        received_at: new Date('2027-02-01T09:00:00Z'),
        status: 'accepted',
        price_pence: reverses ? -SESSION_PENCE : SESSION_PENCE,
      })),
    )
    .returning(['id', 'provider_line_id'])
    .execute();
}

/** The approved December statement of the first provider: 20 lines, prepared and approved by the two demo finance users. */
async function anApprovedStatement(deps: Deps, world: ActivityWorld): Promise<void> {
  const referral = await aReferralFor(deps, world, { acceptedOn: '2026-11-02' });
  const days = Array.from({ length: 20 }, (_, index) => `2026-12-${String(index + 1).padStart(2, '0')}`);
  const lines = await someLines(
    deps,
    world,
    referral,
    days.map((day, index) => [`DEC-${index + 1}`, day]),
  );
  const finance = await deps.db.selectFrom('users').select(['id', 'email']).where('email', 'like', 'finance%@aqp.example').execute();
  const user = (email: string) => finance.find((row) => row.email === email)!.id;
  const statement = await deps.db
    .insertInto('statements')
    .values({
      reference: `AQP-${APPROVED_MONTH}-DEMO1-02T`,
      provider_organisation_id: world.providerId,
      commissioner_organisation_id: world.commissionerId,
      month: APPROVED_MONTH,
      status: 'approved',
      built_at: new Date('2027-01-02T06:00:00Z'),
      prepared_by_user_id: user('finance@aqp.example'),
      prepared_at: new Date('2027-01-05T10:00:00Z'),
      approved_by_user_id: user('finance.approver@aqp.example'),
      approved_at: new Date('2027-01-06T15:00:00Z'),
      payment_due_on: '2027-02-05',
      payable_pence: SESSION_PENCE * lines.length,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await deps.db
    .insertInto('statement_lines')
    .values(
      lines.map((line) => ({
        statement_id: statement.id,
        line_id: line.id,
        entry: 'charge',
        placement: 'in-month',
        currency_code: 'session',
        complexity_band: 'STANDARD',
        price_pence: SESSION_PENCE,
        payment: 'payable',
      })),
    )
    .execute();
}

/**
 * Builds the month: `linesPerProvider` bulk lines for each of DEMO1 and DEMO2 on Calderdale's priced back pain offer, the
 * approved December statement, reversals of five of its lines and of one January line, eight lines on a referral since
 * returned as outside the criteria, and an open query on one line.
 */
export async function aMonthToClose(deps: Deps, linesPerProvider: number): Promise<void> {
  await seedNationalCatalogue(deps);
  await seedDemoRegion(deps);
  const first = await aPricedBackPainOffer(deps, '2026-11-01', SESSION_PENCE);
  const second = { ...first, ...(await aListingIn(deps, first.offerId, 'DEMO2', 'live', '2026-11-01')) };
  await bulkLines(deps, first, 'A', linesPerProvider);
  await bulkLines(deps, second, 'B', linesPerProvider);
  await anApprovedStatement(deps, first);
  const corrections = await aReferralFor(deps, first, { acceptedOn: '2026-11-02' });
  const reversed = [1, 2, 3, 4, 5].map((n): [string, string, string] => [`REV-DEC-${n}`, '2027-01-20', `DEC-${n}`]);
  await someLines(deps, first, corrections, [...reversed, ['REV-A-7', '2027-01-25', 'A-000007']]);
  const returned = await aReferralFor(deps, first, { acceptedOn: '2026-11-02' });
  const outside = Array.from({ length: 8 }, (_, index): [string, string] => [`OUT-${index + 1}`, `2027-01-${10 + index}`]);
  await someLines(deps, first, returned, outside);
  await deps.db
    .updateTable('referrals')
    .set({ status: 'returned', return_reason_code: 'OUTSIDE_CRITERIA' })
    .where('id', '=', returned.id)
    .execute();
  const queried = await deps.db
    .selectFrom('activity_lines')
    .select('id')
    .where('provider_line_id', '=', 'A-000011')
    .executeTakeFirstOrThrow();
  await anOpenQuery(deps, first, queried.id);
}

/** An open query, raised on 3 February and not yet answered, so its line is held. */
async function anOpenQuery(deps: Deps, world: ActivityWorld, lineId: string): Promise<void> {
  await deps.db
    .insertInto('line_queries')
    .values({
      line_id: lineId,
      provider_organisation_id: world.providerId,
      commissioner_organisation_id: world.commissionerId,
      reason_code: 'activity-not-evidenced',
      periods: JSON.stringify({}),
      line_accepted_on: '2027-02-01',
      raised_on: '2027-02-03',
      raised_at: new Date('2027-02-03T10:00:00Z'),
    })
    .execute();
}
