/** Queries over prioritisation runs, their member commissioners and the organisations around them. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Executor } from '../../db/executor.ts';
import { isUuid } from '../identity/organisation.repo.ts';
import type { RunStatus } from './run-status.rules.ts';

export interface RunRecord {
  id: string;
  organisationId: string;
  organisationName: string;
  title: string;
  yearLabel: string;
  status: RunStatus;
  boardName: string | null;
  approvalNote: string | null;
  approvedAt: Date | null;
  approvedByName: string | null;
  notifiedOrganisationId: string | null;
  notifiedOrganisationName: string | null;
  notificationText: string | null;
  notifiedAt: Date | null;
  createdAt: Date;
}

export interface MemberRecord {
  id: string;
  odsCode: string | null;
  name: string;
}

function runsQuery(db: Executor) {
  return db
    .selectFrom('prioritisation_runs as r')
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    .leftJoin('organisations as n', 'n.id', 'r.notified_organisation_id')
    .leftJoin('users as u', 'u.id', 'r.approved_by_user_id')
    .select([
      'r.id',
      'r.organisation_id',
      'o.name as organisation_name',
      'r.title',
      'r.year_label',
      'r.status',
      'r.board_name',
      'r.approval_note',
      'r.approved_at',
      'u.display_name as approved_by_name',
      'r.notified_organisation_id',
      'n.name as notified_organisation_name',
      'r.notification_text',
      'r.notified_at',
      'r.created_at',
    ]);
}

type RunRow = Awaited<ReturnType<ReturnType<typeof runsQuery>['executeTakeFirstOrThrow']>>;

function toRun(row: RunRow): RunRecord {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    title: row.title,
    yearLabel: row.year_label,
    status: row.status as RunStatus,
    boardName: row.board_name,
    approvalNote: row.approval_note,
    approvedAt: row.approved_at,
    approvedByName: row.approved_by_name,
    notifiedOrganisationId: row.notified_organisation_id,
    notifiedOrganisationName: row.notified_organisation_name,
    notificationText: row.notification_text,
    notifiedAt: row.notified_at,
    createdAt: row.created_at,
  };
}

/** One run with its organisation, approver and notified region; undefined for an unknown or malformed id. */
export async function findRun(db: Executor, id: string): Promise<RunRecord | undefined> {
  if (!isUuid(id)) return undefined;
  const row = await runsQuery(db).where('r.id', '=', id).executeTakeFirst();
  return row && toRun(row);
}

/** Locks the run's row for the rest of the transaction, so two changes to one run happen one after the other. */
export async function lockRun(trx: Executor, id: string): Promise<void> {
  await trx.selectFrom('prioritisation_runs').select('id').where('id', '=', id).forUpdate().execute();
}

/** Runs an organisation owns or takes part in, newest first. */
export async function listRunsOfCommissioner(
  db: Kysely<Database>,
  organisationId: string,
  page: { limit: number; offset: number },
): Promise<{ rows: RunRecord[]; total: number }> {
  const visible = (query: ReturnType<typeof runsQuery>) =>
    query.where((eb) =>
      eb.or([
        eb('r.organisation_id', '=', organisationId),
        eb.exists(
          eb
            .selectFrom('prioritisation_run_members as m')
            .select('m.run_id')
            .whereRef('m.run_id', '=', 'r.id')
            .where('m.organisation_id', '=', organisationId),
        ),
      ]),
    );
  const rows = await visible(runsQuery(db)).orderBy('r.created_at', 'desc').orderBy('r.id').limit(page.limit).offset(page.offset).execute();
  const count = await visible(runsQuery(db))
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  return { rows: rows.map(toRun), total: Number(count.total) };
}

/** Runs whose short list was notified to this region, newest notification first. */
export async function listRunsNotifiedTo(
  db: Kysely<Database>,
  regionId: string,
  page: { limit: number; offset: number },
): Promise<{ rows: RunRecord[]; total: number }> {
  const rows = await runsQuery(db)
    .where('r.notified_organisation_id', '=', regionId)
    .orderBy('r.notified_at', 'desc')
    .orderBy('r.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const count = await db
    .selectFrom('prioritisation_runs')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .where('notified_organisation_id', '=', regionId)
    .executeTakeFirstOrThrow();
  return { rows: rows.map(toRun), total: Number(count.total) };
}

/** The member commissioners of a run, by name. */
export async function membersOf(db: Executor, runId: string): Promise<MemberRecord[]> {
  return db
    .selectFrom('prioritisation_run_members as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['o.id', 'o.ods_code as odsCode', 'o.name'])
    .where('m.run_id', '=', runId)
    .orderBy('o.name')
    .execute();
}

/** The commissioners a run of this organisation may include: itself and its child sub-ICB locations. */
export async function memberCandidates(db: Executor, organisationId: string): Promise<MemberRecord[]> {
  return db
    .selectFrom('organisations')
    .select(['id', 'ods_code as odsCode', 'name'])
    .where((eb) => eb.or([eb('id', '=', organisationId), eb.and([eb('parent_id', '=', organisationId), eb('kind', '=', 'commissioner')])]))
    .orderBy((eb) => eb.case().when('id', '=', organisationId).then(0).else(1).end())
    .orderBy('name')
    .execute();
}

/** Whether the commissioner already has a run of this title, so a seed adds it only once. */
export async function hasRunTitled(db: Executor, organisationId: string, title: string): Promise<boolean> {
  return Boolean(
    await db
      .selectFrom('prioritisation_runs')
      .select('id')
      .where('organisation_id', '=', organisationId)
      .where('title', '=', title)
      .executeTakeFirst(),
  );
}

/** Creates a run and its members. */
export async function insertRun(
  trx: Executor,
  run: { organisationId: string; title: string; yearLabel: string; userId: string | null; memberIds: string[] },
): Promise<string> {
  const { id } = await trx
    .insertInto('prioritisation_runs')
    .values({ organisation_id: run.organisationId, title: run.title, year_label: run.yearLabel, created_by_user_id: run.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (run.memberIds.length)
    await trx
      .insertInto('prioritisation_run_members')
      .values(run.memberIds.map((organisationId) => ({ run_id: id, organisation_id: organisationId })))
      .execute();
  return id;
}

/** Moves a run to a status; the service checks the order first (run-status.rules.ts). */
export async function setRunStatus(trx: Executor, id: string, status: RunStatus): Promise<void> {
  await trx.updateTable('prioritisation_runs').set({ status }).where('id', '=', id).execute();
}

/** Records the board's approval and moves the run to approved. */
export async function recordApproval(
  trx: Executor,
  id: string,
  approval: { boardName: string; note: string; at: Date; userId: string | null },
): Promise<void> {
  await trx
    .updateTable('prioritisation_runs')
    .set({
      status: 'approved',
      board_name: approval.boardName,
      approval_note: approval.note,
      approved_at: approval.at,
      approved_by_user_id: approval.userId,
    })
    .where('id', '=', id)
    .execute();
}

/** Records the notification as sent and moves the run to notified. */
export async function recordNotification(
  trx: Executor,
  id: string,
  notification: { regionId: string; text: string; at: Date },
): Promise<void> {
  await trx
    .updateTable('prioritisation_runs')
    .set({
      status: 'notified',
      notified_organisation_id: notification.regionId,
      notification_text: notification.text,
      notified_at: notification.at,
    })
    .where('id', '=', id)
    .execute();
}

/** The nearest ancestor of kind region (PRODUCT.md §2: regions receive priority notifications), walking up parent_id. */
export async function nearestRegionAbove(db: Executor, organisationId: string): Promise<MemberRecord | undefined> {
  let current = await db
    .selectFrom('organisations')
    .select(['id', 'ods_code as odsCode', 'name', 'kind', 'parent_id'])
    .where('id', '=', organisationId)
    .executeTakeFirst();
  for (let depth = 0; current && depth < 10; depth += 1) {
    if (!current.parent_id) return undefined;
    current = await db
      .selectFrom('organisations')
      .select(['id', 'ods_code as odsCode', 'name', 'kind', 'parent_id'])
      .where('id', '=', current.parent_id)
      .executeTakeFirst();
    if (current?.kind === 'region') return { id: current.id, odsCode: current.odsCode, name: current.name };
  }
  return undefined;
}
