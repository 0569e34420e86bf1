/** Demo proposals from West Yorkshire ICB to its region: one approved with reasons, one awaiting assessment; never for production. */
import type { Deps } from '../domains/deps.ts';
import { createProposal, submitProposal } from '../domains/proposals/proposal-drafting.service.ts';
import { findProposalByName } from '../domains/proposals/proposals.repo.ts';
import { ASSESSMENT_CRITERIA } from '../domains/proposals/proposals.rules.ts';
import { decideProposal, recordAssessments } from '../domains/proposals/regional-assessment.service.ts';
import { demoActor } from './demo-actor.ts';

const PHLEBOTOMY = {
  name: 'Community phlebotomy',
  description:
    'Blood tests in GP surgeries, community clinics and at home for housebound patients, with results returned to the requesting clinician.',
  rationale:
    'Hospital phlebotomy clinics in Calderdale and Kirklees have waits of over an hour and patients travel up to 15 miles; practices and patient groups asked for tests closer to home with a choice of provider.',
};
const DERMATOLOGY = {
  name: 'Community dermatology',
  description:
    'Assessment and treatment of common skin conditions (eczema, psoriasis, acne, benign lesions) by GPs with a special interest and dermatology nurses in community clinics.',
  rationale:
    'Routine dermatology waits at the local trust exceed 30 weeks; four in ten referrals could be treated in the community; engagement events ranked it the top local candidate after the national list.',
};
const PHLEBOTOMY_REASONS =
  'Approved: clear local need, a tested per-test currency and several capable providers in West Yorkshire. Affordability to be reviewed after the first year of activity.';

/** Seeds the two demo proposals through the same use cases people use (so they are audited); running it again changes nothing. */
export async function seedDemoProposals(deps: Deps): Promise<void> {
  const commissioner = await demoActor(deps, { role: 'commissioner', email: 'commissioner@aqp.example' });
  const reviewer = await demoActor(deps, { role: 'regional-reviewer', email: 'regional.reviewer@aqp.example' });
  if (!commissioner?.principal || !reviewer) return;
  const icbId = commissioner.principal.organisationId;
  if (!(await findProposalByName(deps.db, icbId, PHLEBOTOMY.name))) {
    const { id } = await createProposal(deps, commissioner, PHLEBOTOMY);
    await submitProposal(deps, commissioner, id);
    const notes: Record<string, [boolean, string]> = {
      affordability: [false, 'Demand may rise once choice is offered; the budget allows for 10% growth only.'],
    };
    await recordAssessments(
      deps,
      reviewer,
      id,
      ASSESSMENT_CRITERIA.map((criterion) => {
        const [met, note] = notes[criterion.code] ?? [true, `${criterion.title}: shown in the commissioner’s evidence.`];
        return { criterion: criterion.code, met, note };
      }),
    );
    await decideProposal(deps, reviewer, id, { outcome: 'approved', reasons: PHLEBOTOMY_REASONS });
  }
  if (!(await findProposalByName(deps.db, icbId, DERMATOLOGY.name))) {
    const { id } = await createProposal(deps, commissioner, DERMATOLOGY);
    await submitProposal(deps, commissioner, id);
  }
}
