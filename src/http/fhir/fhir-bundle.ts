/** Searchset Bundles with a total and self, next and previous links, so consumers page by following links. */
import type { Bundle, BundleLink, Resource } from '@medplum/fhirtypes';
import type { FhirPage, FhirSearchResult } from './fhir-resource-type.ts';
import type { FhirQuery } from './fhir-search.ts';

/** The search's own parameters in the order given, with the page's `_count` and `_offset` set to the page wanted. */
function searchUrl(typeUrl: string, query: FhirQuery, page: FhirPage): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (typeof value === 'string' && name !== '_count' && name !== '_offset') search.append(name, value);
  }
  search.set('_count', String(page.count));
  search.set('_offset', String(page.offset));
  return `${typeUrl}?${search.toString()}`;
}

/** The self link always; next while matches remain past this page; previous when this page is not the first. */
function pageLinks(typeUrl: string, query: FhirQuery, page: FhirPage, total: number): BundleLink[] {
  const links: BundleLink[] = [{ relation: 'self', url: searchUrl(typeUrl, query, page) }];
  if (page.count > 0 && page.offset + page.count < total) {
    links.push({ relation: 'next', url: searchUrl(typeUrl, query, { ...page, offset: page.offset + page.count }) });
  }
  if (page.count > 0 && page.offset > 0) {
    links.push({ relation: 'previous', url: searchUrl(typeUrl, query, { ...page, offset: Math.max(0, page.offset - page.count) }) });
  }
  return links;
}

/** A searchset Bundle of one page of matches, each entry with its absolute fullUrl. */
export function searchsetBundle(baseUrl: string, type: string, query: FhirQuery, page: FhirPage, result: FhirSearchResult): Bundle {
  const typeUrl = `${baseUrl}/${type}`;
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: result.total,
    link: pageLinks(typeUrl, query, page, result.total),
    entry: result.resources.map((resource: Resource) => ({
      fullUrl: `${baseUrl}/${resource.resourceType}/${resource.id}`,
      resource,
      search: { mode: 'match' as const },
    })),
  };
}
