/** The full referral list of one organisation, open and closed (issue #12 item 10): a provider's referrals sent to it, or a practice's referrals made by it, filtered and paged. */
import { startOfLondonDay } from '../../lib/clock.ts';
import { addDays } from '../../lib/working-days.ts';
import type { Executor } from '../../db/executor.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext } from '../identity/principal.ts';
import type { ReferralListFilter } from './referral-list.rules.ts';
import type { ReferralStatus } from './referral-status.rules.ts';

/** Whose list: the provider the referrals were sent to, or the practice that made them. */
export interface ListScope {
  side: 'provider' | 'referrer';
  organisationId: string;
}

export interface ReferralListRow {
  ubrn: string;
  status: ReferralStatus;
  patientName: string;
  nhsNumber: string | null;
  serviceName: string;
  providerName: string | null;
  practiceName: string | null;
  referredOn: string;
  sentAt: Date | null;
  acceptBy: string | null;
  sessionsAttended: number;
}

/** The scope's referrals matching the filter; a provider's dates are when each was sent to it, a practice's when it made the referral. */
function filtered(db: Executor, scope: ListScope, filter: ReferralListFilter, today: string) {
  let query = db
    .selectFrom('referrals as r')
    .innerJoin('offers as o', 'o.id', 'r.offer_id')
    .innerJoin('services as s', 's.id', 'o.service_id')
    .innerJoin('patients as p', 'p.id', 'r.patient_id');
  query =
    scope.side === 'provider'
      ? query.where('r.provider_organisation_id', '=', scope.organisationId)
      : query.where('r.referrer_organisation_id', '=', scope.organisationId);
  if (filter.status) query = query.where('r.status', '=', filter.status);
  if (filter.overdue) query = query.where('r.accept_by', '<', today);
  if (filter.service) query = query.where('s.code', '=', filter.service);
  if (filter.ubrn) query = query.where('r.ubrn', '=', filter.ubrn);
  if (filter.nhsNumber) query = query.where('p.nhs_number', '=', filter.nhsNumber);
  if (scope.side === 'provider') {
    if (filter.sentFrom) query = query.where('r.sent_at', '>=', startOfLondonDay(filter.sentFrom));
    if (filter.sentTo) query = query.where('r.sent_at', '<', startOfLondonDay(addDays(filter.sentTo, 1)));
  } else {
    if (filter.sentFrom) query = query.where('r.referred_on', '>=', filter.sentFrom);
    if (filter.sentTo) query = query.where('r.referred_on', '<=', filter.sentTo);
  }
  return query;
}

/** The count query of the matching referrals; built apart so its plan can be checked. */
export function referralListCountQuery(db: Executor, scope: ListScope, filter: ReferralListFilter, today: string) {
  return filtered(db, scope, filter, today).select((eb) => eb.fn.countAll().as('n'));
}

/** How many of the scope's referrals match: the number a home-page count shows is this, for the filter its link carries. */
export async function countReferralList(db: Executor, scope: ListScope, filter: ReferralListFilter, today: string): Promise<number> {
  const { n } = await referralListCountQuery(db, scope, filter, today).executeTakeFirstOrThrow();
  return Number(n);
}

/** The query of one page of matching referrals, newest first (by the date the scope filters on); built apart so its plan can be checked. */
export function referralListPageQuery(
  db: Executor,
  scope: ListScope,
  filter: ReferralListFilter,
  today: string,
  page: { limit: number; offset: number },
) {
  return filtered(db, scope, filter, today)
    .leftJoin('organisations as po', 'po.id', 'r.provider_organisation_id')
    .leftJoin('organisations as gp', 'gp.id', 'r.referrer_organisation_id')
    .select([
      'r.ubrn',
      'r.status',
      'p.given_name',
      'p.family_name',
      'p.nhs_number',
      's.name as service_name',
      'po.name as provider_name',
      'gp.name as practice_name',
      'r.referred_on',
      'r.sent_at',
      'r.accept_by',
      'r.sessions_attended',
    ])
    .orderBy(scope.side === 'provider' ? 'r.sent_at' : 'r.referred_on', 'desc')
    .orderBy('r.ubrn', 'desc')
    .limit(page.limit)
    .offset(page.offset);
}

/** One page of the matching referrals. */
async function referralListRows(
  db: Executor,
  scope: ListScope,
  filter: ReferralListFilter,
  today: string,
  page: { limit: number; offset: number },
): Promise<ReferralListRow[]> {
  const rows = await referralListPageQuery(db, scope, filter, today, page).execute();
  return rows.map((row) => ({
    ubrn: row.ubrn,
    status: row.status as ReferralStatus,
    patientName: `${row.given_name} ${row.family_name}`,
    nhsNumber: row.nhs_number,
    serviceName: row.service_name,
    providerName: row.provider_name,
    practiceName: row.practice_name,
    referredOn: row.referred_on,
    sentAt: row.sent_at,
    acceptBy: row.accept_by,
    sessionsAttended: row.sessions_attended,
  }));
}

/** One page of the matching referrals for someone to see, audited with the filter and every reference shown, so no caller can forget the audit. */
export async function referralListPageSeen(
  db: Executor,
  context: ActionContext,
  list: { scope: ListScope; filter: ReferralListFilter; today: string; total: number },
  page: { limit: number; offset: number },
): Promise<ReferralListRow[]> {
  const rows = await referralListRows(db, list.scope, list.filter, list.today, page);
  await recordAudit(db, context, {
    action: 'referral.list-view',
    entityType: 'referral',
    details: { side: list.scope.side, filter: list.filter, offset: page.offset, total: list.total, ubrns: rows.map((row) => row.ubrn) },
  });
  return rows;
}

/** Up to `limit` matching referrals for a download, audited with the filter and every reference it holds. */
export async function referralListDownloadSeen(
  db: Executor,
  context: ActionContext,
  list: { scope: ListScope; filter: ReferralListFilter; today: string; total: number },
  limit: number,
): Promise<ReferralListRow[]> {
  const rows = await referralListRows(db, list.scope, list.filter, list.today, { limit, offset: 0 });
  await recordAudit(db, context, {
    action: 'referral.list-download',
    entityType: 'referral',
    details: { side: list.scope.side, filter: list.filter, total: list.total, ubrns: rows.map((row) => row.ubrn) },
  });
  return rows;
}

/** Services anything was ever offered for, by name: the choices of the list's service filter. */
export async function servicesOffered(db: Executor): Promise<{ code: string; name: string }[]> {
  return db
    .selectFrom('services as s')
    .select(['s.code', 's.name'])
    .where((eb) => eb.exists(eb.selectFrom('offers as o').select('o.id').whereRef('o.service_id', '=', 's.id')))
    .orderBy('s.name')
    .execute();
}
