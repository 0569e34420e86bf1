/** The demo prioritisation: Calderdale, Kirklees and Wakefield's 2011 engagement (shared/context/seeds/003), owned by West Yorkshire ICB. */
import type { Deps } from '../domains/deps.ts';
import type { Executor } from '../db/executor.ts';
import { recordAudit } from '../domains/identity/audit.repo.ts';
import { findOrganisationByOdsCode } from '../domains/identity/organisation.repo.ts';
import {
  criteriaOf,
  insertMilestones,
  milestonesOf,
  replaceCriteriaRows,
  scoresOf,
  updateMilestoneRow,
  upsertScores,
} from '../domains/prioritisation/criteria.repo.ts';
import { notificationText } from '../domains/prioritisation/decision.service.ts';
import {
  insertLocalItem,
  insertNationalItems,
  insertResponses,
  itemsOf,
  responsesOf,
  setShortList,
} from '../domains/prioritisation/long-list.repo.ts';
import { milestonesForPlanYear } from '../domains/prioritisation/milestones.rules.ts';
import { rankItems } from '../domains/prioritisation/run-overview.service.ts';
import { hasRunTitled, insertRun, nearestRegionAbove, recordApproval, recordNotification } from '../domains/prioritisation/run.repo.ts';
import type { Priority } from '../domains/prioritisation/scoring.rules.ts';

export const DEMO_RUN_TITLE = 'Calderdale, Kirklees and Wakefield AQP engagement 2011';

/** The report's local candidates: services proposed locally, three of them already Any Willing Provider services. */
const LOCAL_CANDIDATES = [
  { name: 'Dermatology', description: 'Proposed by clinical commissioning groups and Health and Wellbeing Boards.' },
  { name: 'WY Sexual Assault Referral Centre', description: 'The West Yorkshire Sexual Assault Referral Centre, proposed locally.' },
  { name: 'Phlebotomy', description: 'Already an Any Willing Provider service in NHS Kirklees.' },
  { name: 'Community Ultrasound', description: 'Already an Any Willing Provider service in NHS Wakefield District.' },
  { name: 'Cataracts', description: 'Already an Any Willing Provider service in NHS Wakefield District.' },
];

/** The groups whose results the report gleaned (section 3), plus the public web survey. */
const GROUPS = [
  'Patients, carers and relatives, general public (web survey)',
  'Calderdale Commissioning Consortium',
  'Greater Huddersfield Commissioning Consortium',
  'North Kirklees Health Alliance',
  'Wakefield Alliance',
  'Shadow Health and Wellbeing Boards',
  'CHFT Contract Committee',
  'SWYPFT Quality Board',
  'MYHT Contract Management Group',
  'KCHS/Locala Contract Management Group',
  'CHFT Contract Management Board',
];

/** Criteria the report names as "prioritisation and benefits criteria"; their names and weights are illustrative. */
const CRITERIA = [
  {
    kind: 'prioritisation' as const,
    name: 'Patient and public views',
    description: 'What patients and the public said in engagement, PALS, complaints and surveys.',
    weight: 30,
  },
  {
    kind: 'prioritisation' as const,
    name: 'Local need and inequalities',
    description: 'Gaps, waiting times and inequalities in access across the cluster.',
    weight: 25,
  },
  {
    kind: 'prioritisation' as const,
    name: 'Deliverable by September 2012',
    description: 'A national implementation pack and a provider market exist.',
    weight: 20,
  },
  {
    kind: 'benefits' as const,
    name: 'Improves access and choice',
    description: 'More places, shorter waits, care closer to home.',
    weight: 15,
  },
  { kind: 'benefits' as const, name: 'Improves quality', description: 'Where patients reported variable quality in the past.', weight: 10 },
];

/** Illustrative scores per criterion (in the order above) and the priority each group gave; the report lists the groups, not their answers. */
const ASSESSMENT: Record<string, { scores: number[]; priorities: Priority[] }> = {
  'adult-hearing': {
    scores: [5, 4, 5, 5, 4],
    priorities: ['high', 'high', 'high', 'mid', 'high', 'high', 'mid', 'high', 'high', 'mid', 'high'],
  },
  'psychological-therapies': {
    scores: [5, 5, 4, 4, 4],
    priorities: ['high', 'high', 'mid', 'high', 'high', 'high', 'mid', 'high', 'mid', 'high', 'mid'],
  },
  'back-and-neck-pain': {
    scores: [5, 4, 4, 5, 4],
    priorities: ['high', 'mid', 'high', 'high', 'high', 'mid', 'high', 'mid', 'high', 'high', 'high'],
  },
  podiatry: { scores: [4, 3, 4, 3, 3], priorities: ['mid', 'high', 'mid', 'mid', 'low', 'mid', 'mid', 'low', 'mid', 'high', 'mid'] },
  continence: { scores: [3, 3, 3, 3, 3], priorities: ['mid', 'mid', 'low', 'mid', 'mid', 'high', 'low', 'mid', 'low', 'mid', 'low'] },
  'wheelchair-services': {
    scores: [3, 3, 2, 3, 3],
    priorities: ['mid', 'low', 'mid', 'low', 'mid', 'mid', 'low', 'low', 'low', 'mid', 'low'],
  },
  'leg-ulcer-and-wound-healing': {
    scores: [3, 3, 3, 2, 3],
    priorities: ['mid', 'mid', 'low', 'low', 'mid', 'low', 'mid', 'low', 'low', 'mid', 'low'],
  },
  'non-obstetric-ultrasound': {
    scores: [2, 2, 4, 3, 2],
    priorities: ['low', 'mid', 'low', 'low', 'mid', 'low', 'low', 'low', 'mid', 'low', 'low'],
  },
  mri: { scores: [2, 2, 3, 3, 2], priorities: ['low', 'low', 'low', 'mid', 'low', 'low', 'low', 'low', 'low', 'low', 'mid'] },
  Dermatology: { scores: [3, 3, 2, 3, 2], priorities: ['mid', 'high', 'mid', 'low', 'mid', 'mid', 'low', 'low', 'mid', 'low', 'low'] },
  'WY Sexual Assault Referral Centre': {
    scores: [2, 4, 1, 2, 3],
    priorities: ['low', 'low', 'mid', 'low', 'low', 'mid', 'low', 'low', 'low', 'low', 'low'],
  },
  Phlebotomy: { scores: [2, 2, 4, 3, 2], priorities: ['mid', 'low', 'mid', 'low', 'low', 'low', 'low', 'low', 'low', 'mid', 'low'] },
  'Community Ultrasound': {
    scores: [2, 2, 4, 3, 2],
    priorities: ['low', 'low', 'low', 'low', 'mid', 'low', 'low', 'low', 'mid', 'low', 'low'],
  },
  Cataracts: { scores: [2, 2, 4, 2, 2], priorities: ['low', 'low', 'low', 'low', 'mid', 'low', 'low', 'low', 'low', 'low', 'low'] },
};

const BENEFITS: Record<Priority, string> = {
  high: 'Shorter waits and care closer to home',
  mid: 'More choice of provider',
  low: 'Little change expected',
};
const SHORT_LIST = ['adult-hearing', 'back-and-neck-pain', 'psychological-therapies'];
/** The report gives the deadline, not the board's date; the demo records approval and notification on the milestone date. */
const APPROVED_AT = new Date('2011-10-31T10:00:00Z');
const NOTIFIED_AT = new Date('2011-10-31T16:00:00Z');

async function scoreAndRespond(trx: Executor, runId: string): Promise<void> {
  const items = await itemsOf(trx, runId);
  const keyOf = (item: { serviceCode: string | null; name: string }) => item.serviceCode ?? item.name;
  await insertResponses(
    trx,
    items.flatMap((item) =>
      (ASSESSMENT[keyOf(item)]?.priorities ?? []).map((priority, index) => ({
        itemId: item.id,
        group: GROUPS[index]!,
        priority,
        benefits: BENEFITS[priority],
        comment: keyOf(item) === 'back-and-neck-pain' ? 'Considered as musculoskeletal services in general, to reflect local need.' : '',
        source: 'form' as const,
      })),
    ),
  );
  await replaceCriteriaRows(trx, runId, CRITERIA);
  const criteria = await criteriaOf(trx, runId);
  await upsertScores(
    trx,
    items.flatMap((item) =>
      criteria.map((criterion, index) => ({
        itemId: item.id,
        criterionId: criterion.id,
        score: ASSESSMENT[keyOf(item)]?.scores[index] ?? 0,
      })),
    ),
  );
  await setShortList(
    trx,
    runId,
    items.filter((item) => SHORT_LIST.includes(keyOf(item))).map((item) => item.id),
  );
}

/** Seeds the demo run once (nothing happens if it exists, or if the demo organisations are missing). */
export async function seedDemoPrioritisation(deps: Deps): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const owner = await findOrganisationByOdsCode(trx, 'QWO');
    if (!owner) return;
    if (await hasRunTitled(trx, owner.id, DEMO_RUN_TITLE)) return;
    const members = (await Promise.all(['02T', 'X2C4Y', '03R'].map((code) => findOrganisationByOdsCode(trx, code)))).filter(
      (member) => member !== undefined,
    );
    const runId = await insertRun(trx, {
      organisationId: owner.id,
      title: DEMO_RUN_TITLE,
      yearLabel: '2012/13',
      userId: null,
      memberIds: members.map((member) => member.id),
    });
    await insertNationalItems(trx, runId, ['2012-13-priority']);
    for (const candidate of LOCAL_CANDIDATES) await insertLocalItem(trx, runId, candidate);
    await scoreAndRespond(trx, runId);
    await recordApproval(trx, runId, {
      boardName: 'Cluster Board',
      note: 'Approved the three services for patient choice of Any Qualified Provider from April 2012.',
      at: APPROVED_AT,
      userId: null,
    });
    const region = await nearestRegionAbove(trx, owner.id);
    const ranked = rankItems(
      await itemsOf(trx, runId),
      await criteriaOf(trx, runId),
      await scoresOf(trx, runId),
      await responsesOf(trx, runId),
    );
    const run = {
      organisationName: owner.name,
      yearLabel: '2012/13',
      title: DEMO_RUN_TITLE,
      boardName: 'Cluster Board',
      approvedAt: APPROVED_AT,
    };
    if (region)
      await recordNotification(trx, runId, {
        regionId: region.id,
        text: notificationText(
          run,
          ranked.filter((item) => item.isShortListed),
          '31 October 2011',
        ),
        at: NOTIFIED_AT,
      });
    await insertMilestones(trx, runId, milestonesForPlanYear(2012));
    for (const milestone of await milestonesOf(trx, runId)) {
      await updateMilestoneRow(trx, runId, milestone.id, { dueOn: milestone.dueOn, status: 'done', completedOn: milestone.dueOn });
    }
    await recordAudit(
      trx,
      { principal: null, clientAddress: null },
      { action: 'seed.demo-prioritisation', entityType: 'prioritisation-run', entityId: runId },
    );
  });
}
