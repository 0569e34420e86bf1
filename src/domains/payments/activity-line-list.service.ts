/** A month of activity lines for the one reading them: a provider its own lines, a commissioner the lines it pays for (decision 0044). */
import { DomainError, validationFailed } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import type { ActionContext } from '../identity/principal.ts';
import { type LineReader, type ListedLine, linesDatedBetween } from './activity-line-list.repo.ts';

/** A calendar month written YYYY-MM. */
export const MONTH_PATTERN = '^[0-9]{4}-(0[1-9]|1[0-2])$';

function readerOf(context: ActionContext): LineReader {
  const principal = context.principal;
  if (principal?.role === 'provider-admin' || principal?.role === 'provider-clinician') return { providerId: principal.organisationId };
  if (principal?.role === 'commissioner') return { commissionerId: principal.organisationId };
  throw new DomainError('forbidden', 'Only providers and commissioners can read activity lines');
}

/** The first day of the month after `month` (YYYY-MM), to read [month-01, next) by activity date. */
export function monthAfter(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return monthNumber === 12 ? `${year + 1}-01-01` : `${year}-${String(monthNumber + 1).padStart(2, '0')}-01`;
}

/** The lines dated in a calendar month that the reader may see, oldest first; with no month asked for, the current month in England. */
export async function activityLinesOfMonth(
  deps: Deps,
  context: ActionContext,
  asked: string | undefined,
): Promise<{ month: string; lines: ListedLine[] }> {
  const month = asked ?? deps.clock.today().slice(0, 7);
  if (!new RegExp(MONTH_PATTERN).test(month))
    throw validationFailed([{ field: 'month', message: 'Enter the month as YYYY-MM, like 2027-04' }]);
  return { month, lines: await linesDatedBetween(deps.db, readerOf(context), `${month}-01`, monthAfter(month)) };
}
