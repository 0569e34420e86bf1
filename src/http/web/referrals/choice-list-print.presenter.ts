/** The choice list as printed for the patient to take away: each entry with a number to ring. */
import type { ChoiceListEntry } from '../../../domains/referrals/choice-list.repo.ts';
import { presentEntry } from './choice-list.presenter.ts';

/** Entries as the page shows them plus each provider's telephone (null when none is recorded), since paper cannot follow a link. */
export function presentPrintedEntries(entries: readonly ChoiceListEntry[], telephones: ReadonlyMap<string, string | null>) {
  return entries.map((entry) => ({ ...presentEntry(entry), telephone: telephones.get(entry.siteId) ?? null }));
}
