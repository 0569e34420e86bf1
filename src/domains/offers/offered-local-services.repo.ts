/** Which local services an offer has made public: a local service is shown to everyone only once some offer for it is (decision 0028). */
import { sql } from 'kysely';
import type { Executor } from '../../db/executor.ts';
import { type ServiceRecord, servicesQuery, toService } from '../catalogue/catalogue.repo.ts';
import { PUBLIC_STATUSES } from './offer-status.rules.ts';

/** Local services with at least one public offer: only these are shown to the public beside the national list. */
export async function localServicesOffered(db: Executor): Promise<ServiceRecord[]> {
  const rows = await servicesQuery(db)
    .where('s.local_proposal_id', 'is not', null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('offers as o')
          .select(sql`1`.as('one'))
          .whereRef('o.service_id', '=', 's.id')
          .where('o.status', 'in', [...PUBLIC_STATUSES]),
      ),
    )
    .orderBy('s.name')
    .execute();
  return rows.map(toService);
}

/** True when some offer for the service is public, the moment a local service becomes visible to everyone. */
export async function hasPublicOffer(db: Executor, serviceId: string): Promise<boolean> {
  return Boolean(
    await db
      .selectFrom('offers')
      .select('id')
      .where('service_id', '=', serviceId)
      .where('status', 'in', [...PUBLIC_STATUSES])
      .executeTakeFirst(),
  );
}
