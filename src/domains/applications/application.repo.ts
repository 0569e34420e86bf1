/** Queries over applications: the submission, its sites and its append-only history. */
import { sql } from 'kysely';
import { DomainError } from '../../lib/errors.ts';
import type { Executor } from '../../db/executor.ts';
import { changedByName, STATUS_HISTORY_COLUMNS, type StatusChangeToRecord, statusHistoryValues } from '../../db/status-history.ts';
import { answersFrom, type ApplicationAnswers } from './application-criteria.rules.ts';
import { ACTIVE_STATUSES, type ApplicationStatus, type RefusalGround } from './application-status.rules.ts';

export interface ApplicationRecord {
  id: string;
  offerId: string;
  providerOrganisationId: string;
  providerName: string;
  providerOdsCode: string | null;
  attempt: number;
  status: ApplicationStatus;
  answers: ApplicationAnswers;
  submittedAt: Date | null;
  decidedAt: Date | null;
  refusalGround: RefusalGround | null;
  decisionReasons: string | null;
  createdAt: Date;
  updatedAt: Date;
}

function applicationsQuery(db: Executor) {
  return db
    .selectFrom('applications as a')
    .innerJoin('organisations as p', 'p.id', 'a.provider_organisation_id')
    .select([
      'a.id',
      'a.offer_id',
      'a.provider_organisation_id',
      'a.attempt',
      'a.status',
      'a.answers',
      'a.submitted_at',
      'a.decided_at',
      'a.refusal_ground',
      'a.decision_reasons',
      'a.created_at',
      'a.updated_at',
      'p.name as provider_name',
      'p.ods_code as provider_ods_code',
    ]);
}

type ApplicationRow = Awaited<ReturnType<ReturnType<typeof applicationsQuery>['executeTakeFirstOrThrow']>>;

function toApplication(row: ApplicationRow): ApplicationRecord {
  return {
    id: row.id,
    offerId: row.offer_id,
    providerOrganisationId: row.provider_organisation_id,
    providerName: row.provider_name,
    providerOdsCode: row.provider_ods_code,
    attempt: row.attempt,
    status: row.status as ApplicationStatus,
    answers: answersFrom(row.answers),
    submittedAt: row.submitted_at,
    decidedAt: row.decided_at,
    refusalGround: row.refusal_ground as RefusalGround | null,
    decisionReasons: row.decision_reasons,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** One application; `forUpdate` locks it for a transition. */
export async function findApplication(
  db: Executor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ApplicationRecord | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  let query = applicationsQuery(db).where('a.id', '=', id);
  if (options.forUpdate) query = query.forUpdate('a');
  const row = await query.executeTakeFirst();
  return row && toApplication(row);
}

/** A provider's applications, newest first, with the offer each is for; only those in one status when asked (the home page's clarification count links here). */
export async function applicationsOfProvider(
  db: Executor,
  providerOrganisationId: string,
  page: { limit: number; offset: number },
  status?: ApplicationStatus,
): Promise<{ rows: (ApplicationRecord & { offerTitle: string; offerNumber: number })[]; total: number }> {
  let rowsQuery = applicationsQuery(db)
    .innerJoin('offers as o', 'o.id', 'a.offer_id')
    .select(['o.title as offer_title', 'o.number as offer_number'])
    .where('a.provider_organisation_id', '=', providerOrganisationId);
  let countQuery = db
    .selectFrom('applications')
    .select(sql<number>`count(*)::int`.as('total'))
    .where('provider_organisation_id', '=', providerOrganisationId);
  if (status) [rowsQuery, countQuery] = [rowsQuery.where('a.status', '=', status), countQuery.where('status', '=', status)];
  const rows = await rowsQuery.orderBy('a.created_at', 'desc').orderBy('a.id').limit(page.limit).offset(page.offset).execute();
  const { total } = await countQuery.executeTakeFirstOrThrow();
  return {
    rows: rows.map((row) => ({ ...toApplication(row), offerTitle: row.offer_title, offerNumber: row.offer_number })),
    total: Number(total),
  };
}

/** The provider's applications to an offer, latest attempt first: the active one if any, and what became of earlier ones. */
export async function applicationsToOffer(db: Executor, offerId: string, providerOrganisationId: string): Promise<ApplicationRecord[]> {
  const rows = await applicationsQuery(db)
    .where('a.offer_id', '=', offerId)
    .where('a.provider_organisation_id', '=', providerOrganisationId)
    .orderBy('a.attempt', 'desc')
    .execute();
  return rows.map(toApplication);
}

/** The provider's application still being worked on for an offer, if there is one. */
export function activeOf(applications: readonly ApplicationRecord[]): ApplicationRecord | undefined {
  return applications.find((application) => ACTIVE_STATUSES.includes(application.status));
}

/** Inserts a draft; a concurrent start by the same provider (the one-active-application index) is refused as a conflict. */
export async function insertApplication(
  db: Executor,
  input: { offerId: string; providerOrganisationId: string; attempt: number; answers: ApplicationAnswers; userId: string | null; at: Date },
): Promise<string> {
  try {
    const row = await db
      .insertInto('applications')
      .values({
        offer_id: input.offerId,
        provider_organisation_id: input.providerOrganisationId,
        attempt: input.attempt,
        answers: JSON.stringify(input.answers),
        accepts_price: input.answers.acceptsPrice,
        accepts_contract: input.answers.acceptsContract,
        created_by_user_id: input.userId,
        created_at: input.at,
        updated_at: input.at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  } catch (error) {
    if ((error as { code?: unknown }).code === '23505')
      throw new DomainError('conflict', 'Your organisation is already applying to this offer');
    throw error;
  }
}

/** Saves a draft's answers, keeping the price and contract acceptances in their own columns in step with them. */
export async function updateAnswers(db: Executor, id: string, answers: ApplicationAnswers, at: Date): Promise<void> {
  await db
    .updateTable('applications')
    .set({
      answers: JSON.stringify(answers),
      accepts_price: answers.acceptsPrice,
      accepts_contract: answers.acceptsContract,
      updated_at: at,
    })
    .where('id', '=', id)
    .execute();
}

/** Moves the application to a status with the fields that go with it (submission time, decision) in one update. */
export async function updateStatus(
  db: Executor,
  id: string,
  change: {
    status: ApplicationStatus;
    at: Date;
    submittedAt?: Date;
    decision?: { userId: string | null; ground: RefusalGround | null; reasons: string };
  },
): Promise<void> {
  await db
    .updateTable('applications')
    .set({
      status: change.status,
      updated_at: change.at,
      ...(change.submittedAt ? { submitted_at: change.submittedAt } : {}),
      ...(change.decision
        ? {
            decided_at: change.at,
            decided_by_user_id: change.decision.userId,
            refusal_ground: change.decision.ground,
            decision_reasons: change.decision.reasons,
          }
        : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** Appends a change to the application's history, in the caller's transaction. */
export async function insertApplicationHistory(
  db: Executor,
  entry: StatusChangeToRecord<ApplicationStatus> & { applicationId: string },
): Promise<void> {
  await db
    .insertInto('application_history')
    .values({ application_id: entry.applicationId, ...statusHistoryValues(entry) })
    .execute();
}

export interface HistoryEntry {
  fromStatus: string | null;
  toStatus: string;
  reason: string;
  at: Date;
  by: string;
}

/** The application's history, oldest first, naming the person or API key that made each change. */
export async function applicationHistory(db: Executor, applicationId: string): Promise<HistoryEntry[]> {
  const rows = await db
    .selectFrom('application_history as h')
    .leftJoin('users as u', 'u.id', 'h.changed_by_user_id')
    .leftJoin('api_keys as k', 'k.id', 'h.changed_by_api_key_id')
    .select(STATUS_HISTORY_COLUMNS)
    .where('h.application_id', '=', applicationId)
    .orderBy('h.changed_at')
    .orderBy('h.id')
    .execute();
  return rows.map((row) => ({
    fromStatus: row.from_status,
    toStatus: row.to_status,
    reason: row.reason,
    at: row.changed_at,
    by: changedByName(row, 'AQP'),
  }));
}

/** True when the provider still holds a place on the offer (qualified, contracted, live or suspended): it cannot apply again. */
export async function holdsCurrentListing(db: Executor, offerId: string, providerOrganisationId: string): Promise<boolean> {
  const row = await db
    .selectFrom('listings')
    .select('id')
    .where('offer_id', '=', offerId)
    .where('provider_organisation_id', '=', providerOrganisationId)
    .where('status', 'in', ['qualified', 'contracted', 'live', 'suspended'])
    .executeTakeFirst();
  return Boolean(row);
}
