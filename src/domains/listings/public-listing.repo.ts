/**
 * The one rule for a listing the public and GPs see on a day (directory, FHIR HealthcareService, Open Referral UK): live,
 * on an offer in a public status, its contract not ended. Written once so the feeds cannot disagree on who is listed.
 * The query must name the listing `l` and its offer `o`.
 */
import { sql } from 'kysely';
import { PUBLIC_STATUSES } from '../offers/offer-status.rules.ts';

/** The condition on `l` (listings) and `o` (offers) for a listing shown publicly on `today`. */
export function publiclyListedOn(today: string) {
  const offerStatuses = sql.join(PUBLIC_STATUSES.map((status) => sql.lit(status)));
  return sql<boolean>`(l.status = 'live' and o.status in (${offerStatuses}) and (l.contract_end is null or l.contract_end >= ${today}))`;
}
