/** Shared steps of the offer edit pages: load the offer the commissioner may change, and re-render a form with its errors. */
import type { FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { mayManage } from '../../../domains/offers/offer-access.ts';
import { offerAsSeenBy, type OfferRecord } from '../../../domains/offers/offer-view.service.ts';
import { DomainError } from '../../../lib/errors.ts';

export const COMMISSIONER = { config: { roles: ['commissioner'] as const } };

/** The offer named in the path, when the signed-in commissioner leads it. */
export async function offerForEditing(deps: Deps, request: FastifyRequest): Promise<OfferRecord> {
  const offer = await offerAsSeenBy(deps, request.principal ?? null, (request.params as { id: string }).id);
  if (!mayManage(request.principal ?? null, offer))
    throw new DomainError('forbidden', `Only commissioners of ${offer.lead.name} can change this offer`);
  return offer;
}
