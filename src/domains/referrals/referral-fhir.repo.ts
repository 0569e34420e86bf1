/** FHIR reads of referrals and their appointments for the referring practice or the chosen provider (the referral pages' rule), each audited in the caller's transaction. */
import type { Executor } from '../../db/executor.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext, Principal } from '../identity/principal.ts';
import { referralRecordOf, selectReferrals } from './referral-select.repo.ts';
import type { ReferralStatus } from './referral-status.rules.ts';
import type { ReferralRecord } from './referral.repo.ts';

/** An organisation named in a search: by our id (`Organization/<id>`) or by ODS code (`<ods system>|<code>`). */
export type OrganisationCriterion = { id: string } | { odsCode: string };

export interface ReferralSearch {
  ubrn?: string;
  statuses?: ReferralStatus[];
  performer?: OrganisationCriterion;
  requester?: OrganisationCriterion;
  patientId?: string;
  offset: number;
  count: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Referrals the principal is on a side of: the practice that made them, or the provider they were sent to (sideOf in referral-access.rules.ts). */
export function visibleReferrals(db: Executor, principal: Principal | null) {
  const query = selectReferrals(db);
  if (principal?.role === 'referrer') return query.where('r.referrer_organisation_id', '=', principal.organisationId);
  if (principal?.role === 'provider-admin' || principal?.role === 'provider-clinician')
    return query.where('r.provider_organisation_id', '=', principal.organisationId);
  return query.where(({ lit }) => lit(false));
}

/** The referrals a search finds among those the principal may see; unaudited, so only repository functions that audit use it. */
export function matching(db: Executor, principal: Principal | null, search: Omit<ReferralSearch, 'offset' | 'count'>) {
  let query = visibleReferrals(db, principal);
  if (search.ubrn !== undefined) query = query.where('r.ubrn', '=', search.ubrn);
  if (search.statuses)
    query = search.statuses.length ? query.where('r.status', 'in', search.statuses) : query.where(({ lit }) => lit(false));
  if (search.patientId !== undefined)
    query = UUID.test(search.patientId) ? query.where('p.id', '=', search.patientId) : query.where(({ lit }) => lit(false));
  for (const [criterion, idColumn, odsColumn] of [
    [search.performer, 'r.provider_organisation_id', 'po.ods_code'],
    [search.requester, 'r.referrer_organisation_id', 'ro.ods_code'],
  ] as const) {
    if (!criterion) continue;
    if ('odsCode' in criterion) query = query.where(odsColumn, '=', criterion.odsCode);
    else query = UUID.test(criterion.id) ? query.where(idColumn, '=', criterion.id) : query.where(({ lit }) => lit(false));
  }
  return query;
}

/** One referral by id if the principal is on a side of it, audited as seen (`referral.view`, page fhir) or as refused. */
export async function referralByIdSeenBy(trx: Executor, context: ActionContext, id: string): Promise<ReferralRecord | undefined> {
  const row = UUID.test(id) ? await visibleReferrals(trx, context.principal).where('r.id', '=', id).executeTakeFirst() : undefined;
  const referral = row && referralRecordOf(row);
  await recordAudit(trx, context, {
    action: 'referral.view',
    entityType: 'referral',
    ...(referral ? { entityId: referral.id } : { outcome: 'denied' as const }),
    details: { page: 'fhir', ...(referral ? { ubrn: referral.ubrn } : { id: id.slice(0, 40) }) },
  });
  return referral;
}

/** One page of the referrals a search finds among those the principal may see, with the total; audited with every reference returned. */
export async function referralsFoundBy(
  trx: Executor,
  context: ActionContext,
  search: ReferralSearch,
): Promise<{ total: number; referrals: ReferralRecord[] }> {
  const counted = await matching(trx, context.principal, search)
    .clearSelect()
    .select(({ fn }) => fn.countAll<string>().as('total'))
    .executeTakeFirstOrThrow();
  const rows = await matching(trx, context.principal, search)
    .orderBy('r.referred_on', 'desc')
    .orderBy('r.ubrn')
    .offset(search.offset)
    .limit(search.count)
    .execute();
  const referrals = rows.map(referralRecordOf);
  const { offset, count: _count, ...criteria } = search;
  await recordAudit(trx, context, {
    action: 'referral.fhir-search',
    entityType: 'referral',
    details: { criteria, offset, total: Number(counted.total), ubrns: referrals.map((referral) => referral.ubrn) },
  });
  return { total: Number(counted.total), referrals };
}
