/**
 * Activity recorded on the platform becomes activity lines by itself (issue #14 item 2; decision 0044): an attended or missed session or
 * appointment, and a discharge, each write one line in the transaction that records them, with a line id derived from what was recorded.
 */
import type { Executor } from '../../db/executor.ts';
import { londonDateOf } from '../../lib/clock.ts';
import type { Deps } from '../deps.ts';
import type { ActionContext } from '../identity/principal.ts';
import { actingApiKeyId, actingUserId } from '../offers/offer-access.ts';
import { complexityBandsOf, platformCurrencyFor } from './activity-facts.rules.ts';
import type { AttendanceCode } from './activity-line.rules.ts';
import { packContentOfOffer } from './activity-facts.repo.ts';
import { PLATFORM_LINE_PREFIX, recordActivityIn } from './activity-submission.service.ts';

/** The referral a platform event belongs to. */
export interface PlatformReferral {
  ubrn: string;
  offerId: string;
  providerId: string;
}

async function recordPlatformLine(
  trx: Executor,
  deps: Deps,
  context: ActionContext,
  referral: PlatformReferral,
  line: { lineId: string; event: 'contact' | 'discharge'; activityDate: string; attendance: AttendanceCode },
): Promise<void> {
  const content = await packContentOfOffer(trx, referral.offerId);
  const currencyCode = platformCurrencyFor(content, line.event);
  if (!currencyCode) return;
  const submitter = {
    providerId: referral.providerId,
    source: 'platform' as const,
    fileName: null,
    userId: actingUserId(context),
    apiKeyId: actingApiKeyId(context),
    at: deps.clock.now(),
    today: deps.clock.today(),
  };
  const complexityBand = complexityBandsOf(content)[0] ?? '';
  const { lineId, activityDate, attendance } = line;
  await recordActivityIn(trx, submitter, [
    { lineId, referralReference: referral.ubrn, currencyCode, complexityBand, activityDate, attendance, kind: 'original' },
  ]);
}

/** Writes the line for a session or appointment whose attendance was recorded: attended (code 5) or did not attend (code 3). */
export async function recordContactActivity(
  trx: Executor,
  deps: Deps,
  context: ActionContext,
  referral: PlatformReferral,
  contact: { id: string; attendance: 'attended' | 'did-not-attend' | null; activityDate: string },
): Promise<void> {
  if (!contact.attendance) return;
  const attendance: AttendanceCode = contact.attendance === 'attended' ? '5' : '3';
  await recordPlatformLine(trx, deps, context, referral, {
    lineId: `${PLATFORM_LINE_PREFIX}contact:${contact.id}`,
    event: 'contact',
    activityDate: contact.activityDate,
    attendance,
  });
}

/** Writes the pathway line when a patient is discharged with treatment completed, for offers paid by the pathway; the day of the discharge (as it is stamped) is the activity date. */
export async function recordDischargeActivity(
  trx: Executor,
  deps: Deps,
  context: ActionContext,
  referral: PlatformReferral & { id: string },
  outcome: string,
): Promise<void> {
  if (outcome !== 'treatment-completed') return;
  await recordPlatformLine(trx, deps, context, referral, {
    lineId: `${PLATFORM_LINE_PREFIX}discharge:${referral.id}`,
    event: 'discharge',
    activityDate: londonDateOf(deps.clock.now()),
    attendance: '5',
  });
}
