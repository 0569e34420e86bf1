/** Demo proposals from West Yorkshire ICB to its region: one approved with reasons, one awaiting assessment; never for production. */
import type { Deps } from '../deps.ts';
import { findOrganisationByOdsCode } from '../identity/organisation.repo.ts';
import type { ActionContext } from '../identity/principal.ts';
import type { Role } from '../identity/roles.rules.ts';
import { findUserByEmail } from '../identity/user.repo.ts';
import { createProposal, submitProposal } from './proposal-drafting.service.ts';
import { findProposalByName } from './proposals.repo.ts';
import { ASSESSMENT_CRITERIA } from './proposals.rules.ts';
import { decideProposal, recordAssessments } from './regional-assessment.service.ts';

const PHLEBOTOMY = {
  name: 'Community phlebotomy',
  description: 'Blood tests in GP surgeries, community clinics and at home for housebound patients, with results returned to the requesting clinician.',
  rationale: 'Hospital phlebotomy clinics in Calderdale and Kirklees have waits of over an hour and patients travel up to 15 miles; practices and patient groups asked for tests closer to home with a choice of provider.',
};
const DERMATOLOGY = {
  name: 'Community dermatology',
  description: 'Assessment and treatment of common skin conditions (eczema, psoriasis, acne, benign lesions) by GPs with a special interest and dermatology nurses in community clinics.',
  rationale: 'Routine dermatology waits at the local trust exceed 30 weeks; four in ten referrals could be treated in the community; engagement events ranked it the top local candidate after the national list.',
};
const PHLEBOTOMY_REASONS = 'Approved: clear local need, a tested per-test currency and several capable providers in West Yorkshire. Affordability to be reviewed after the first year of activity.';

async function actingAs(deps: Deps, email: string, odsCode: string, role: Role): Promise<ActionContext | undefined> {
  const [user, organisation] = await Promise.all([findUserByEmail(deps.db, email), findOrganisationByOdsCode(deps.db, odsCode)]);
  if (!user || !organisation) return undefined;
  return { principal: { kind: 'user', userId: user.id, displayName: user.displayName, organisationId: organisation.id, organisationName: organisation.name, role }, clientAddress: null };
}

/** Seeds the two demo proposals through the same use cases people use (so they are audited); running it again changes nothing. */
export async function seedDemoProposals(deps: Deps): Promise<void> {
  const commissioner = await actingAs(deps, 'commissioner@aqp.example', 'QWO', 'commissioner');
  const reviewer = await actingAs(deps, 'regional.reviewer@aqp.example', 'Y63', 'regional-reviewer');
  if (!commissioner?.principal || !reviewer) return;
  const icbId = commissioner.principal.organisationId;
  if (!(await findProposalByName(deps.db, icbId, PHLEBOTOMY.name))) {
    const { id } = await createProposal(deps, commissioner, PHLEBOTOMY);
    await submitProposal(deps, commissioner, id);
    const notes: Record<string, [boolean, string]> = { affordability: [false, 'Demand may rise once choice is offered; the budget allows for 10% growth only.'] };
    await recordAssessments(deps, reviewer, id, ASSESSMENT_CRITERIA.map((criterion) => {
      const [met, note] = notes[criterion.code] ?? [true, `${criterion.title}: shown in the commissioner’s evidence.`];
      return { criterion: criterion.code, met, note };
    }));
    await decideProposal(deps, reviewer, id, { outcome: 'approved', reasons: PHLEBOTOMY_REASONS });
  }
  if (!(await findProposalByName(deps.db, icbId, DERMATOLOGY.name))) {
    const { id } = await createProposal(deps, commissioner, DERMATOLOGY);
    await submitProposal(deps, commissioner, id);
  }
}
