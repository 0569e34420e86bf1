/** The referrals behind the dashboards (decision 0058): counts by month of sending, provider and service, and each referral's first attended appointment. */
import { type ExpressionBuilder, sql } from 'kysely';
import type { Executor } from '../../db/executor.ts';
import type { Database } from '../../db/schema.ts';
import { startOfLondonDay } from '../../lib/clock.ts';
import { addDays } from '../../lib/working-days.ts';
import type { DashboardScope } from './dashboard-scope.ts';

export interface DashboardRange {
  fromDate: string;
  toDate: string;
  serviceCode: string | null;
}

export interface MonthlyReferrals {
  month: string;
  providerId: string;
  providerName: string;
  serviceCode: string;
  serviceName: string;
  referrals: number;
}

export interface FirstAppointment {
  providerId: string;
  providerName: string;
  sentOn: string;
  seenOn: string;
}

type Referrals = ExpressionBuilder<Database & { r: Database['referrals'] }, 'r'>;

/** A commissioner's referrals include its places' (sub-ICB locations), as its spend does (decision 0044). */
function inScope(eb: Referrals, scope: DashboardScope) {
  if (scope.kind === 'provider') return eb('r.provider_organisation_id', '=', scope.providerId);
  if (scope.kind === 'national') return eb.lit(true);
  const places = eb
    .selectFrom('organisations')
    .select('id')
    .where((inner) => inner.or([inner('id', '=', scope.commissionerId), inner('parent_id', '=', scope.commissionerId)]));
  return eb('r.commissioner_organisation_id', 'in', places);
}

const LONDON_MONTH = sql<string>`to_char(r.sent_at AT TIME ZONE 'Europe/London', 'YYYY-MM')`;

/** Referrals sent to a provider in the period (days in England), counted by month, provider and service. */
export async function referralsByMonth(db: Executor, scope: DashboardScope, range: DashboardRange): Promise<MonthlyReferrals[]> {
  const rows = await db
    .selectFrom('referrals as r')
    .innerJoin('offers as f', 'f.id', 'r.offer_id')
    .innerJoin('services as s', 's.id', 'f.service_id')
    .innerJoin('organisations as p', 'p.id', 'r.provider_organisation_id')
    .select([LONDON_MONTH.as('month'), 'p.id as providerId', 'p.name as providerName', 's.code as serviceCode', 's.name as serviceName'])
    .select((eb) => eb.fn.countAll<string>().as('referrals'))
    .where((eb) => inScope(eb, scope))
    .where('r.sent_at', '>=', startOfLondonDay(range.fromDate))
    .where('r.sent_at', '<', startOfLondonDay(addDays(range.toDate, 1)))
    .$if(range.serviceCode !== null, (query) => query.where('s.code', '=', range.serviceCode!))
    .groupBy([LONDON_MONTH, 'p.id', 'p.name', 's.code', 's.name'])
    .orderBy('month')
    .orderBy('p.name')
    .execute();
  return rows.map((row) => ({ ...row, referrals: Number(row.referrals) }));
}

/** When a contact was, for attended ones: the appointment's time when booked ahead, else when it was recorded. */
const contactAt = (alias: 'a' | 'b') => sql<Date>`coalesce(${sql.ref(`${alias}.scheduled_for`)}, ${sql.ref(`${alias}.recorded_at`)})`;

/**
 * Each referral first seen in the period, with when: its attended contacts in the period (found by migration 0032's index)
 * when it has none before the period. Their earliest is its first attended contact of all, as the whole history would give.
 */
function firstSeenBetween(db: Executor, from: Date, to: Date) {
  return db
    .selectFrom('referral_contacts as a')
    .select(['a.referral_id', sql<Date>`min(${contactAt('a')})`.as('first_seen')])
    .where('a.attendance', '=', 'attended')
    .where(contactAt('a'), '>=', from)
    .where(contactAt('a'), '<', to)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('referral_contacts as b')
            .select('b.referral_id')
            .whereRef('b.referral_id', '=', 'a.referral_id')
            .where('b.attendance', '=', 'attended')
            .where(contactAt('b'), '<', from),
        ),
      ),
    )
    .groupBy('a.referral_id');
}

/** The calendar date in England of an instant, worked out by the database so hundreds of rows cost no Date or Intl work here. */
const londonDate = (instant: ReturnType<typeof sql.ref>) => sql<string>`(${instant} AT TIME ZONE 'Europe/London')::date`;

/**
 * Each referral in scope first seen (its first attended appointment or session) in the period, with the day it was sent.
 * Only contacts in the period are grouped (decision 0077), and offers and services are read only when a service is chosen.
 */
export async function firstAppointments(db: Executor, scope: DashboardScope, range: DashboardRange): Promise<FirstAppointment[]> {
  const from = startOfLondonDay(range.fromDate);
  const to = startOfLondonDay(addDays(range.toDate, 1));
  return db
    .selectFrom(firstSeenBetween(db, from, to).as('seen'))
    .innerJoin('referrals as r', 'r.id', 'seen.referral_id')
    .innerJoin('organisations as p', 'p.id', 'r.provider_organisation_id')
    .select([
      'p.id as providerId',
      'p.name as providerName',
      londonDate(sql.ref('r.sent_at')).as('sentOn'),
      londonDate(sql.ref('seen.first_seen')).as('seenOn'),
    ])
    .where((eb) => inScope(eb, scope))
    .where('r.sent_at', 'is not', null)
    .$if(range.serviceCode !== null, (query) =>
      query.where('r.offer_id', 'in', (eb) =>
        eb
          .selectFrom('offers as f')
          .innerJoin('services as s', 's.id', 'f.service_id')
          .select('f.id')
          .where('s.code', '=', range.serviceCode!),
      ),
    )
    .execute();
}
