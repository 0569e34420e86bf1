/** Friends and Family Test answers: stored once per referral, counted per offer and provider, and their comments read only by staff with an audit row. */
import type { Executor } from '../../db/executor.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext } from '../identity/principal.ts';
import { commissionerOffers, type QualityScope } from './quality-scope.repo.ts';
import { type FeedbackSummary, type FftAnswer, publicFeedback } from './feedback.rules.ts';

/** Whose feedback a reader sees: one provider's own, or every provider's on the offers a commissioner leads or covers. */
export type FeedbackScope = QualityScope;

export interface NewFeedback {
  referralId: string;
  offerId: string;
  providerId: string;
  answer: FftAnswer;
  comment: string;
  answeredOn: string;
  at: Date;
}

/** Stores one answer; false when the referral already has one (the unique key decides, so two tabs cannot both answer). */
export async function insertFeedbackResponse(db: Executor, feedback: NewFeedback): Promise<boolean> {
  const row = await db
    .insertInto('feedback_responses')
    .values({
      referral_id: feedback.referralId,
      offer_id: feedback.offerId,
      provider_organisation_id: feedback.providerId,
      answer: feedback.answer,
      comment: feedback.comment,
      answered_on: feedback.answeredOn,
      answered_at: feedback.at,
    })
    .onConflict((oc) => oc.column('referral_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** True when the patient of this referral has already answered. */
export async function feedbackGivenFor(db: Executor, referralId: string): Promise<boolean> {
  const row = await db.selectFrom('feedback_responses').select('id').where('referral_id', '=', referralId).executeTakeFirst();
  return row !== undefined;
}

function scoped(db: Executor, scope: FeedbackScope, since: string) {
  const query = db
    .selectFrom('feedback_responses as f')
    .innerJoin('offers as o', 'o.id', 'f.offer_id')
    .innerJoin('organisations as p', 'p.id', 'f.provider_organisation_id')
    .where('f.answered_on', '>=', since);
  if ('providerId' in scope) return query.where('f.provider_organisation_id', '=', scope.providerId);
  return query.where('f.offer_id', 'in', commissionerOffers(db, scope.commissionerId));
}

export interface FeedbackRow {
  offerId: string;
  offerTitle: string;
  providerId: string;
  providerName: string;
  summary: FeedbackSummary;
}

/** The answers since a date per offer and provider, summarised by the one publication rule (none under 5). */
export async function feedbackSummaries(db: Executor, scope: FeedbackScope, since: string): Promise<FeedbackRow[]> {
  const rows = await scoped(db, scope, since)
    .select(['f.offer_id', 'o.title', 'f.provider_organisation_id', 'p.name', 'f.answer'])
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .groupBy(['f.offer_id', 'o.title', 'o.number', 'f.provider_organisation_id', 'p.name', 'f.answer'])
    .orderBy('o.number')
    .orderBy('p.name')
    .execute();
  const byKey = new Map<string, { row: (typeof rows)[number]; answers: FftAnswer[] }>();
  for (const row of rows) {
    const key = `${row.offer_id}:${row.provider_organisation_id}`;
    const entry = byKey.get(key) ?? byKey.set(key, { row, answers: [] }).get(key)!;
    entry.answers.push(...Array<FftAnswer>(Number(row.count)).fill(row.answer as FftAnswer));
  }
  return [...byKey.values()].map(({ row, answers }) => ({
    offerId: row.offer_id,
    offerTitle: row.title,
    providerId: row.provider_organisation_id,
    providerName: row.name,
    summary: publicFeedback(answers),
  }));
}

export interface FeedbackComment {
  answeredOn: string;
  offerTitle: string;
  providerName: string;
  answer: FftAnswer;
  comment: string;
}

/** One page of the comments since a date, newest first, with no patient or referral beside them; the read is audited in the caller's transaction (as seen on a page, or as a batch of a download). */
export async function feedbackCommentsSeen(
  trx: Executor,
  context: ActionContext,
  scope: FeedbackScope,
  since: string,
  page: { limit: number; offset: number },
  purpose: 'view' | 'download' = 'view',
): Promise<{ comments: FeedbackComment[]; total: number }> {
  const withComments = scoped(trx, scope, since).where('f.comment', '<>', '');
  const rows = await withComments
    .select(['f.answered_on', 'o.title', 'p.name', 'f.answer', 'f.comment'])
    .orderBy('f.answered_on', 'desc')
    .orderBy('f.answered_at', 'desc')
    .orderBy('f.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const { total } = await withComments.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow();
  await recordAudit(trx, context, {
    action: purpose === 'view' ? 'feedback.comments-view' : 'feedback.comments-download',
    entityType: 'feedback',
    details: { ...scope, since, offset: page.offset, shown: rows.length },
  });
  return {
    comments: rows.map((row) => ({
      answeredOn: row.answered_on,
      offerTitle: row.title,
      providerName: row.name,
      answer: row.answer as FftAnswer,
      comment: row.comment,
    })),
    total: Number(total),
  };
}

/** The published Friends and Family Test figure of each provider since a date (all its offers together, or those given), or null under 5 responses: what the directory and choice list show. */
export async function publishedFeedbackFor(
  db: Executor,
  providerIds: readonly string[],
  since: string,
  offerIds?: readonly string[],
): Promise<Map<string, Extract<FeedbackSummary, { published: true }> | null>> {
  const answers = new Map<string, FftAnswer[]>(providerIds.map((id) => [id, []]));
  if (providerIds.length === 0 || offerIds?.length === 0) return new Map(providerIds.map((id) => [id, null]));
  let query = db
    .selectFrom('feedback_responses')
    .select(['provider_organisation_id', 'answer'])
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('provider_organisation_id', 'in', [...providerIds])
    .where('answered_on', '>=', since)
    .groupBy(['provider_organisation_id', 'answer']);
  if (offerIds) query = query.where('offer_id', 'in', [...offerIds]);
  for (const row of await query.execute())
    answers.get(row.provider_organisation_id)?.push(...Array<FftAnswer>(Number(row.count)).fill(row.answer as FftAnswer));
  return new Map(
    [...answers].map(([id, given]) => {
      const summary = publicFeedback(given);
      return [id, summary.published ? summary : null];
    }),
  );
}
