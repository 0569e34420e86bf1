/**
 * The few objects a demo user would make on a first morning that the seed leaves out, so every page naming one can be
 * opened: an API key of the demo ICB, an invitation to the demo provider and a query on one of its activity lines
 * (the access tests make the same three; test/support/access-world.ts).
 */
import type { Deps } from '../src/domains/deps.ts';
import { createApiKey } from '../src/domains/identity/api-key.service.ts';
import { findOrganisationByOdsCode } from '../src/domains/identity/organisation.repo.ts';
import { findUserByEmail } from '../src/domains/identity/user.repo.ts';
import { inviteColleague } from '../src/domains/providers/invitation.service.ts';
import { aQueryOnTheDemoProvidersFirstLine } from '../test/support/line-query-rows.ts';

const system = { principal: null, clientAddress: null };

/** Adds the API key, invitation and line query; run once on a freshly seeded demo. */
export async function addFirstMorningObjects(deps: Deps): Promise<void> {
  const icb = (await findOrganisationByOdsCode(deps.db, 'QWO'))!;
  await createApiKey(deps, system, { organisationId: icb.id, name: 'Demo ICB finance system', role: 'commissioner' }, { trusted: true });
  const provider = (await findOrganisationByOdsCode(deps.db, 'DEMO1'))!;
  const admin = (await findUserByEmail(deps.db, 'provider.admin@aqp.example'))!;
  const principal = {
    kind: 'user' as const,
    userId: admin.id,
    displayName: admin.displayName,
    organisationId: provider.id,
    organisationName: provider.name,
    role: 'provider-admin' as const,
  };
  const invitee = { displayName: 'Ivy Invitee', email: 'ivy@pennine-hearing.example', role: 'provider-clinician' };
  await inviteColleague(deps, { principal, clientAddress: null }, invitee);
  await aQueryOnTheDemoProvidersFirstLine(deps);
}
