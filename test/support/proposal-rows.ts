/** Builders for local service proposals: one from the demo commissioner, taken through its region as far as a test needs. */
import type { Deps } from '../../src/domains/deps.ts';
import { createProposal, submitProposal } from '../../src/domains/proposals/proposal-drafting.service.ts';
import { ASSESSMENT_CRITERIA } from '../../src/domains/proposals/proposals.rules.ts';
import { decideProposal, recordAssessments } from '../../src/domains/proposals/regional-assessment.service.ts';
import { contextOf } from './application-rows.ts';

const ALL_MET = ASSESSMENT_CRITERIA.map((criterion) => ({
  criterion: criterion.code,
  met: true,
  note: `${criterion.title}: evidence seen.`,
}));

/** A proposal of West Yorkshire ICB (commissioner@aqp.example) to its region, left submitted or decided by the region's reviewer. */
export async function aProposalOfTheDemoIcb(deps: Deps, name: string, outcome: 'submitted' | 'approved' | 'rejected'): Promise<string> {
  const commissioner = await contextOf(deps.db, 'commissioner@aqp.example', 'commissioner');
  const reviewer = await contextOf(deps.db, 'regional.reviewer@aqp.example', 'regional-reviewer');
  const { id } = await createProposal(deps, commissioner, {
    name,
    description: `${name}: care closer to home.`,
    rationale: 'Long waits at the trust; patients asked for a choice of provider.',
  });
  await submitProposal(deps, commissioner, id);
  if (outcome === 'submitted') return id;
  await recordAssessments(deps, reviewer, id, ALL_MET);
  await decideProposal(deps, reviewer, id, { outcome, reasons: 'Decided on the evidence.' });
  return id;
}
