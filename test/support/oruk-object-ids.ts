/** Real Open Referral UK ids of the demo's live objects (DEMO1's first live listing and site), for the access matrix to ask the feed for. */
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.ts';
import { liveListingKeys, liveSiteKeys } from '../../src/domains/open-referral/open-referral-keys.repo.ts';
import { catalogueTaxonomyUuid, organizationUuid, taxonomyTermUuid } from '../../src/domains/open-referral/oruk-ids.rules.ts';
import { serviceAtLocationIdOf, serviceIdOf } from '../../src/domains/open-referral/service.oruk.ts';
import { londonDateOf } from '../../src/lib/clock.ts';

type Db = Kysely<Database>;
const today = () => londonDateOf(new Date());
const demo1 = <T extends { provider: { odsCode: string | null } }>(keys: T[]): T => keys.find((key) => key.provider.odsCode === 'DEMO1')!;

export const ORUK_OBJECTS = {
  orukService: async (db: Db) => serviceIdOf(demo1(await liveListingKeys(db, today()))),
  orukServiceAtLocation: async (db: Db) => {
    const key = demo1(await liveSiteKeys(db, today()));
    return serviceAtLocationIdOf(key, { siteCode: key.siteCode, name: key.siteName, provider: key.provider });
  },
  orukOrganization: async () => organizationUuid({ id: '', odsCode: 'DEMO1' }),
  orukTaxonomy: async () => catalogueTaxonomyUuid(),
  orukTaxonomyTerm: async () => taxonomyTermUuid('adult-hearing'),
} satisfies Record<string, (db: Db) => Promise<string>>;

/** The feed's path parameters, by the segment before them. */
export const ORUK_PARAMETERS = {
  'services/:id': 'orukService',
  'service_at_locations/:id': 'orukServiceAtLocation',
  'organizations/:id': 'orukOrganization',
  'taxonomies/:id': 'orukTaxonomy',
  'taxonomy_terms/:id': 'orukTaxonomyTerm',
} as const;
