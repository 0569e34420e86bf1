/** The commissioner's services the public and GPs can be offered: what the choice read model warms up. */
import type { Executor } from '../../db/executor.ts';
import { PUBLIC_STATUSES } from '../offers/offer-status.rules.ts';
import type { CommissionedService } from './provider-standing.ts';

/** Every public offer with each commissioner it covers, oldest offer first (the order choice lists and the directory read them in). */
export async function publicCommissionedServices(db: Executor): Promise<CommissionedService[]> {
  const rows = await db
    .selectFrom('offers as o')
    .innerJoin('offer_commissioners as c', 'c.offer_id', 'o.id')
    .innerJoin('services as s', 's.id', 'o.service_id')
    .select(['c.organisation_id', 's.code', 'o.id'])
    .where('o.status', 'in', [...PUBLIC_STATUSES])
    .orderBy('o.number')
    .orderBy('c.organisation_id')
    .execute();
  return rows.map((row) => ({ commissionerId: row.organisation_id, serviceCode: row.code, preferredOfferId: row.id }));
}
