/** The lines accepted so far (before this batch and earlier in it), kept as counts so each new line is checked against them quickly. */
import type { ActivityLine } from './activity-line.rules.ts';

const key = (...parts: string[]) => parts.join('\u0000');

/** Accepted lines by id, which originals are reversed, and per referral and currency how many are paid and on which dates. */
export class AcceptedLedger {
  private readonly byId = new Map<string, ActivityLine>();
  private readonly reversed = new Set<string>();
  private readonly paidCounts = new Map<string, number>();
  private readonly paidDates = new Map<string, number>();

  /** A ledger of lines already accepted, in the order they were accepted. */
  constructor(accepted: readonly ActivityLine[] = []) {
    for (const line of accepted) this.record(line);
  }

  /** Records an accepted line: an original counts as paid; a reversal takes its original out of every count. */
  record(line: ActivityLine): void {
    this.byId.set(line.lineId, line);
    const original = line.kind === 'reversal' ? this.byId.get(line.reversesLineId ?? '') : line;
    if (!original || original.kind === 'reversal') return;
    const step = line.kind === 'reversal' ? -1 : 1;
    if (line.kind === 'reversal') this.reversed.add(original.lineId);
    bump(this.paidCounts, key(original.referralReference, original.currencyCode), step);
    bump(this.paidDates, key(original.referralReference, original.currencyCode, original.activityDate), step);
  }

  /** True when a line with this id has been accepted (a refused line's id may be used again). */
  hasLineId(lineId: string): boolean {
    return this.byId.has(lineId);
  }

  /** True when an unreversed original for the same referral and currency is dated the same day. */
  hasSameDay(line: ActivityLine): boolean {
    return (this.paidDates.get(key(line.referralReference, line.currencyCode, line.activityDate)) ?? 0) > 0;
  }

  /** How many unreversed originals of a currency a referral has been paid for. */
  paidCount(referralReference: string, currencyCode: string): number {
    return this.paidCounts.get(key(referralReference, currencyCode)) ?? 0;
  }

  /** The accepted, unreversed original a reversal may reverse, if it is one of the same referral's. */
  reversible(reversal: ActivityLine): ActivityLine | undefined {
    const original = this.byId.get(reversal.reversesLineId ?? '');
    if (!original || original.kind === 'reversal' || this.reversed.has(original.lineId)) return undefined;
    return original.referralReference === reversal.referralReference ? original : undefined;
  }
}

function bump(counts: Map<string, number>, at: string, step: number): void {
  counts.set(at, (counts.get(at) ?? 0) + step);
}
