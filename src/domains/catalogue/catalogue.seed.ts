/** Loads the national catalogue: adds services and national pack versions that are missing, never overwriting national admins' edits; a lock keeps web nodes started together from racing. */
import type { Deps } from '../deps.ts';
import type { Executor } from '../../db/executor.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import {
  fillPublicName,
  findServiceByCode,
  insertPackVersion,
  insertService,
  lockCatalogueSeed,
  packVersionsOf,
} from './catalogue.repo.ts';
import { validatePack } from './implementation-pack.schema.ts';
import { NATIONAL_PACK_REVISIONS, type NationalPackRevision } from './national-packs.seed.ts';
import { NATIONAL_SERVICES } from './national-services.seed.ts';

/**
 * The national revisions a service still lacks. Revision n becomes version n + 1, and only while every version the
 * service has is the seed's own (same change note): once a national admin has published a version, the seed stops.
 */
export function missingRevisions(
  revisions: readonly NationalPackRevision[],
  published: readonly { version: number; changeNote: string }[],
): NationalPackRevision[] {
  const seededSoFar = published.every((pack) => revisions[pack.version - 1]?.changeNote === pack.changeNote);
  return seededSoFar ? revisions.slice(published.length) : [];
}

async function addMissingPacks(trx: Executor, serviceId: string, revisions: readonly NationalPackRevision[]): Promise<number> {
  const published = await packVersionsOf(trx, serviceId);
  const missing = missingRevisions(revisions, published);
  for (const [index, revision] of missing.entries()) {
    await insertPackVersion(trx, {
      serviceId,
      version: published.length + index + 1,
      content: validatePack(revision.content),
      changeNote: revision.changeNote,
      userId: null,
    });
  }
  return missing.length;
}

/** Adds the national services and pack versions a database lacks, in one transaction; run at every start and by `aqp migrate`. */
export async function seedNationalCatalogue(deps: Deps): Promise<{ servicesAdded: number; packsAdded: number }> {
  return deps.db.transaction().execute(async (trx) => {
    await lockCatalogueSeed(trx);
    let servicesAdded = 0;
    let packsAdded = 0;
    for (const service of NATIONAL_SERVICES) {
      const existing = await findServiceByCode(trx, service.code);
      const serviceId = existing?.id ?? (await insertService(trx, service));
      if (!existing) servicesAdded += 1;
      else if (service.publicName) await fillPublicName(trx, serviceId, service.publicName);
      const revisions = NATIONAL_PACK_REVISIONS[service.code];
      if (revisions) packsAdded += await addMissingPacks(trx, serviceId, revisions);
    }
    if (servicesAdded || packsAdded) {
      await recordAudit(
        trx,
        { principal: null, clientAddress: null },
        { action: 'seed.catalogue', entityType: 'catalogue', details: { servicesAdded, packsAdded } },
      );
    }
    return { servicesAdded, packsAdded };
  });
}
