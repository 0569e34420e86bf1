/** Loads the national catalogue: adds services and first packs that are missing, never overwriting national admins' edits; a lock keeps web nodes started together from racing. */
import { sql } from 'kysely';
import type { Deps } from '../deps.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import { findServiceByCode, insertPackVersion, insertService } from './catalogue.repo.ts';
import { validatePack } from './implementation-pack.schema.ts';
import { NATIONAL_PACKS } from './national-packs.seed.ts';
import { NATIONAL_SERVICES } from './national-services.seed.ts';

export async function seedNationalCatalogue(deps: Deps): Promise<{ servicesAdded: number; packsAdded: number }> {
  return deps.db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext('aqp.seed-national-catalogue'))`.execute(trx);
    let servicesAdded = 0;
    let packsAdded = 0;
    for (const service of NATIONAL_SERVICES) {
      const existing = await findServiceByCode(trx, service.code);
      const serviceId = existing?.id ?? (await insertService(trx, service));
      if (!existing) servicesAdded += 1;
      const pack = NATIONAL_PACKS[service.code];
      if (pack && !existing?.currentPackVersion) {
        await insertPackVersion(trx, { serviceId, version: 1, content: validatePack(pack.content), changeNote: pack.changeNote, userId: null });
        packsAdded += 1;
      }
    }
    if (servicesAdded || packsAdded) {
      await recordAudit(trx, { principal: null, clientAddress: null }, { action: 'seed.catalogue', entityType: 'catalogue', details: { servicesAdded, packsAdded } });
    }
    return { servicesAdded, packsAdded };
  });
}
