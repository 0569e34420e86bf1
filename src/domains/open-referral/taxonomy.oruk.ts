/** The national service catalogue as the feed's one taxonomy (decision 0064): each catalogue service is a term, its code the term. */
import { catalogueTaxonomyUuid, partUuid, taxonomyTermUuid } from './oruk-ids.rules.ts';

export const CATALOGUE_TAXONOMY_NAME = 'AQP national service catalogue';

export interface CatalogueService {
  code: string;
  name: string;
  publicName: string | null;
  definition: string;
}

export interface OrukTaxonomyTerm {
  id: string;
  name: string;
  description: string;
  taxonomy: string;
  taxonomy_id: string;
  term: string;
  term_uri?: string;
}

export interface OrukTaxonomy {
  id: string;
  name: string;
  description: string;
  uri: string;
  version: string;
}

export interface OrukAttribute {
  id: string;
  link_id: string;
  taxonomy_term_id: string;
  link_type: string;
  taxonomy_term: OrukTaxonomyTerm;
}

/** The catalogue taxonomy, pointing at the public catalogue pages of this AQP. */
export function catalogueTaxonomy(baseUrl: string): OrukTaxonomy {
  return {
    id: catalogueTaxonomyUuid(),
    name: CATALOGUE_TAXONOMY_NAME,
    description:
      'The services NHS commissioners in England may offer through Any Qualified Provider: the national list of priority services and the local services a region approved.',
    uri: `${baseUrl}/catalogue`,
    version: '1',
  };
}

/** A catalogue service as a term: the public name patients know, the code as the term, the catalogue page as its URI. */
export function taxonomyTermOf(service: CatalogueService, baseUrl: string): OrukTaxonomyTerm {
  return {
    id: taxonomyTermUuid(service.code),
    name: service.publicName ?? service.name,
    description: service.definition.trim() || service.name,
    taxonomy: CATALOGUE_TAXONOMY_NAME,
    taxonomy_id: catalogueTaxonomyUuid(),
    term: service.code,
    term_uri: `${baseUrl}/catalogue/${encodeURIComponent(service.code)}`,
  };
}

/** The link from a service (or anything else) to its catalogue term, the HSDS 3 way of classifying. */
export function attributeOf(linkId: string, linkType: 'service', term: OrukTaxonomyTerm): OrukAttribute {
  return {
    id: partUuid(linkId, `attribute:${term.term}`),
    link_id: linkId,
    taxonomy_term_id: term.id,
    link_type: linkType,
    taxonomy_term: term,
  };
}
