/** Queries over an offer's own questions for applicants, held on the offer row (migration 0007). */
import type { Executor } from '../../db/executor.ts';

/** A question the commissioner adds to its offer for applicants to answer in text. */
export interface OfferQuestion {
  id: string;
  text: string;
  guidance?: string;
}

/** The offer's questions in the order the commissioner set them; none when the offer does not exist. */
export async function offerQuestionsOf(db: Executor, offerId: string): Promise<OfferQuestion[]> {
  if (!/^[0-9a-f-]{36}$/i.test(offerId)) return [];
  const row = await db.selectFrom('offers').select('questions').where('id', '=', offerId).executeTakeFirst();
  return Array.isArray(row?.questions) ? (row.questions as OfferQuestion[]) : [];
}

/** Replaces the offer's own questions for applicants with the commissioner's cleaned list, in the order given. */
export async function updateOfferQuestions(db: Executor, offerId: string, questions: readonly OfferQuestion[], at: Date): Promise<void> {
  await db
    .updateTable('offers')
    .set({ questions: JSON.stringify(questions), updated_at: at })
    .where('id', '=', offerId)
    .execute();
}
