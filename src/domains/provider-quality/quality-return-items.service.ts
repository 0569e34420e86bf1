/** The items an offer's quarterly quality returns ask for (decision 0055), set by the commissioner that leads the offer. */
import { DomainError, validationFailed } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext, Principal } from '../identity/principal.ts';
import { offerAsSeenBy, type OfferRecord } from '../offers/offer-view.service.ts';
import { type ReturnItem, returnItemErrors, returnItemsOf } from './quality-return-items.rules.ts';
import { offerLeadOf, setOfferReturnItems, storedReturnItemsOf } from './quality-return.repo.ts';

export interface OfferReturnItems {
  offer: OfferRecord;
  items: readonly ReturnItem[];
  /** Whether the offer set its own items (false: the default set). */
  own: boolean;
}

/** The items the offer's quarterly returns ask, for anyone who may see the offer (providers read what they will be asked). */
export async function offerReturnItems(deps: Deps, principal: Principal | null, offerId: string): Promise<OfferReturnItems> {
  const offer = await offerAsSeenBy(deps, principal, offerId);
  const stored = await storedReturnItemsOf(deps.db, offer.id);
  return { offer, items: returnItemsOf(stored), own: Array.isArray(stored) && stored.length > 0 };
}

/** Sets the offer's own items (null goes back to the default set); returns already submitted keep the items they answered. */
export async function setQualityReturnItems(
  deps: Deps,
  context: ActionContext,
  offerId: string,
  items: ReturnItem[] | null,
): Promise<void> {
  const principal = context.principal;
  const lead = /^[0-9a-f-]{36}$/i.test(offerId) ? await offerLeadOf(deps.db, offerId) : undefined;
  if (!lead || principal?.role !== 'commissioner' || principal.organisationId !== lead)
    throw new DomainError('not-found', 'There is no such offer');
  const cleaned = items?.map((item) => ({
    code: item.code,
    label: item.label.trim(),
    kind: item.kind,
    ...(item.hint?.trim() ? { hint: item.hint.trim() } : {}),
  }));
  const errors = cleaned ? returnItemErrors(cleaned) : [];
  if (errors.length) throw validationFailed(errors);
  await deps.db.transaction().execute(async (trx) => {
    await setOfferReturnItems(trx, offerId, cleaned ?? null);
    await recordAudit(trx, context, {
      action: 'offer.quality-return-items',
      entityType: 'offer',
      entityId: offerId,
      details: { items: cleaned ?? 'default' },
    });
  });
}
