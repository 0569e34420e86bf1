/** Each site the directory finds, as the results page and its CSV both show it (decision 0067): the page heads an entry with the first three columns and lists the rest. */
import type { DirectoryEntry } from '../../../domains/directory/directory-entry.ts';
import type { DirectoryResult } from '../../../domains/directory/directory.service.ts';
import { openingSummary } from '../providers/site-form.ts';
import { deliveryInWords, distanceInWords, qualityInWords, waitInWords } from '../provider-quality.presenter.ts';
import { measuredRows } from '../measured-quality.presenter.ts';
import type { ListColumns } from '../list-table.ts';

/** A site found, with who the offer is for (the same for every site of one search). */
export interface FoundSite {
  entry: DirectoryEntry;
  eligibility: string | null;
}

/** "Name: figure" for each measured KPI and the feedback, one a line. */
const measuredLines = (entry: DirectoryEntry) =>
  measuredRows(entry.quality)
    .map((row) => `${row.key.text}: ${row.value.text}`)
    .join('\n');

/** The columns, provider first; a cell of several lines keeps them as lines (the page shows each on its own line). */
export function directoryColumns(search: { service: string; postcode: string }): ListColumns<FoundSite> {
  const query = new URLSearchParams(search).toString();
  return [
    {
      heading: 'Provider',
      cell: ({ entry }) => ({
        text: entry.provider.name,
        href: `/directory/providers/${encodeURIComponent(entry.provider.odsCode ?? entry.provider.id)}?${query}`,
      }),
    },
    { heading: 'Site', cell: ({ entry }) => entry.site.name },
    { heading: 'Distance', cell: ({ entry }) => distanceInWords(entry.distanceKm, entry.distanceMiles) },
    { heading: 'Address', cell: ({ entry }) => [entry.site.address, entry.site.postcode].filter(Boolean).join(', ') },
    { heading: 'Care given', cell: ({ entry }) => deliveryInWords(entry.site.deliveryMode) },
    { heading: 'Opening times', cell: ({ entry }) => openingSummary(entry.site) },
    { heading: 'Access information', cell: ({ entry }) => entry.site.accessibility || 'Not given by the provider' },
    { heading: 'Telephone', cell: ({ entry }) => entry.site.phone ?? 'Not given' },
    { heading: 'Who it is for', cell: ({ eligibility }) => eligibility || 'Ask your GP surgery' },
    { heading: 'Wait to first appointment', cell: ({ entry }) => waitInWords(entry.firstAppointmentWait) },
    { heading: 'Measured quality', cell: ({ entry }) => measuredLines(entry) },
    { heading: 'Registration and checks', cell: ({ entry }) => qualityInWords(entry.quality).join('\n') },
  ];
}

/** The sites of one page of results, each ready for the columns. */
export function foundSites(result: DirectoryResult): FoundSite[] {
  return result.items.map((entry) => ({ entry, eligibility: result.eligibility }));
}
