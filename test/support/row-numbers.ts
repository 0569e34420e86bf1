/**
 * Numbers for test rows that must differ within one database (a UBRN, a provider's line id). Counted per database,
 * not per process: each test file has its own database, and files share a worker's modules (docs/decisions/0071),
 * so a file's first row is number 1 whichever files ran before it.
 */
const counters = new WeakMap<object, Map<string, number>>();

/** The next number (1, 2, 3 …) of `series` in the database `db`. */
export function nextRowNumber(db: object, series: string): number {
  const inDatabase = counters.get(db) ?? new Map<string, number>();
  counters.set(db, inDatabase);
  const next = (inDatabase.get(series) ?? 0) + 1;
  inDatabase.set(series, next);
  return next;
}
