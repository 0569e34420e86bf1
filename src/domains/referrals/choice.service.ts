/** The patient's choice (PRODUCT.md §3.5): one entry of the latest list offered sends the referral to that provider, with the date it must be accepted by. */
import { DomainError, validationFailed } from '../../lib/errors.ts';
import type { ReferralProtocol } from '../catalogue/referral-protocol.schema.ts';
import type { Deps } from '../deps.ts';
import type { Executor } from '../../db/executor.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext } from '../identity/principal.ts';
import { listingAtOpenSiteForShare } from '../listings/listing-sites.repo.ts';
import { actingApiKeyId, actingUserId } from '../offers/offer-access.ts';
import { protocolVersionOf } from '../offers/offer-terms.repo.ts';
import { latestChoiceList } from './choice-list.repo.ts';
import { acceptBy } from './choice-list.rules.ts';
import { REFERRAL_STATUS_LABELS } from './referral-status.rules.ts';
import { insertReferralEvent, lockReferral, recordChoice, type ReferralRecord } from './referral.repo.ts';

export interface Choice {
  listingId: string;
  siteId: string;
}

/** True while the listing is live, its contract has not ended and it still delivers from the site, read under a share lock so a suspension cannot slip in between. */
async function stillChoosable(trx: Executor, choice: Choice, today: string): Promise<boolean> {
  if (![choice.listingId, choice.siteId].every((id) => /^[0-9a-f-]{36}$/i.test(id))) return false;
  const row = await listingAtOpenSiteForShare(trx, choice.listingId, choice.siteId);
  return row?.status === 'live' && (row.contractEnd === null || row.contractEnd >= today);
}

/** The protocol version the referral was judged under, whose deadlines still apply to it. */
export async function protocolOf(trx: Executor, referral: Pick<ReferralRecord, 'offer' | 'protocolVersion'>): Promise<ReferralProtocol> {
  return protocolVersionOf(trx, referral.offer.id, referral.protocolVersion);
}

/** Sends the referral to the chosen entry of the latest list offered; a choice not on that list, or a provider no longer live, is refused and nothing changes. */
export async function chooseProvider(
  deps: Deps,
  context: ActionContext,
  referral: ReferralRecord,
  choice: Choice,
  chosenBy: 'referrer' | 'patient',
): Promise<{ providerName: string; siteName: string; acceptBy: string }> {
  return deps.db.transaction().execute(async (trx) => {
    const current = await lockReferral(trx, referral.id);
    if (current.status !== 'awaiting-choice')
      throw new DomainError(
        'invalid-transition',
        `A provider has already been chosen: the referral is ${REFERRAL_STATUS_LABELS[current.status].toLowerCase()}`,
      );
    const list = await latestChoiceList(trx, referral.id);
    const entry = list?.entries.find((candidate) => candidate.listingId === choice.listingId && candidate.siteId === choice.siteId);
    if (!entry) throw validationFailed([{ field: 'choice', message: 'Choose a provider from the list you were shown' }]);
    if (!(await stillChoosable(trx, choice, deps.clock.today()))) {
      throw new DomainError(
        'conflict',
        `${entry.providerName} is no longer taking referrals at ${entry.siteName} through AQP. Look at the list again and choose another provider.`,
      );
    }
    const at = deps.clock.now();
    const sentOn = deps.clock.today();
    const due = acceptBy(sentOn, (await protocolOf(trx, referral)).acceptanceDeadlineWorkingDays);
    await recordChoice(trx, referral.id, {
      listingId: entry.listingId,
      siteId: entry.siteId,
      providerOrganisationId: entry.providerOrganisationId,
      chosenBy,
      at,
      acceptBy: due,
    });
    await insertReferralEvent(trx, {
      referralId: referral.id,
      fromStatus: 'awaiting-choice',
      toStatus: 'sent',
      actor: chosenBy,
      comment: `Chosen from list ${list!.id}: ${entry.providerName}, ${entry.siteName}`,
      at,
      userId: actingUserId(context),
      apiKeyId: actingApiKeyId(context),
    });
    await recordAudit(trx, context, {
      action: 'referral.send',
      entityType: 'referral',
      entityId: referral.id,
      details: { ubrn: referral.ubrn, choiceListId: list!.id, listingId: entry.listingId, siteId: entry.siteId, chosenBy, acceptBy: due },
    });
    return { providerName: entry.providerName, siteName: entry.siteName, acceptBy: due };
  });
}
