/** Turning stored referral, listing and offer rows into the plain facts activity validation reads (decision 0044). */
import { currenciesOf } from '../catalogue/pack-currencies.rules.ts';
import type { PayableCurrency } from '../catalogue/payable-currency.schema.ts';
import { dnaPayableFor, type PriceSchedule, scheduleOn } from '../offers/price-schedule.rules.ts';
import type { ActivityLine, AttendanceCode } from './activity-line.rules.ts';
import type { CurrencyTerms, Period } from './activity-validation.rules.ts';

/** The days a listing was live, from its status history; a listing live with no recorded change to live counts from its contract start. */
export function livePeriodsOf(
  history: readonly { toStatus: string; on: string }[],
  current: { status: string | null; contractStart: string | null },
): Period[] {
  const periods: Period[] = [];
  let liveFrom: string | null = null;
  for (const change of history) {
    if (change.toStatus === 'live' && liveFrom === null) liveFrom = change.on;
    else if (change.toStatus !== 'live' && liveFrom !== null) {
      periods.push({ from: liveFrom, to: change.on });
      liveFrom = null;
    }
  }
  if (liveFrom !== null) periods.push({ from: liveFrom, to: null });
  if (periods.length === 0 && current.status === 'live') return [{ from: current.contractStart ?? '0001-01-01', to: null }];
  return periods;
}

/** The pack content's parts that pay: its currencies and complexity bands. */
interface PayingPack {
  currency: Parameters<typeof currenciesOf>[0]['currency'];
  currencies?: PayableCurrency[];
  complexityBands: { code: string }[];
}

/** How the offer pays each of its pack's currencies today: the pack's terms, with the offer's own word on DNAs from the schedule in force. */
export function currencyTermsOf(packContent: unknown, schedules: readonly PriceSchedule[], today: string): CurrencyTerms[] {
  const schedule = scheduleOn([...schedules], today) ?? { effectiveFrom: today, prices: [] };
  return payableCurrenciesOf(packContent).map((currency) => ({
    code: currency.code,
    oncePerReferral: currency.oncePerReferral,
    dnaPayable: dnaPayableFor(schedule, currency),
    sessionCap: currency.sessionCap ?? null,
  }));
}

/** The pack's currencies in order, with their units, to choose what a platform event is paid as. */
export function payableCurrenciesOf(packContent: unknown): PayableCurrency[] {
  const pack = packContent as Partial<PayingPack> | null;
  if (!pack?.currency && !pack?.currencies?.length) return [];
  return currenciesOf(pack as PayingPack);
}

/** The codes of the pack's complexity bands. */
export function complexityBandsOf(packContent: unknown): string[] {
  return ((packContent as PayingPack).complexityBands ?? []).map((band) => band.code);
}

/** A stored line as the validation rules see it. */
export function asActivityLine(stored: {
  providerLineId: string;
  referralReference: string;
  currencyCode: string;
  complexityBand: string;
  activityDate: string;
  attendanceCode: string;
  kind: string;
  reversesLineId: string | null;
}): ActivityLine {
  return {
    lineId: stored.providerLineId,
    referralReference: stored.referralReference,
    currencyCode: stored.currencyCode,
    complexityBand: stored.complexityBand,
    activityDate: stored.activityDate,
    attendance: stored.attendanceCode as AttendanceCode,
    kind: stored.kind === 'reversal' ? 'reversal' : 'original',
    ...(stored.reversesLineId !== null ? { reversesLineId: stored.reversesLineId } : {}),
  };
}

/** What a platform event is paid as: contacts as the first per-contact currency, unless a pathway currency pays the whole episode at discharge. */
export function platformCurrencyFor(packContent: unknown, event: 'contact' | 'discharge'): string | undefined {
  const currencies = payableCurrenciesOf(packContent);
  const pathway = currencies.find((currency) => currency.unit === 'pathway');
  if (event === 'discharge') return pathway?.code;
  if (pathway) return undefined;
  return currencies.find((currency) => currency.unit === 'session' || currency.unit === 'episode' || currency.unit === 'test')?.code;
}
