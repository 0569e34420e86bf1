/** Who may read a catalogue entry: the national list is open data; a local service only once an offer for it is public (docs/decisions/0028-local-service-offers.md). */
import { findServiceByCode, type ServiceRecord } from '../catalogue/catalogue.repo.ts';
import type { Principal } from '../identity/principal.ts';
import type { Deps } from '../deps.ts';
import { hasPublicOffer } from './offered-local-services.repo.ts';

/** Before any offer is public only the owning commissioner's people and national administrators may see a local service, since it is still their work in progress. */
export function maySeeUnofferedLocalService(principal: Principal | null, service: ServiceRecord): boolean {
  if (!principal || !service.local) return false;
  return principal.organisationId === service.local.owner.id || principal.role === 'national-admin';
}

/** The service with this code as this reader may see it: undefined (not found) for a local service nobody offers yet, unless the reader may see it. */
export async function findVisibleService(deps: Deps, principal: Principal | null, code: string): Promise<ServiceRecord | undefined> {
  const service = await findServiceByCode(deps.db, code);
  if (!service?.local || maySeeUnofferedLocalService(principal, service)) return service;
  return (await hasPublicOffer(deps.db, service.id)) ? service : undefined;
}
