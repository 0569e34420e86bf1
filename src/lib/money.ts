/** Money is integer pence everywhere; this is the only place it becomes pounds, for people to read. */

const POUNDS = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });

/** 4720 → "£47.20". */
export function formatPence(pence: number): string {
  return POUNDS.format(pence / 100);
}
