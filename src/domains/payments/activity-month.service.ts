/**
 * A provider's own activity page (issue #14 items 2 and 7; decision 0046): a month of its lines with their outcomes and prices, the month's
 * totals, and activity and income to date in the financial year. Nothing here forecasts or promises volume: a provider is guaranteed none.
 */
import { DomainError, validationFailed } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import type { ActionContext } from '../identity/principal.ts';
import { financialYearLabel, financialYearOf } from '../offers/price-schedule.rules.ts';
import { MONTH_PATTERN, monthAfter } from './month.rules.ts';
import { type ActivityTotals, type LinePage, providerLinesSeenBy, providerTotalsBetween } from './activity-month.repo.ts';

export interface ActivityMonth {
  month: string;
  /** The month before, and the month after unless that is after the current month in England. */
  previousMonth: string;
  nextMonth: string | null;
  page: LinePage;
  monthTotals: ActivityTotals;
  financialYear: { label: string; from: string; totals: ActivityTotals };
}

/** The month before `month` (YYYY-MM). */
function monthBefore(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return monthNumber === 1 ? `${year - 1}-12` : `${year}-${String(monthNumber - 1).padStart(2, '0')}`;
}

/** The provider's activity in a month (the current month in England when none is asked for), one page of lines at a time, audited as seen. */
export async function providerActivityMonth(
  deps: Deps,
  context: ActionContext,
  asked: string | undefined,
  page: { limit: number; offset: number },
): Promise<ActivityMonth> {
  const principal = context.principal;
  if (!principal || (principal.role !== 'provider-admin' && principal.role !== 'provider-clinician'))
    throw new DomainError('forbidden', 'Only a provider can see its activity');
  const current = deps.clock.today().slice(0, 7);
  const month = asked || current;
  if (!new RegExp(MONTH_PATTERN).test(month))
    throw validationFailed([{ field: 'month', message: 'Enter the month as YYYY-MM, like 2027-04' }]);
  const next = monthAfter(month).slice(0, 7);
  const startYear = financialYearOf(`${month}-01`);
  const year = { from: `${startYear}-04-01`, to: `${startYear + 1}-04-01` };
  const range = { from: `${month}-01`, to: monthAfter(month) };
  return deps.db.transaction().execute(async (trx) => ({
    month,
    previousMonth: monthBefore(month),
    nextMonth: next <= current ? next : null,
    page: await providerLinesSeenBy(trx, context, principal.organisationId, range, page),
    monthTotals: await providerTotalsBetween(trx, principal.organisationId, range),
    financialYear: {
      label: financialYearLabel(startYear),
      from: year.from,
      totals: await providerTotalsBetween(trx, principal.organisationId, year),
    },
  }));
}
