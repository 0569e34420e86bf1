/**
 * A world for access tests: the full demo (whose objects all belong to the demo organisations) plus a second region
 * with its own commissioner, provider and practice, whose people are strangers to every demo object.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.ts';
import { createApiKey } from '../../src/domains/identity/api-key.service.ts';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/demo/region.demo-seed.ts';
import { findOrganisationByOdsCode, upsertOrganisation } from '../../src/domains/identity/organisation.repo.ts';
import { hashPassword } from '../../src/domains/identity/password.ts';
import { ROLES, type Role } from '../../src/domains/identity/roles.rules.ts';
import { findUserByEmail, insertMembership, insertUser } from '../../src/domains/identity/user.repo.ts';
import { inviteColleague } from '../../src/domains/providers/invitation.service.ts';
import type { Deps } from '../../src/domains/deps.ts';
import { aQueryOnTheDemoProvidersFirstLine } from './line-query-rows.ts';
import { createTestApp, type TestApp } from './test-app.ts';
import { routeCollector, type RegisteredRoute } from './route-catalogue.ts';
import { WebClient, csrfTokenIn } from './web-client.ts';

/** Someone making requests: a role (or nobody), a signed-in browser with a CSRF token, and an API key. */
export interface Caller {
  role: Role | 'anonymous';
  web: WebClient;
  csrfToken: string;
  apiKey: string | null;
}

export interface AccessWorld {
  t: TestApp;
  routes: RegisteredRoute[];
  callers: Caller[];
  /** A token for an open invitation to the demo provider, the only way to name an invitation from outside. */
  invitationToken: string;
}

/** The second region's organisations (codes the demo does not use): strangers to every demo object. */
const STRANGER_ORGANISATIONS = [
  { key: 'region', odsCode: 'Y56', name: 'NHS England London', kind: 'region', parentOds: 'X24' },
  { key: 'commissioner', odsCode: 'QMJ', name: 'NHS North Central London Integrated Care Board', kind: 'commissioner', parentOds: 'Y56' },
  { key: 'provider', odsCode: 'ZZ901', name: 'Camden Hearing (stranger)', kind: 'provider', parentOds: null },
  { key: 'practice', odsCode: 'F83004', name: 'Camden practice (stranger)', kind: 'gp-practice', parentOds: 'QMJ' },
] as const;

/** Who plays each role: strangers in the second region, except the national and platform roles, which have no second body (they belong to no demo provider, practice or ICB either). */
const PLAYERS: Record<Role, { email: string; organisation: string }> = {
  'national-admin': { email: 'national.admin@aqp.example', organisation: 'X24' },
  'platform-admin': { email: 'platform.admin@aqp.example', organisation: 'platform' },
  'regional-reviewer': { email: 'stranger.reviewer@aqp.example', organisation: 'Y56' },
  commissioner: { email: 'stranger.commissioner@aqp.example', organisation: 'QMJ' },
  'commissioner-finance': { email: 'stranger.finance@aqp.example', organisation: 'QMJ' },
  assessor: { email: 'stranger.assessor@aqp.example', organisation: 'QMJ' },
  'provider-admin': { email: 'stranger.provider@aqp.example', organisation: 'ZZ901' },
  'provider-clinician': { email: 'stranger.clinician@aqp.example', organisation: 'ZZ901' },
  referrer: { email: 'stranger.referrer@aqp.example', organisation: 'F83004' },
};

/**
 * Builds the world once per test file (about 15 s: the full demo seed and nine sign-ins). The callers are strangers to
 * the demo's objects, or with `as: 'owners'` the demo's own people (one per role), for tests that need to get past refusals.
 */
export async function buildAccessWorld(options: { as?: 'strangers' | 'owners' } = {}): Promise<AccessWorld> {
  const collector = routeCollector();
  const t = await createTestApp({ seed: 'full', onRoute: collector.onRoute });
  const organisationIds = await addStrangers(t.deps.db);
  const invitationToken = await openInvitationToDemoProvider(t.deps);
  await placePostcodeInCalderdale(t.deps.db);
  await aQueryOnTheDemoProvidersFirstLine(t.deps);
  await createApiKey(
    t.deps,
    { principal: null, clientAddress: null },
    { organisationId: organisationIds.get('QWO')!, name: 'Demo ICB finance system', role: 'commissioner' },
    { trusted: true },
  );
  const callers: Caller[] = [await anonymousCaller(t)];
  const emails =
    options.as === 'owners'
      ? new Map(DEMO_USERS.map((user) => [user.role, user.email]))
      : new Map(ROLES.map((role) => [role, PLAYERS[role].email]));
  for (const role of ROLES) callers.push(await callerFor(t, role, emails.get(role)!));
  return { t, routes: collector.routes, callers, invitationToken };
}

async function addStrangers(db: Kysely<Database>): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const ods of ['X24', 'QWO']) ids.set(ods, (await findOrganisationByOdsCode(db, ods))!.id);
  const platform = await db.selectFrom('organisations').select('id').where('kind', '=', 'platform').executeTakeFirstOrThrow();
  ids.set('platform', platform.id);
  for (const organisation of STRANGER_ORGANISATIONS) {
    const created = await upsertOrganisation(db, {
      odsCode: organisation.odsCode,
      name: organisation.name,
      kind: organisation.kind,
      parentId: organisation.parentOds ? ids.get(organisation.parentOds) : null,
    });
    ids.set(organisation.odsCode, created.id);
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const [role, player] of Object.entries(PLAYERS) as [Role, (typeof PLAYERS)[Role]][]) {
    if (await findUserByEmail(db, player.email)) continue;
    const userId = await insertUser(db, { email: player.email, displayName: `Stranger ${role}`, passwordHash });
    await insertMembership(db, { userId, organisationId: ids.get(player.organisation)!, role });
  }
  return ids;
}

/** The demo imports no postcode directory: place one patient postcode in the Calderdale sub-ICB so directory searches find a commissioner. */
async function placePostcodeInCalderdale(db: Kysely<Database>): Promise<void> {
  await db.updateTable('organisations').set({ ods_type: 'sub-icb' }).where('ods_code', '=', '02T').execute();
  await db.updateTable('organisations').set({ ods_type: 'icb' }).where('ods_code', '=', 'QWO').execute();
  await db.updateTable('postcodes').set({ sub_icb_code: '02T' }).where('postcode', '=', 'HX6 3AB').execute();
}

async function openInvitationToDemoProvider(deps: Deps): Promise<string> {
  const provider = (await findOrganisationByOdsCode(deps.db, 'DEMO1'))!;
  const admin = (await findUserByEmail(deps.db, 'provider.admin@aqp.example'))!;
  const principal = {
    kind: 'user' as const,
    userId: admin.id,
    displayName: 'Priya Provider',
    organisationId: provider.id,
    organisationName: provider.name,
    role: 'provider-admin' as const,
  };
  const input = { displayName: 'Ivy Invitee', email: 'ivy@pennine-hearing.example', role: 'provider-clinician' };
  const { token } = await inviteColleague(deps, { principal, clientAddress: null }, input);
  return token;
}

async function anonymousCaller(t: TestApp): Promise<Caller> {
  const web = new WebClient(t.app);
  return { role: 'anonymous', web, csrfToken: csrfTokenIn((await web.get('/referral-status')).body), apiKey: null };
}

async function callerFor(t: TestApp, role: Role, email: string): Promise<Caller> {
  const user = (await findUserByEmail(t.deps.db, email))!;
  const membership = await t.deps.db
    .selectFrom('memberships')
    .select('organisation_id')
    .where('user_id', '=', user.id)
    .where('role', '=', role)
    .executeTakeFirstOrThrow();
  const web = new WebClient(t.app);
  const signedIn = await web.signIn(email);
  if (signedIn.statusCode !== 303) throw new Error(`${email} could not sign in (${signedIn.statusCode})`);
  const csrfToken = csrfTokenIn((await web.get('/referral-status')).body);
  const { token } = await createApiKey(
    t.deps,
    { principal: null, clientAddress: null },
    { organisationId: membership.organisation_id, name: `${role} tools`, role },
    { trusted: true },
  );
  return { role, web, csrfToken, apiKey: token };
}
