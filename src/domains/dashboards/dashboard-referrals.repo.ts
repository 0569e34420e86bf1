/** The referrals behind the dashboards (decision 0058): counts by month of sending, provider and service, and each referral's first attended appointment. */
import { type ExpressionBuilder, sql } from 'kysely';
import type { Executor } from '../../db/executor.ts';
import type { Database } from '../../db/schema.ts';
import { londonDateOf, startOfLondonDay } from '../../lib/clock.ts';
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

/** The first attended appointment's time: the appointment's when booked ahead, else when it was recorded. */
const FIRST_SEEN = sql<Date | string>`min(coalesce(c.scheduled_for, c.recorded_at))`;
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

/** Referrals with an attended appointment or session in the period: only these can have been first seen in it. */
function attendedBetween(eb: Referrals, from: Date, to: Date) {
  return eb(
    'r.id',
    'in',
    eb
      .selectFrom('referral_contacts as a')
      .select('a.referral_id')
      .where('a.attendance', '=', 'attended')
      .where(sql<Date>`coalesce(a.scheduled_for, a.recorded_at)`, '>=', from)
      .where(sql<Date>`coalesce(a.scheduled_for, a.recorded_at)`, '<', to),
  );
}

/**
 * Each referral in scope first seen (its first attended appointment or session) in the period, with the day it was sent.
 * Only referrals attended in the period are grouped (a referral first seen in it was attended in it), not every referral in scope.
 */
export async function firstAppointments(db: Executor, scope: DashboardScope, range: DashboardRange): Promise<FirstAppointment[]> {
  const from = startOfLondonDay(range.fromDate);
  const to = startOfLondonDay(addDays(range.toDate, 1));
  const rows = await db
    .selectFrom('referrals as r')
    .innerJoin('referral_contacts as c', 'c.referral_id', 'r.id')
    .innerJoin('offers as f', 'f.id', 'r.offer_id')
    .innerJoin('services as s', 's.id', 'f.service_id')
    .innerJoin('organisations as p', 'p.id', 'r.provider_organisation_id')
    .select(['p.id as providerId', 'p.name as providerName', 'r.sent_at'])
    .select(FIRST_SEEN.as('first_seen'))
    .where((eb) => inScope(eb, scope))
    .where('r.sent_at', 'is not', null)
    .where('c.attendance', '=', 'attended')
    .where((eb) => attendedBetween(eb, from, to))
    .$if(range.serviceCode !== null, (query) => query.where('s.code', '=', range.serviceCode!))
    .groupBy(['r.id', 'p.id', 'p.name', 'r.sent_at'])
    .having(FIRST_SEEN, '>=', from)
    .having(FIRST_SEEN, '<', to)
    .execute();
  return rows.map((row) => ({
    providerId: row.providerId,
    providerName: row.providerName,
    sentOn: londonDateOf(row.sent_at!),
    seenOn: londonDateOf(new Date(row.first_seen as Date | string)),
  }));
}
