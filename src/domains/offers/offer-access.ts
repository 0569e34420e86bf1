/** Who may see and change an offer: anyone sees a public offer; only the lead commissioner sees its drafts and changes it. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { DomainError } from '../../lib/errors.ts';
import type { Executor } from '../../db/executor.ts';
import type { ActionContext, Principal } from '../identity/principal.ts';
import { findOffer, type OfferRecord } from './offer.repo.ts';
import { PUBLIC_STATUSES } from './offer-status.rules.ts';

/** The people and keys allowed to change offers: commissioners of the leading organisation. */
export function mayManage(principal: Principal | null, offer: Pick<OfferRecord, 'lead'>): boolean {
  return principal?.role === 'commissioner' && principal.organisationId === offer.lead.id;
}

/** An offer as this principal may see it; drafts of other organisations do not exist for them. */
export async function visibleOffer(db: Kysely<Database>, principal: Principal | null, id: string): Promise<OfferRecord> {
  const offer = await findOffer(db, id);
  if (!offer || (!PUBLIC_STATUSES.includes(offer.status) && !mayManage(principal, offer))) {
    throw new DomainError('not-found', 'There is no such offer');
  }
  return offer;
}

/** The offer locked for a change by its lead commissioner; anyone else is refused. */
export async function offerToChange(trx: Executor, context: ActionContext, id: string): Promise<OfferRecord> {
  const offer = await findOffer(trx, id, { forUpdate: true });
  if (!offer || (!mayManage(context.principal, offer) && !PUBLIC_STATUSES.includes(offer.status)))
    throw new DomainError('not-found', 'There is no such offer');
  if (!mayManage(context.principal, offer))
    throw new DomainError('forbidden', `Only commissioners of ${offer.lead.name} can change this offer`);
  return offer;
}

/** The acting user, when a person (not an API key) acts. */
export function actingUserId(context: ActionContext): string | null {
  return context.principal?.kind === 'user' ? context.principal.userId : null;
}

/** The acting API key, when a system acts. */
export function actingApiKeyId(context: ActionContext): string | null {
  return context.principal?.kind === 'api-key' ? context.principal.apiKeyId : null;
}
