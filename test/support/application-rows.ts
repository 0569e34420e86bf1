/** Builders for application tests: a provider with an admin and sites, a second commissioner with an open offer, and a complete set of answers. */
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.ts';
import type { ApplicationAnswers } from '../../src/domains/applications/application-criteria.rules.ts';
import type { Deps } from '../../src/domains/deps.ts';
import { DEMO_PASSWORD } from '../../src/demo/region.demo-seed.ts';
import { upsertOrganisation } from '../../src/domains/identity/organisation.repo.ts';
import { hashPassword } from '../../src/domains/identity/password.ts';
import type { ActionContext } from '../../src/domains/identity/principal.ts';
import type { Role } from '../../src/domains/identity/roles.rules.ts';
import { insertMembership, insertUser } from '../../src/domains/identity/user.repo.ts';
import { changeOfferDetails, openOffer } from '../../src/domains/offers/offer.service.ts';
import { changeOfferStatus, setPriceSchedule } from '../../src/domains/offers/offer-terms.service.ts';

let passwordHash: Promise<string> | undefined;

/** Adds a person with a role in an organisation, signing in with the demo password. */
export async function aPerson(db: Kysely<Database>, organisationId: string, role: Role, email: string): Promise<string> {
  passwordHash ??= hashPassword(DEMO_PASSWORD);
  const userId = await insertUser(db, { email, displayName: email.split('@')[0]!, passwordHash: await passwordHash });
  await insertMembership(db, { userId, organisationId, role });
  return userId;
}

/** Real Calderdale, Kirklees and Wakefield postcodes with their Code-Point Open coordinates, for test providers' sites. */
const TEST_SITES = [
  { name: 'Halifax clinic', postcode: 'HX1 1UJ', latitude: 53.72436, longitude: -1.8607 },
  { name: 'Huddersfield clinic', postcode: 'HD3 3EA', latitude: 53.65547, longitude: -1.81634 },
  { name: 'Wakefield clinic', postcode: 'WF1 4DG', latitude: 53.69242, longitude: -1.48856 },
];

/** A provider organisation with an admin (email given, demo password) and sites at real postcodes (one unless asked for more, up to three). */
export async function aProvider(
  db: Kysely<Database>,
  input: { odsCode: string; name: string; adminEmail: string; sites?: number },
): Promise<{ id: string; siteId: string; siteIds: string[] }> {
  const organisation = await upsertOrganisation(db, { odsCode: input.odsCode, name: input.name, kind: 'provider', postcode: 'WF1 4DG' });
  await aPerson(db, organisation.id, 'provider-admin', input.adminEmail);
  const sites = await db
    .insertInto('sites')
    .values(
      TEST_SITES.slice(0, input.sites ?? 1).map((site) => ({
        organisation_id: organisation.id,
        name: `${input.name} ${site.name}`,
        postcode: site.postcode,
        latitude: site.latitude,
        longitude: site.longitude,
      })),
    )
    .returning('id')
    .execute();
  return { id: organisation.id, siteId: sites[0]!.id, siteIds: sites.map((site) => site.id) };
}

/** A second commissioner (an ICB of its own, with one sub-ICB location) with a commissioner and an assessor, and an open back pain offer it leads covering that location, made through the offer services. */
export async function anotherCommissionerWithOpenOffer(
  deps: Deps,
  input: { odsCode: string; name: string; email: string; windowOpens: string; contractStart: string },
): Promise<{ organisationId: string; offerId: string }> {
  const organisation = await upsertOrganisation(deps.db, {
    odsCode: input.odsCode,
    name: input.name,
    kind: 'commissioner',
    postcode: 'LS1 4HR',
  });
  const location = await upsertOrganisation(deps.db, {
    odsCode: `X${input.odsCode}`,
    name: `${input.name} - X${input.odsCode}`,
    kind: 'commissioner',
    parentId: organisation.id,
    postcode: 'LS1 4HR',
  });
  const userId = await aPerson(deps.db, organisation.id, 'commissioner', `commissioner@${input.email}`);
  await aPerson(deps.db, organisation.id, 'assessor', `assessor@${input.email}`);
  const context: ActionContext = {
    principal: {
      kind: 'user',
      userId,
      displayName: 'Commissioner',
      organisationId: organisation.id,
      organisationName: input.name,
      role: 'commissioner',
    },
    clientAddress: null,
  };
  const { id } = await openOffer(deps, context, {
    serviceCode: 'back-and-neck-pain',
    title: `Back and neck pain, ${input.name}`,
    summary: '',
    coverage: [location.odsCode!],
  });
  const contractEnd = `${Number(input.contractStart.slice(0, 4)) + 3}-03-31`;
  await changeOfferDetails(deps, context, id, {
    title: `Back and neck pain, ${input.name}`,
    summary: '',
    contractStart: input.contractStart,
    contractEnd,
    windowKind: 'rolling',
    windowOpens: input.windowOpens,
    windowCloses: null,
  });
  await setPriceSchedule(deps, context, id, {
    effectiveFrom: input.contractStart,
    prices: [{ complexityBand: 'STANDARD', pricePence: 25_000 }],
  });
  await changeOfferStatus(deps, context, id, 'published', 'Approved');
  await changeOfferStatus(deps, context, id, 'open', 'Window open');
  return { organisationId: organisation.id, offerId: id };
}

/** Answers every standard criterion and each given question, accepting the contract and the price. */
export function completeAnswers(questionIds: string[] = [], overrides: Partial<ApplicationAnswers> = {}): ApplicationAnswers {
  return {
    acceptsContract: true,
    acceptsPrice: true,
    capability: 'Three clinics staffed by registered practitioners, open six days a week.',
    compliesWithProtocol: true,
    protocolCompliance: 'We accept only referrals meeting the protocol and return red flags to the GP the same day.',
    agreesToLocalSchedules: true,
    questionAnswers: Object.fromEntries(questionIds.map((id) => [id, `Our answer to ${id}.`])),
    ...overrides,
  };
}

/** The action context of a person acting in one of their roles, for setting up data through the services. */
export async function contextOf(db: Kysely<Database>, email: string, role: Role): Promise<ActionContext> {
  const row = await db
    .selectFrom('users as u')
    .innerJoin('memberships as m', 'm.user_id', 'u.id')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['u.id', 'u.display_name', 'o.id as organisation_id', 'o.name'])
    .where('u.email', '=', email)
    .where('m.role', '=', role)
    .executeTakeFirstOrThrow();
  return {
    principal: {
      kind: 'user',
      userId: row.id,
      displayName: row.display_name,
      organisationId: row.organisation_id,
      organisationName: row.name,
      role,
    },
    clientAddress: null,
  };
}

/** The ids of an organisation's sites, by ODS code. */
export async function siteIdsOf(db: Kysely<Database>, odsCode: string): Promise<string[]> {
  const rows = await db
    .selectFrom('sites as s')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .select('s.id')
    .where('o.ods_code', '=', odsCode)
    .orderBy('s.name')
    .execute();
  return rows.map((row) => row.id);
}

/** The id of an organisation by ODS code. */
export async function organisationIdOf(db: Kysely<Database>, odsCode: string): Promise<string> {
  return (await db.selectFrom('organisations').select('id').where('ods_code', '=', odsCode).executeTakeFirstOrThrow()).id;
}
