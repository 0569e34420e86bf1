/** Queries over assessment: marks per criterion, clarification questions and answers, and messages to the provider's outbox. */
import type { Executor } from '../../db/executor.ts';

export interface Mark {
  criterion: string;
  passed: boolean;
  note: string;
  markedAt: Date;
}

export interface Clarification {
  id: string;
  applicationId: string;
  question: string;
  askedAt: Date;
  answer: string | null;
  answeredAt: Date | null;
}

/** The assessor's marks recorded so far on an application, one per criterion, in no particular order. */
export async function marksOf(db: Executor, applicationId: string): Promise<Mark[]> {
  const rows = await db
    .selectFrom('assessment_marks')
    .select(['criterion', 'passed', 'note', 'marked_at'])
    .where('application_id', '=', applicationId)
    .execute();
  return rows.map((row) => ({ criterion: row.criterion, passed: row.passed, note: row.note, markedAt: row.marked_at }));
}

/** Records or replaces the mark for each criterion given. */
export async function upsertMarks(
  db: Executor,
  applicationId: string,
  marks: readonly { criterion: string; passed: boolean; note: string }[],
  userId: string | null,
  at: Date,
): Promise<void> {
  if (marks.length === 0) return;
  await db
    .insertInto('assessment_marks')
    .values(
      marks.map((mark) => ({
        application_id: applicationId,
        criterion: mark.criterion,
        passed: mark.passed,
        note: mark.note,
        marked_by_user_id: userId,
        marked_at: at,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['application_id', 'criterion']).doUpdateSet((eb) => ({
        passed: eb.ref('excluded.passed'),
        note: eb.ref('excluded.note'),
        marked_by_user_id: eb.ref('excluded.marked_by_user_id'),
        marked_at: eb.ref('excluded.marked_at'),
      })),
    )
    .execute();
}

function toClarification(row: {
  id: string;
  application_id: string;
  question: string;
  asked_at: Date;
  answer: string | null;
  answered_at: Date | null;
}): Clarification {
  return {
    id: row.id,
    applicationId: row.application_id,
    question: row.question,
    askedAt: row.asked_at,
    answer: row.answer,
    answeredAt: row.answered_at,
  };
}

const CLARIFICATION_COLUMNS = ['id', 'application_id', 'question', 'asked_at', 'answer', 'answered_at'] as const;

/** An application's clarifications, oldest first. */
export async function clarificationsOf(db: Executor, applicationId: string): Promise<Clarification[]> {
  const rows = await db
    .selectFrom('clarifications')
    .select([...CLARIFICATION_COLUMNS])
    .where('application_id', '=', applicationId)
    .orderBy('asked_at')
    .orderBy('id')
    .execute();
  return rows.map(toClarification);
}

/** Clarifications of many applications at once (for the queue's clocks), grouped by application. */
export async function clarificationsOfMany(db: Executor, applicationIds: readonly string[]): Promise<Map<string, Clarification[]>> {
  const byApplication = new Map<string, Clarification[]>(applicationIds.map((id) => [id, []]));
  if (applicationIds.length === 0) return byApplication;
  const rows = await db
    .selectFrom('clarifications')
    .select([...CLARIFICATION_COLUMNS])
    .where('application_id', 'in', [...applicationIds])
    .orderBy('asked_at')
    .execute();
  for (const row of rows) byApplication.get(row.application_id)!.push(toClarification(row));
  return byApplication;
}

/** One clarification, any application's (the caller checks whose it is); `forUpdate` locks it so it is answered only once. */
export async function findClarification(
  db: Executor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<Clarification | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  let query = db
    .selectFrom('clarifications')
    .select([...CLARIFICATION_COLUMNS])
    .where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row && toClarification(row);
}

/** Asks the provider a clarification question, still unanswered; returns its id. */
export async function insertClarification(
  db: Executor,
  input: { applicationId: string; question: string; userId: string | null; at: Date },
): Promise<string> {
  const row = await db
    .insertInto('clarifications')
    .values({ application_id: input.applicationId, question: input.question, asked_by_user_id: input.userId, asked_at: input.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Records the provider's answer and when it came, which ends the pause in the assessment clock. */
export async function recordClarificationAnswer(
  db: Executor,
  id: string,
  answer: { text: string; userId: string | null; at: Date },
): Promise<void> {
  await db
    .updateTable('clarifications')
    .set({ answer: answer.text, answered_by_user_id: answer.userId, answered_at: answer.at })
    .where('id', '=', id)
    .execute();
}

/** Puts a message in an organisation's outbox, visible in the platform, about an entity it concerns. */
export async function insertOutboxMessage(
  db: Executor,
  message: { organisationId: string; subject: string; body: string; entityType: string; entityId: string; at: Date },
): Promise<void> {
  await db
    .insertInto('outbox_messages')
    .values({
      organisation_id: message.organisationId,
      subject: message.subject,
      body: message.body,
      entity_type: message.entityType,
      entity_id: message.entityId,
      created_at: message.at,
    })
    .execute();
}

/** True when the person holds any role in the organisation: an assessor may not judge an organisation they belong to. */
export async function isMemberOf(db: Executor, userId: string, organisationId: string): Promise<boolean> {
  const row = await db
    .selectFrom('memberships')
    .select('user_id')
    .where('user_id', '=', userId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return Boolean(row);
}

/** The kind of an organisation (a national body may assess any offer), or undefined when there is no such organisation. */
export async function organisationKindOf(db: Executor, organisationId: string): Promise<string | undefined> {
  const row = await db.selectFrom('organisations').select('kind').where('id', '=', organisationId).executeTakeFirst();
  return row?.kind;
}
