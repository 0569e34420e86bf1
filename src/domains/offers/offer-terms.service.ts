/** The terms of an offer that live on after publication: referral protocol versions, yearly price schedules and the status lifecycle. */
import { DomainError, validationFailed } from '../../lib/errors.ts';
import { validateProtocol } from '../catalogue/referral-protocol.rules.ts';
import type { Deps } from '../deps.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext } from '../identity/principal.ts';
import { actingApiKeyId, actingUserId, offerToChange } from './offer-access.ts';
import { assertTransition, missingBeforePublishing, type OfferStatus } from './offer-status.rules.ts';
import {
  deleteSchedules,
  insertProtocolVersion,
  insertSchedule,
  insertStatusChange,
  priceSchedulesOf,
  protocolVersionsOf,
  updateOfferStatus,
} from './offer-terms.repo.ts';
import { checkNewSchedule, type PriceSchedule, scheduleOn, storableSchedule } from './price-schedule.rules.ts';
import { currenciesOf } from '../catalogue/pack-currencies.rules.ts';

/** Saves a new version of the offer's referral protocol; an invalid protocol is refused with field errors and nothing is saved. */
export async function saveOfferProtocol(deps: Deps, context: ActionContext, id: string, content: unknown): Promise<{ version: number }> {
  const protocol = validateProtocol(content);
  return deps.db.transaction().execute(async (trx) => {
    const offer = await offerToChange(trx, context, id);
    if (offer.status === 'withdrawn') throw new DomainError('invalid-transition', 'A withdrawn offer’s protocol cannot change');
    const [latest] = await protocolVersionsOf(trx, id);
    const version = (latest?.version ?? 0) + 1;
    await insertProtocolVersion(trx, id, version, protocol, actingUserId(context));
    await recordAudit(trx, context, { action: 'offer.protocol', entityType: 'offer', entityId: id, details: { version } });
    return { version };
  });
}

/** Adds a price schedule (a draft's replaces its only one); published offers change price at most once a financial year. Only the schedule's own fields are kept, and prices without a currency are the pack's first currency's. */
export async function setPriceSchedule(deps: Deps, context: ActionContext, id: string, input: PriceSchedule): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const offer = await offerToChange(trx, context, id);
    const currencies = currenciesOf(offer.pack.content);
    const schedule = storableSchedule(input, currencies[0]!.code);
    const existing = await priceSchedulesOf(trx, id);
    const bands = offer.pack.content.complexityBands.map((band) => band.code);
    checkNewSchedule(existing, schedule, { status: offer.status, today: deps.clock.today(), bands, currencies });
    if (offer.status === 'draft') await deleteSchedules(trx, id);
    await insertSchedule(trx, id, schedule, actingUserId(context));
    await recordAudit(trx, context, { action: 'offer.prices', entityType: 'offer', entityId: id, details: { ...schedule } });
  });
}

/** Moves an offer along its lifecycle, recording who, when and why; publishing needs a complete offer. */
export async function changeOfferStatus(deps: Deps, context: ActionContext, id: string, to: OfferStatus, reason: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const offer = await offerToChange(trx, context, id);
    assertTransition(offer.status, to);
    if (to === 'withdrawn' && !reason.trim())
      throw validationFailed([{ field: 'reason', message: 'Say why the offer is being withdrawn' }]);
    if (reason.length > 1000) throw validationFailed([{ field: 'reason', message: 'The reason must be 1,000 characters or fewer' }]);
    if (to === 'published') {
      const schedules = await priceSchedulesOf(trx, id);
      const missing = missingBeforePublishing({
        hasContractTerm: Boolean(offer.contractStart && offer.contractEnd),
        hasWindow: Boolean(offer.windowOpens),
        hasCoverage: offer.coverage.length > 0,
        pricedForContractStart: Boolean(offer.contractStart && scheduleOn(schedules, offer.contractStart)),
      });
      if (missing.length)
        throw new DomainError('invalid-transition', `The offer is not ready to publish: ${missing.join('; ')}`, { missing });
    }
    if (to === 'open' && offer.windowOpens && offer.windowOpens > deps.clock.today()) {
      throw new DomainError(
        'invalid-transition',
        `The qualification window opens on ${offer.windowOpens}; the offer can open for applications from then`,
      );
    }
    if (to === 'open' && offer.windowCloses && offer.windowCloses < deps.clock.today()) {
      throw new DomainError(
        'invalid-transition',
        `The qualification window closed on ${offer.windowCloses}; change to a rolling window or open a new offer`,
      );
    }
    await updateOfferStatus(trx, id, to, deps.clock.now());
    await insertStatusChange(trx, {
      offerId: id,
      fromStatus: offer.status,
      toStatus: to,
      reason: reason.trim(),
      at: deps.clock.now(),
      actor: { userId: actingUserId(context), apiKeyId: actingApiKeyId(context) },
    });
    await recordAudit(trx, context, {
      action: `offer.${to}`,
      entityType: 'offer',
      entityId: id,
      details: { from: offer.status, reason: reason.trim() },
    });
  });
}
