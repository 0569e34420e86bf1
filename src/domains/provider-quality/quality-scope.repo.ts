/** Whose quality records a reader sees: a provider its own, a commissioner those on the offers it leads or covers. */
import type { Executor } from '../../db/executor.ts';

/** One provider's own records, or every provider's on a commissioner's offers. */
export type QualityScope = { providerId: string } | { commissionerId: string };

/** The offers a commissioner leads or covers, as a subquery for `where(offer_id, 'in', …)`. */
export function commissionerOffers(db: Executor, commissionerId: string) {
  return db
    .selectFrom('offers as so')
    .select('so.id')
    .where((eb) =>
      eb.or([
        eb('so.lead_organisation_id', '=', commissionerId),
        eb.exists(
          eb
            .selectFrom('offer_commissioners as sc')
            .select('sc.offer_id')
            .whereRef('sc.offer_id', '=', 'so.id')
            .where('sc.organisation_id', '=', commissionerId),
        ),
      ]),
    );
}
