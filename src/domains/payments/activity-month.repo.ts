/** A provider's activity by month (decision 0046): a page of its lines with their referral references, audited as seen, and totals by date range. */
import type { Executor } from '../../db/executor.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext } from '../identity/principal.ts';
import { STORED_LINE, type StoredLine } from './activity-line.repo.ts';

/** Days [from, to) as ISO dates. */
export interface DateRange {
  from: string;
  to: string;
}

export interface LinePage {
  total: number;
  lines: StoredLine[];
}

/**
 * One page of the provider's lines dated in the range, oldest first. Referral references are patient-related, so the read writes its
 * `activity-lines.view` audit row in the caller's transaction: no caller can show them unaudited.
 */
export async function providerLinesSeenBy(
  trx: Executor,
  context: ActionContext,
  providerId: string,
  range: DateRange,
  page: { limit: number; offset: number },
): Promise<LinePage> {
  const inRange = trx
    .selectFrom('activity_lines')
    .where('provider_organisation_id', '=', providerId)
    .where('activity_date', '>=', range.from)
    .where('activity_date', '<', range.to);
  const { total } = await inRange.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow();
  const lines = await inRange.select(STORED_LINE).orderBy('activity_date').orderBy('seq').limit(page.limit).offset(page.offset).execute();
  await recordAudit(trx, context, {
    action: 'activity-lines.view',
    entityType: 'organisation',
    entityId: providerId,
    details: { from: range.from, to: range.to, offset: page.offset, lines: lines.length },
  });
  return { total: Number(total), lines };
}

/** What a provider's lines in a range came to: lines accepted and refused, units (originals less reversals) and the price of accepted lines. */
export interface ActivityTotals {
  accepted: number;
  refused: number;
  /** Accepted originals less accepted reversals: the units of care that count. */
  units: number;
  /** The sum of accepted lines' prices, reversals negative; lines with no price in force add nothing. */
  pricedPence: number;
  /** Accepted lines with no price in force for them. */
  unpriced: number;
}

/** The totals of the provider's lines dated in the range, in one aggregate query (no patient data). */
export async function providerTotalsBetween(db: Executor, providerId: string, range: DateRange): Promise<ActivityTotals> {
  const rows = await db
    .selectFrom('activity_lines')
    .select((eb) => [
      'status',
      'kind',
      eb.fn.countAll<string>().as('lines'),
      eb.fn.count<string>('price_pence').as('priced'),
      eb.fn.sum<string | null>('price_pence').as('pence'),
    ])
    .where('provider_organisation_id', '=', providerId)
    .where('activity_date', '>=', range.from)
    .where('activity_date', '<', range.to)
    .groupBy(['status', 'kind'])
    .execute();
  const totals: ActivityTotals = { accepted: 0, refused: 0, units: 0, pricedPence: 0, unpriced: 0 };
  for (const row of rows) {
    const lines = Number(row.lines);
    if (row.status === 'refused') totals.refused += lines;
    else {
      totals.accepted += lines;
      totals.units += row.kind === 'reversal' ? -lines : lines;
      totals.pricedPence += Number(row.pence ?? 0);
      totals.unpriced += lines - Number(row.priced);
    }
  }
  return totals;
}
