/**
 * The Friends and Family Test as AQP asks and publishes it (issue #15 item 5; brief §B2): one question on a five-point
 * scale, published as the share positive with its count, and nothing published under five responses.
 */

/** The mandatory question since April 2020. */
export const FFT_QUESTION = 'Overall, how was your experience of our service?';

/** The answers, best first; "Don't know" is not offered (its place in the 2020 scale is UNCONFIRMED, brief §B2). */
export const FFT_ANSWERS = {
  'very-good': 'Very good',
  good: 'Good',
  'neither-good-nor-poor': 'Neither good nor poor',
  poor: 'Poor',
  'very-poor': 'Very poor',
} as const;
export type FftAnswer = keyof typeof FFT_ANSWERS;

/** Fewer responses than this are never published, as trusts suppress units with fewer than 5 (brief §B2). */
export const FFT_MINIMUM_RESPONSES = 5;

const POSITIVE: readonly FftAnswer[] = ['very-good', 'good'];
const NEGATIVE: readonly FftAnswer[] = ['poor', 'very-poor'];

/** True for one of the five answers. */
export function isFftAnswer(value: unknown): value is FftAnswer {
  return typeof value === 'string' && Object.hasOwn(FFT_ANSWERS, value);
}

export type FeedbackSummary =
  { published: true; responses: number; positivePercent: number; negativePercent: number } | { published: false; responses: number };

/** What may be shown publicly: the shares positive and negative (whole percent) with the count, or only that there are too few. */
export function publicFeedback(answers: readonly FftAnswer[]): FeedbackSummary {
  const responses = answers.length;
  if (responses < FFT_MINIMUM_RESPONSES) return { published: false, responses };
  const share = (group: readonly FftAnswer[]) => Math.round((answers.filter((answer) => group.includes(answer)).length * 100) / responses);
  return { published: true, responses, positivePercent: share(POSITIVE), negativePercent: share(NEGATIVE) };
}
