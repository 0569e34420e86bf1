/** View-models for the public directory: the search form, each site found in plain words, and a provider's page. */
import type { ServiceRecord } from '../../../domains/catalogue/catalogue.repo.ts';
import type { DirectorySite } from '../../../domains/directory/directory-entry.ts';
import type { DirectoryProvider } from '../../../domains/directory/directory-provider.service.ts';
import type { DirectoryResult } from '../../../domains/directory/directory.service.ts';
import { PROVIDER_TYPE_LABELS, type ProviderType } from '../../../domains/providers/provider-profile.rules.ts';
import { type PageRequest, paginationView } from '../pagination.ts';
import { openingSummary } from '../providers/site-form.ts';
import { ABOUT_THE_WAIT, deliveryInWords, qualityInWords, waitInWords } from '../provider-quality.presenter.ts';
import { csvHrefOf, summaryRows } from '../list-table.ts';
import { directoryColumns, foundSites } from './directory-list.presenter.ts';
import { ABOUT_THE_MEASURES, measuredRows } from '../measured-quality.presenter.ts';

/** What the directory's figures mean, said once on each page. */
export const ABOUT_THE_FIGURES = [
  ABOUT_THE_WAIT,
  ABOUT_THE_MEASURES,
  'Registration and checks show the provider’s Care Quality Commission registration, whether its insurance, governance and safeguarding evidence has been checked and is in date, and how long it has been qualified.',
];

/** The national list, then any offered local services marked local, as select items with a prompt first and the chosen service selected. */
export function serviceItems(services: readonly ServiceRecord[], chosen: string) {
  return [
    { value: '', text: 'Select a service' },
    ...services.map((service) => ({ value: service.code, text: service.local ? `${service.publicName} (local)` : service.publicName })),
  ].map((item) => ({ ...item, selected: item.value === chosen }));
}

/** A site's details as summary-list rows. */
export function siteRows(site: DirectorySite) {
  return [
    { key: { text: 'Address' }, value: { text: [site.address, site.postcode].filter(Boolean).join(', ') } },
    { key: { text: 'Care given' }, value: { text: deliveryInWords(site.deliveryMode) } },
    { key: { text: 'Opening times' }, value: { text: openingSummary(site) } },
    { key: { text: 'Access information' }, value: { text: site.accessibility || 'Not given by the provider' } },
    { key: { text: 'Telephone' }, value: { text: site.phone ?? 'Not given' } },
  ];
}

/** The search as a query string, so a provider page can lead back to the same results. */
export function searchQuery(search: { service: string; postcode: string }): string {
  return new URLSearchParams({ service: search.service, postcode: search.postcode }).toString();
}

/** Where a provider page's back link goes: the search it was opened from, or the empty search. */
export function backToSearch(query: Record<string, unknown>): string {
  const service = typeof query.service === 'string' ? query.service.slice(0, 100) : '';
  const postcode = typeof query.postcode === 'string' ? query.postcode.slice(0, 100) : '';
  return service || postcode ? `/directory?${searchQuery({ service, postcode })}#results` : '/directory';
}

/** The list found, a page at a time: each site headed by its provider, site and distance, then the rest of the CSV's columns as a summary list. */
export function resultsView(result: DirectoryResult, page: PageRequest, search: { service: string; postcode: string }) {
  const columns = directoryColumns(search);
  const [provider, site, distance, ...details] = columns;
  return {
    ...result,
    gpAreasText: listInWords(result.gpAreasNearby),
    entries: foundSites(result).map((found) => ({
      provider: provider!.cell(found),
      siteName: site!.cell(found),
      distance: distance!.cell(found),
      rows: summaryRows(details, found),
    })),
    csvHref: csvHrefOf('/directory', { service: result.service.code, postcode: result.place.label }),
    pagination: paginationView(page, result.total, '/directory', { service: result.service.code, postcode: result.place.label }),
  };
}

/** "Calderdale, Kirklees and Wakefield". */
export function listInWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** A provider's public page: profile, then each live service with the areas it serves, who it is for, wait, quality and sites. */
export function providerView(provider: DirectoryProvider) {
  return {
    ...provider,
    typeLabel: PROVIDER_TYPE_LABELS[provider.providerType as ProviderType] ?? provider.providerType,
    services: provider.services.map((service) => ({
      ...service,
      commissionersText: listInWords([...new Set(service.commissioners.map((commissioner) => commissioner.areaName))]),
      waitText: waitInWords(service.firstAppointmentWait),
      qualityLines: qualityInWords(service.quality),
      measured: measuredRows(service.quality),
      sites: service.sites.map((site) => ({ name: site.name, rows: siteRows(site) })),
    })),
  };
}
