/** Loads what a batch of activity lines is validated and priced against, with a fixed handful of queries whatever the batch's size (decision 0044). */
import type { Executor } from '../../db/executor.ts';
import { londonDateOf } from '../../lib/clock.ts';
import { priceSchedulesOfMany } from '../offers/offer-terms.repo.ts';
import { asActivityLine, complexityBandsOf, currencyTermsOf, livePeriodsOf } from './activity-facts.rules.ts';
import type { ActivityLine } from './activity-line.rules.ts';
import { careEndedAt, listingStatusHistory, lockReferralFacts, offerCoverage, type ReferralFactRow } from './activity-facts.repo.ts';
import { acceptedLinesOn } from './activity-line.repo.ts';
import type { ReferralFacts, ValidationFacts } from './activity-validation.rules.ts';
import type { PaymentSchedule } from './pricing.rules.ts';

export interface LoadedFacts {
  facts: ValidationFacts;
  /** The referral rows by reference, to stamp each stored line with its referral, offer and commissioner. */
  referrals: Map<string, ReferralFactRow>;
  /** The price schedules of every offer in the batch. */
  schedules: Map<string, PaymentSchedule[]>;
  /** The provider's accepted lines before the batch, by line id, so a reversal is priced against its original. */
  acceptedById: Map<string, ActivityLine>;
}

/** Everything `validateLines` and pricing need for one provider's batch, read inside the batch's transaction with its referrals locked. */
export async function loadValidationFacts(
  trx: Executor,
  providerId: string,
  lines: readonly ActivityLine[],
  today: string,
): Promise<LoadedFacts> {
  const references = [...new Set(lines.map((line) => line.referralReference))];
  const rows = await lockReferralFacts(trx, references);
  const offerIds = [...new Set(rows.map((row) => row.offerId))];
  const listingIds = rows.flatMap((row) => (row.listingId ? [row.listingId] : []));
  const [ended, history, coverage, schedules, accepted] = await Promise.all([
    careEndedAt(
      trx,
      rows.map((row) => row.id),
    ),
    listingStatusHistory(trx, listingIds),
    offerCoverage(trx, offerIds),
    priceSchedulesOfMany(trx, offerIds),
    acceptedLinesOn(trx, providerId, references),
  ]);
  const referralFacts: Record<string, ReferralFacts> = {};
  for (const row of rows)
    referralFacts[row.ubrn] = referralFactsOf(row, {
      today,
      schedules: schedules.get(row.offerId) ?? [],
      endedAt: ended.get(row.id),
      listingHistory: history.filter((change) => change.listingId === row.listingId),
      covered: coverage.some((cover) => cover.offerId === row.offerId && cover.organisationId === row.commissionerId),
    });
  const acceptedLines = accepted.map(asActivityLine);
  return {
    facts: { providerId, today, referrals: referralFacts, acceptedLines },
    referrals: new Map(rows.map((row) => [row.ubrn, row])),
    schedules,
    acceptedById: new Map(acceptedLines.map((line) => [line.lineId, line])),
  };
}

/** One referral's facts: care ends at its last discharge, closure or cancellation; the commissioner fixed at referral stays responsible while the offer covers it. */
function referralFactsOf(
  row: ReferralFactRow,
  more: {
    today: string;
    schedules: PaymentSchedule[];
    endedAt: Date | undefined;
    listingHistory: { toStatus: string; changedAt: Date }[];
    covered: boolean;
  },
): ReferralFacts {
  const endedAt = more.endedAt ?? row.dischargedAt;
  const history = more.listingHistory.map((change) => ({ toStatus: change.toStatus, on: londonDateOf(change.changedAt) }));
  return {
    status: row.status,
    providerId: row.providerId,
    acceptedOn: row.acceptedAt ? londonDateOf(row.acceptedAt) : null,
    dischargedOn: endedAt ? londonDateOf(endedAt) : null,
    outsideCriteria: row.status === 'returned' && row.returnReasonCode === 'OUTSIDE_CRITERIA',
    offer: {
      commissionerCode: row.commissionerId,
      currencies: currencyTermsOf(row.packContent, more.schedules, more.today),
      complexityBands: complexityBandsOf(row.packContent),
    },
    listingLivePeriods: livePeriodsOf(history, { status: row.listingStatus, contractStart: row.listingContractStart }),
    contractEndsOn: row.listingContractEnd ?? row.offerContractEnd,
    responsibleCommissioners: more.covered ? [{ commissionerCode: row.commissionerId, from: '0001-01-01', to: null }] : [],
  };
}
