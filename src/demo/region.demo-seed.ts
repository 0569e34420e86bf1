/** The demo region's organisations, one account per role and the demo providers' first sites; never for production. */
import { upsertSite } from '../domains/directory/site.repo.ts';
import type { Deps } from '../domains/deps.ts';
import { recordAudit } from '../domains/identity/audit.repo.ts';
import { findPlatformOrganisation, upsertOrganisation, type NewOrganisation } from '../domains/identity/organisation.repo.ts';
import { hashPassword } from '../domains/identity/password.ts';
import type { Role } from '../domains/identity/roles.rules.ts';
import { findUserByEmail, insertMembership, insertUser } from '../domains/identity/user.repo.ts';

/** Demo-only password shared by every demo account (listed in the README). */
export const DEMO_PASSWORD = 'aqp-demo-password';

interface DemoOrganisation extends Omit<NewOrganisation, 'parentId'> {
  key: string;
  parentKey?: string;
}

/** Real ODS codes for West Yorkshire ICB, its sub-ICB locations and a Calderdale practice; DEMO codes for invented providers. */
const ORGANISATIONS: DemoOrganisation[] = [
  { key: 'platform', odsCode: null, name: 'AQP platform operator', kind: 'platform' },
  { key: 'national', odsCode: 'X24', name: 'NHS England', kind: 'national' },
  { key: 'region', odsCode: 'Y63', name: 'NHS England North East and Yorkshire', kind: 'region', parentKey: 'national' },
  { key: 'icb', odsCode: 'QWO', name: 'NHS West Yorkshire Integrated Care Board', kind: 'commissioner', parentKey: 'region' },
  { key: 'calderdale', odsCode: '02T', name: 'NHS West Yorkshire ICB - 02T', kind: 'commissioner', parentKey: 'icb', postcode: 'HX1 1PW' },
  {
    key: 'kirklees',
    odsCode: 'X2C4Y',
    name: 'NHS West Yorkshire ICB - X2C4Y',
    kind: 'commissioner',
    parentKey: 'icb',
    postcode: 'HD1 2LR',
  },
  { key: 'wakefield', odsCode: '03R', name: 'NHS West Yorkshire ICB - 03R', kind: 'commissioner', parentKey: 'icb', postcode: 'WF1 1LT' },
  { key: 'provider-a', odsCode: 'DEMO1', name: 'Pennine Hearing Care (demo)', kind: 'provider', postcode: 'HX1 1UJ' },
  { key: 'provider-b', odsCode: 'DEMO2', name: 'Calder Valley Physiotherapy (demo)', kind: 'provider', postcode: 'HD9 3TP' },
  { key: 'practice', odsCode: 'B84001', name: 'Station Road Surgery', kind: 'gp-practice', postcode: 'HX6 3AB', parentKey: 'calderdale' },
];

/** One account per role of PRODUCT.md §2, each in the organisation that role belongs to. */
export const DEMO_USERS: { email: string; name: string; role: Role; organisationKey: string }[] = [
  { email: 'national.admin@aqp.example', name: 'Nadia National', role: 'national-admin', organisationKey: 'national' },
  { email: 'regional.reviewer@aqp.example', name: 'Rehan Regional', role: 'regional-reviewer', organisationKey: 'region' },
  { email: 'commissioner@aqp.example', name: 'Chloe Commissioner', role: 'commissioner', organisationKey: 'icb' },
  { email: 'finance@aqp.example', name: 'Fiona Finance', role: 'commissioner-finance', organisationKey: 'icb' },
  { email: 'finance.approver@aqp.example', name: 'Femi Approver', role: 'commissioner-finance', organisationKey: 'icb' },
  { email: 'assessor@aqp.example', name: 'Aled Assessor', role: 'assessor', organisationKey: 'icb' },
  { email: 'provider.admin@aqp.example', name: 'Priya Provider', role: 'provider-admin', organisationKey: 'provider-a' },
  { email: 'clinician@aqp.example', name: 'Callum Clinician', role: 'provider-clinician', organisationKey: 'provider-a' },
  { email: 'referrer@aqp.example', name: 'Dr Rosa Referrer', role: 'referrer', organisationKey: 'practice' },
  { email: 'platform.admin@aqp.example', name: 'Pat Platform', role: 'platform-admin', organisationKey: 'platform' },
];

/** Demo providers' sites at real postcodes in Calderdale, Kirklees and Wakefield (coordinates from Code-Point Open). */
const DEMO_SITES: { organisationKey: string; name: string; postcode: string; latitude: number; longitude: number }[] = [
  { organisationKey: 'provider-a', name: 'Halifax hearing clinic', postcode: 'HX1 1UJ', latitude: 53.72436, longitude: -1.8607 },
  { organisationKey: 'provider-a', name: 'Huddersfield hearing clinic', postcode: 'HD3 3EA', latitude: 53.65547, longitude: -1.81634 },
  { organisationKey: 'provider-a', name: 'Wakefield hearing clinic', postcode: 'WF1 4DG', latitude: 53.69242, longitude: -1.48856 },
  { organisationKey: 'provider-b', name: 'Todmorden physiotherapy clinic', postcode: 'OL14 5RN', latitude: 53.71365, longitude: -2.09216 },
  { organisationKey: 'provider-b', name: 'Holmfirth physiotherapy clinic', postcode: 'HD9 3TP', latitude: 53.57711, longitude: -1.78428 },
  { organisationKey: 'provider-b', name: 'Pontefract physiotherapy clinic', postcode: 'WF8 1PL', latitude: 53.69048, longitude: -1.30815 },
];

/** Seeds the demo region's organisations, people and first sites in one transaction; running it again changes nothing (organisations upsert, existing users are kept). */
export async function seedDemoRegion(deps: Deps): Promise<{ organisations: number; usersCreated: number }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return deps.db.transaction().execute(async (trx) => {
    const ids = new Map<string, string>();
    for (const organisation of ORGANISATIONS) {
      const existing = organisation.odsCode ? undefined : await findPlatformOrganisation(trx, organisation.name);
      const id =
        existing?.id ??
        (await upsertOrganisation(trx, { ...organisation, parentId: organisation.parentKey ? ids.get(organisation.parentKey) : null })).id;
      ids.set(organisation.key, id);
    }
    let usersCreated = 0;
    for (const user of DEMO_USERS) {
      if (await findUserByEmail(trx, user.email)) continue;
      const userId = await insertUser(trx, { email: user.email, displayName: user.name, passwordHash });
      await insertMembership(trx, { userId, organisationId: ids.get(user.organisationKey)!, role: user.role });
      usersCreated += 1;
    }
    for (const site of DEMO_SITES) await upsertSite(trx, { ...site, organisationId: ids.get(site.organisationKey)! });
    await recordAudit(
      trx,
      { principal: null, clientAddress: null },
      { action: 'seed.demo', entityType: 'platform', details: { usersCreated } },
    );
    return { organisations: ORGANISATIONS.length, usersCreated };
  });
}
