/** Date formats of the NHS content style guide (e.g. 22 November 2026, 6:42pm), in London time. */

const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
const TIME = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit', hour12: true, timeZone: 'Europe/London' });

function toDate(value: unknown): Date | undefined {
  if (value instanceof Date) return value;
  if (typeof value === 'string' && value) {
    const parsed = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value);
    return Number.isNaN(parsed.getTime()) ? undefined : parsed;
  }
  return undefined;
}

/** "22 November 2026"; empty for no date. */
export function formatDate(value: unknown): string {
  const date = toDate(value);
  return date ? DATE.format(date) : '';
}

/** "22 November 2026 at 6:42pm"; empty for no date. */
export function formatDateTime(value: unknown): string {
  const date = toDate(value);
  return date ? `${DATE.format(date)} at ${TIME.format(date).replace(' ', '').toLowerCase()}` : '';
}
