/** Queries over locally proposed services, their criterion assessments and the region each commissioner answers to. */
import { sql } from 'kysely';
import type { Executor } from '../../db/executor.ts';
import type { ProposalFields } from './proposals.rules.ts';

export interface OrganisationRef {
  id: string;
  odsCode: string | null;
  name: string;
}

export interface ProposalRecord {
  id: string;
  name: string;
  description: string;
  rationale: string;
  status: string;
  proposer: OrganisationRef;
  region: OrganisationRef;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  decidedAt: Date | null;
  decisionReasons: string | null;
  /** The local service its commissioner made from it once approved, with its current pack version. */
  localService: { code: string; packVersion: number | null } | null;
}

export interface AssessmentRecord {
  criterion: string;
  met: boolean;
  note: string;
  assessedAt: Date;
}

function proposalsQuery(db: Executor) {
  return db
    .selectFrom('local_service_proposals as p')
    .innerJoin('organisations as po', 'po.id', 'p.proposing_organisation_id')
    .innerJoin('organisations as ro', 'ro.id', 'p.region_organisation_id')
    .leftJoin('services as ls', 'ls.local_proposal_id', 'p.id')
    .select((eb) =>
      eb
        .selectFrom('implementation_packs as ip')
        .select((ip) => ip.fn.max('ip.version').as('v'))
        .whereRef('ip.service_id', '=', 'ls.id')
        .as('local_pack_version'),
    )
    .select([
      'p.id',
      'p.name',
      'p.description',
      'p.rationale',
      'p.status',
      'p.created_at',
      'p.updated_at',
      'p.submitted_at',
      'p.decided_at',
      'p.decision_reasons',
      'po.id as proposer_id',
      'po.ods_code as proposer_ods',
      'po.name as proposer_name',
      'ro.id as region_id',
      'ro.ods_code as region_ods',
      'ro.name as region_name',
      'ls.code as local_service_code',
    ]);
}

type ProposalRow = Awaited<ReturnType<ReturnType<typeof proposalsQuery>['executeTakeFirstOrThrow']>>;

function toProposal(row: ProposalRow): ProposalRecord {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    rationale: row.rationale,
    status: row.status,
    proposer: { id: row.proposer_id, odsCode: row.proposer_ods, name: row.proposer_name },
    region: { id: row.region_id, odsCode: row.region_ods, name: row.region_name },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    submittedAt: row.submitted_at,
    decidedAt: row.decided_at,
    decisionReasons: row.decision_reasons,
    localService: row.local_service_code
      ? { code: row.local_service_code, packVersion: row.local_pack_version === null ? null : Number(row.local_pack_version) }
      : null,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One proposal; `forUpdate` locks its row so two reviewers cannot decide it at once. */
export async function findProposal(db: Executor, id: string, options: { forUpdate?: boolean } = {}): Promise<ProposalRecord | undefined> {
  if (!UUID.test(id)) return undefined;
  let query = proposalsQuery(db).where('p.id', '=', id);
  if (options.forUpdate) query = query.forUpdate('p');
  const row = await query.executeTakeFirst();
  return row && toProposal(row);
}

export interface ProposalFilter {
  proposerId?: string;
  regionId?: string;
  statuses?: readonly string[];
  limit: number;
  offset: number;
}

/** One page of proposals for a proposer or a region, newest activity first, with a total. */
export async function listProposals(db: Executor, filter: ProposalFilter): Promise<{ rows: ProposalRecord[]; total: number }> {
  let query = proposalsQuery(db);
  if (filter.proposerId) query = query.where('p.proposing_organisation_id', '=', filter.proposerId);
  if (filter.regionId) query = query.where('p.region_organisation_id', '=', filter.regionId);
  if (filter.statuses?.length) query = query.where('p.status', 'in', filter.statuses);
  const rows = await query.orderBy('p.updated_at', 'desc').orderBy('p.id').limit(filter.limit).offset(filter.offset).execute();
  const count = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  return { rows: rows.map(toProposal), total: Number(count.total) };
}

/** The nearest ancestor of an organisation (or itself) whose kind is region, following parent_id. */
export async function findRegionOf(db: Executor, organisationId: string): Promise<OrganisationRef | undefined> {
  const result = await sql<{ id: string; ods_code: string | null; name: string }>`
    WITH RECURSIVE chain (id, ods_code, name, kind, parent_id, depth) AS (
      SELECT id, ods_code, name, kind, parent_id, 0 FROM organisations WHERE id = ${organisationId}
      UNION ALL
      SELECT o.id, o.ods_code, o.name, o.kind, o.parent_id, c.depth + 1 FROM organisations o JOIN chain c ON o.id = c.parent_id WHERE c.depth < 10
    )
    SELECT id, ods_code, name FROM chain WHERE kind = 'region' ORDER BY depth LIMIT 1`.execute(db);
  const row = result.rows[0];
  return row && { id: row.id, odsCode: row.ods_code, name: row.name };
}

/** Every national service's code and name, for refusing a proposal that duplicates one. */
export async function nationalServiceNames(db: Executor): Promise<{ code: string; name: string }[]> {
  return db.selectFrom('services').select(['code', 'name']).where('local_proposal_id', 'is', null).execute();
}

/** Creates a draft proposal addressed to the proposer's region; returns its id. */
export async function insertProposal(
  db: Executor,
  proposal: ProposalFields & { proposerId: string; regionId: string; userId: string | null },
): Promise<string> {
  const row = await db
    .insertInto('local_service_proposals')
    .values({
      proposing_organisation_id: proposal.proposerId,
      region_organisation_id: proposal.regionId,
      name: proposal.name,
      description: proposal.description,
      rationale: proposal.rationale,
      created_by_user_id: proposal.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Changes a draft proposal's name, description and rationale. */
export async function updateProposalFields(db: Executor, id: string, fields: ProposalFields, at: Date): Promise<void> {
  await db
    .updateTable('local_service_proposals')
    .set({ name: fields.name, description: fields.description, rationale: fields.rationale, updated_at: at })
    .where('id', '=', id)
    .execute();
}

/** Submits a proposal, addressing it to the proposer's region as it stands at submission, with who submitted it and when. */
export async function markSubmitted(
  db: Executor,
  id: string,
  change: { regionId: string; userId: string | null; at: Date },
): Promise<void> {
  await db
    .updateTable('local_service_proposals')
    .set({
      status: 'submitted',
      region_organisation_id: change.regionId,
      submitted_at: change.at,
      submitted_by_user_id: change.userId,
      updated_at: change.at,
    })
    .where('id', '=', id)
    .execute();
}

/** Records the region's decision (approved or rejected) with its reasons and who made it. */
export async function markDecided(
  db: Executor,
  id: string,
  decision: { outcome: string; reasons: string; userId: string | null; at: Date },
): Promise<void> {
  await db
    .updateTable('local_service_proposals')
    .set({
      status: decision.outcome,
      decision_reasons: decision.reasons,
      decided_at: decision.at,
      decided_by_user_id: decision.userId,
      updated_at: decision.at,
    })
    .where('id', '=', id)
    .execute();
}

/** Records or replaces the assessment of each criterion given. */
export async function upsertAssessments(
  db: Executor,
  proposalId: string,
  items: { criterion: string; met: boolean; note: string }[],
  by: { userId: string | null; at: Date },
): Promise<void> {
  for (const item of items) {
    await db
      .insertInto('proposal_assessments')
      .values({
        proposal_id: proposalId,
        criterion: item.criterion,
        is_met: item.met,
        note: item.note,
        assessed_by_user_id: by.userId,
        assessed_at: by.at,
      })
      .onConflict((oc) =>
        oc
          .columns(['proposal_id', 'criterion'])
          .doUpdateSet({ is_met: item.met, note: item.note, assessed_by_user_id: by.userId, assessed_at: by.at }),
      )
      .execute();
  }
  await db.updateTable('local_service_proposals').set({ updated_at: by.at }).where('id', '=', proposalId).execute();
}

/** The region's assessment of each criterion recorded so far, in no particular order. */
export async function assessmentsOf(db: Executor, proposalId: string): Promise<AssessmentRecord[]> {
  const rows = await db
    .selectFrom('proposal_assessments')
    .select(['criterion', 'is_met', 'note', 'assessed_at'])
    .where('proposal_id', '=', proposalId)
    .execute();
  return rows.map((row) => ({ criterion: row.criterion, met: row.is_met, note: row.note, assessedAt: row.assessed_at }));
}

/** The proposal a demo or import already made, found by proposer and name. */
export async function findProposalByName(
  db: Executor,
  proposerId: string,
  name: string,
): Promise<{ id: string; status: string } | undefined> {
  return db
    .selectFrom('local_service_proposals')
    .select(['id', 'status'])
    .where('proposing_organisation_id', '=', proposerId)
    .where('name', '=', name)
    .executeTakeFirst();
}
