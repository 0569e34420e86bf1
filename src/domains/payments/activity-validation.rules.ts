/**
 * Validation of activity lines (issue #14 item 3, PRODUCT.md §3.6): each line of a batch is accepted with the currency terms it is paid
 * under, or refused with exactly one coded reason, the first that applies in REASON_PRECEDENCE (decision 0043).
 */
import { AcceptedLedger } from './activity-ledger.rules.ts';
import {
  type ActivityLine,
  isDidNotAttend,
  isNotHeld,
  lineShapeProblem,
  REJECTION_REASON_CODES,
  type RejectionReasonCode,
} from './activity-line.rules.ts';

/** A span of days, both ends included; `to: null` is open-ended. */
export interface Period {
  from: string;
  to: string | null;
}

/** How the offer pays for one currency. */
export interface CurrencyTerms {
  code: string;
  /** Paid at most once per referral (a pathway, or a once-only assessment). */
  oncePerReferral: boolean;
  /** Whether a did-not-attend (codes 3 and 7) is paid (brief §A7: commissioner configuration). */
  dnaPayable: boolean;
  /** The most lines of this currency one referral is paid for (back and neck pain: 8), or null for no cap. */
  sessionCap: number | null;
}

export interface OfferTerms {
  commissionerCode: string;
  currencies: CurrencyTerms[];
  complexityBands: string[];
}

/** What is known about one referral, as plain data a later session maps from the database. */
export interface ReferralFacts {
  /** The referral's status code (the codes of referrals/referral-status.rules.ts); payments sits below referrals, which record platform activity through it. */
  status: string;
  /** The provider the referral was sent to, if any. */
  providerId: string | null;
  acceptedOn: string | null;
  /** The day care ended: discharge, episode closed, or cancellation after acceptance. */
  dischargedOn: string | null;
  /** Returned by a provider as outside the referral criteria, or failed its protocol on re-check. */
  outsideCriteria: boolean;
  offer: OfferTerms;
  /** The periods the provider's listing for this offer was live. */
  listingLivePeriods: Period[];
  contractEndsOn: string | null;
  /** The patient's responsible commissioner over time. */
  responsibleCommissioners: (Period & { commissionerCode: string })[];
}

export interface ValidationFacts {
  /** The provider submitting the batch. */
  providerId: string;
  today: string;
  referrals: Readonly<Record<string, ReferralFacts>>;
  /** Lines accepted before this batch, in the order they were accepted (reversals included). */
  acceptedLines: readonly ActivityLine[];
}

export type LineDecision =
  | { outcome: 'accepted'; line: ActivityLine; currency: CurrencyTerms }
  | { outcome: 'refused'; line: ActivityLine; reason: RejectionReasonCode };

/** When several reasons apply, the line is refused with the first of these (REJECTION_REASONS is written in this order). */
export const REASON_PRECEDENCE: readonly RejectionReasonCode[] = REJECTION_REASON_CODES;

const ACCEPTED_STATUSES: readonly string[] = ['accepted', 'discharged', 'episode-closed', 'cancelled'];

/** Decides every line of a batch in order, each against the lines accepted before it (earlier batches and earlier in this one). */
export function validateLines(lines: readonly ActivityLine[], facts: ValidationFacts): LineDecision[] {
  const ledger = new AcceptedLedger(facts.acceptedLines);
  return lines.map((line) => {
    const decision = decideLine(line, facts, ledger);
    if (decision.outcome === 'accepted') ledger.record(line);
    return decision;
  });
}

function decideLine(line: ActivityLine, facts: ValidationFacts, ledger: AcceptedLedger): LineDecision {
  const refused = (reason: RejectionReasonCode): LineDecision => ({ outcome: 'refused', line, reason });
  if (lineShapeProblem(line)) return refused('invalid-line');
  if (ledger.hasLineId(line.lineId)) return refused('duplicate');
  if (line.kind === 'reversal') {
    const original = ledger.reversible(line);
    const terms = original && termsOf(facts.referrals, original);
    return terms ? { outcome: 'accepted', line, currency: terms } : refused('reversal-not-matching');
  }
  if (ledger.hasSameDay(line)) return refused('duplicate');
  const referral = Object.hasOwn(facts.referrals, line.referralReference) ? facts.referrals[line.referralReference] : undefined;
  if (!referral) return refused('unknown-referral');
  const notAccepted = referralRefusal(referral, facts.providerId);
  if (notAccepted) return refused(notAccepted);
  const currency = referral.offer.currencies.find((terms) => terms.code === line.currencyCode);
  if (!currency) return refused('currency-not-on-offer');
  const reason =
    (referral.offer.complexityBands.includes(line.complexityBand) ? undefined : 'unknown-complexity-band') ??
    dateRefusal(line.activityDate, referral, facts.today) ??
    payableRefusal(line, currency, ledger);
  return reason ? refused(reason) : { outcome: 'accepted', line, currency };
}

function termsOf(referrals: ValidationFacts['referrals'], original: ActivityLine): CurrencyTerms | undefined {
  const referral = Object.hasOwn(referrals, original.referralReference) ? referrals[original.referralReference] : undefined;
  return referral?.offer.currencies.find((terms) => terms.code === original.currencyCode);
}

/** Whether the referral may be paid for at all: within its criteria, and accepted by the provider submitting the line. */
function referralRefusal(referral: ReferralFacts, providerId: string): RejectionReasonCode | undefined {
  if (referral.outsideCriteria) return 'outside-criteria';
  if (referral.providerId !== providerId || referral.acceptedOn === null || !ACCEPTED_STATUSES.includes(referral.status))
    return 'referral-not-accepted';
  return undefined;
}

/** The activity date against today, the referral's acceptance and discharge, the contract, the listing and the responsible commissioner. */
function dateRefusal(date: string, referral: ReferralFacts, today: string): RejectionReasonCode | undefined {
  if (date > today) return 'in-the-future';
  if (referral.acceptedOn !== null && date < referral.acceptedOn) return 'before-acceptance';
  if (referral.dischargedOn !== null && date > referral.dischargedOn) return 'after-discharge';
  if (referral.contractEndsOn !== null && date > referral.contractEndsOn) return 'after-contract-end';
  if (!referral.listingLivePeriods.some((period) => covers(period, date))) return 'listing-not-live';
  const responsible = referral.responsibleCommissioners.some(
    (period) => period.commissionerCode === referral.offer.commissionerCode && covers(period, date),
  );
  return responsible ? undefined : 'not-responsible-commissioner';
}

/** Whether the appointment is one the offer pays for, and whether the referral has room left under its currency's limits. */
function payableRefusal(line: ActivityLine, currency: CurrencyTerms, ledger: AcceptedLedger): RejectionReasonCode | undefined {
  if (isNotHeld(line.attendance)) return 'appointment-not-held';
  if (isDidNotAttend(line.attendance) && !currency.dnaPayable) return 'dna-not-payable';
  const paid = ledger.paidCount(line.referralReference, line.currencyCode);
  if (currency.oncePerReferral && paid >= 1) return 'already-paid';
  if (currency.sessionCap !== null && paid >= currency.sessionCap) return 'over-session-cap';
  return undefined;
}

function covers(period: Period, date: string): boolean {
  return period.from <= date && (period.to === null || date <= period.to);
}
