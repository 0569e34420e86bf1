/** An activity line as a provider submits it (PRODUCT.md §3.6), the NHS attendance codes it carries, and the coded reasons a line is not paid. */
import { isIsoDate } from '../../lib/iso-date.ts';

/** ATTENDED OR DID NOT ATTEND (NHS Data Dictionary, brief §A4): every session or appointment line carries one. */
export const ATTENDANCE_CODES = {
  '5': 'Attended on time, or late before the professional was ready to see the patient',
  '6': 'Arrived late, after the professional was ready, but was seen',
  '7': 'Arrived late and could not be seen',
  '2': 'Appointment cancelled by, or on behalf of, the patient',
  '3': 'Did not attend, with no advance warning',
  '4': 'Appointment cancelled or postponed by the provider',
  '0': 'Not applicable: the appointment is in the future',
} as const;
export type AttendanceCode = keyof typeof ATTENDANCE_CODES;

/** True for a did-not-attend (3, and 7: too late to be seen), which an offer may or may not pay for (brief §A7). */
export function isDidNotAttend(code: AttendanceCode): boolean {
  return code === '3' || code === '7';
}

/** True for an appointment that did not take place for a reason other than a DNA (cancelled, or still to come): never paid (brief §A7). */
export function isNotHeld(code: AttendanceCode): boolean {
  return code === '0' || code === '2' || code === '4';
}

/** One line of activity: an original, or the reversal of an earlier accepted line (corrections are new lines, PRODUCT.md §3.6). */
export interface ActivityLine {
  /** The provider's own id for the line, unique among its accepted lines. */
  lineId: string;
  /** The referral's 12-digit reference (UBRN-like). */
  referralReference: string;
  /** The unit of payment, e.g. the National Cost Collection code A08A1 (brief §A1). */
  currencyCode: string;
  activityDate: string;
  attendance: AttendanceCode;
  complexityBand: string;
  kind: 'original' | 'reversal';
  /** For a reversal: the provider's id of the line it reverses. */
  reversesLineId?: string;
}

/** Who can put a refused line right: the provider (correct and resend), the commissioner, the referrer (a new referral), or nobody. */
export type FixedBy = 'provider' | 'commissioner' | 'referrer' | 'nobody';

export interface RejectionReason {
  label: string;
  fixedBy: FixedBy;
}

/** Every reason a line is not paid, in the order they are checked (see REASON_PRECEDENCE and decision 0043). Codes are stable. */
export const REJECTION_REASONS = {
  'invalid-line': { label: 'The line cannot be read: check its date, attendance code and line ids', fixedBy: 'provider' },
  duplicate: { label: 'The line was already accepted: same line id, or same referral, currency and date', fixedBy: 'nobody' },
  'reversal-not-matching': {
    label: 'The line it reverses was not accepted for this referral, or is already reversed',
    fixedBy: 'provider',
  },
  'unknown-referral': { label: 'No referral has this reference', fixedBy: 'provider' },
  'outside-criteria': {
    label: 'The referral was returned as outside the referral criteria, or failed its protocol on re-check',
    fixedBy: 'referrer',
  },
  'referral-not-accepted': { label: 'The referral has not been accepted by this provider', fixedBy: 'provider' },
  'currency-not-on-offer': { label: 'The currency is not one the offer pays for', fixedBy: 'provider' },
  'unknown-complexity-band': { label: 'The complexity band is not one of the offer’s bands', fixedBy: 'provider' },
  'in-the-future': { label: 'The activity date is in the future', fixedBy: 'provider' },
  'before-acceptance': { label: 'The activity is dated before the referral was accepted', fixedBy: 'provider' },
  'after-discharge': { label: 'The activity is dated after the patient was discharged or the referral closed', fixedBy: 'provider' },
  'after-contract-end': { label: 'The activity is dated after the provider’s contract ended', fixedBy: 'nobody' },
  'listing-not-live': { label: 'The provider’s listing was not live on the activity date', fixedBy: 'commissioner' },
  'not-responsible-commissioner': {
    label: 'The patient was not this commissioner’s responsibility on the activity date',
    fixedBy: 'commissioner',
  },
  'appointment-not-held': { label: 'The appointment was cancelled or has not happened yet (attendance code 0, 2 or 4)', fixedBy: 'nobody' },
  'dna-not-payable': { label: 'The patient did not attend, and the offer does not pay for missed appointments', fixedBy: 'nobody' },
  'already-paid': { label: 'This currency is paid once per referral and has already been paid', fixedBy: 'nobody' },
  'over-session-cap': { label: 'The referral has already been paid for as many sessions as the offer allows', fixedBy: 'referrer' },
} as const satisfies Record<string, RejectionReason>;
export type RejectionReasonCode = keyof typeof REJECTION_REASONS;
export const REJECTION_REASON_CODES = Object.keys(REJECTION_REASONS) as RejectionReasonCode[];

/** What makes a line unreadable, if anything: checked first so the other rules can trust the line's shape. */
export function lineShapeProblem(line: ActivityLine): string | undefined {
  if (!line.lineId.trim() || !line.referralReference.trim() || !line.currencyCode.trim())
    return 'A line id, referral and currency are needed';
  if (!isIsoDate(line.activityDate)) return `${line.activityDate} is not a date`;
  if (!Object.hasOwn(ATTENDANCE_CODES, line.attendance)) return `${line.attendance} is not an attendance code`;
  if (line.kind === 'reversal' && !line.reversesLineId?.trim()) return 'A reversal must name the line it reverses';
  if (line.kind === 'original' && line.reversesLineId !== undefined) return 'Only a reversal names a line it reverses';
  return undefined;
}
