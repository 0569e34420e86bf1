/** The qualification criteria every application answers (PRODUCT.md §3.3) plus the offer's own questions, and what a complete submission needs. */
import type { FieldError } from '../../lib/errors.ts';
import type { OfferQuestion } from '../offers/offer-questions.repo.ts';

/** The criteria of PRODUCT.md §3.3, each judged pass or fail on the submission alone. */
export const STANDARD_CRITERIA = [
  { id: 'standard-contract', title: 'Acceptance of the NHS Standard Contract terms', kind: 'declaration' },
  { id: 'price', title: 'Acceptance of the offer’s price', kind: 'declaration' },
  { id: 'capability', title: 'Capability to deliver the specification', kind: 'text' },
  { id: 'referral-protocol', title: 'Compliance with the referral protocol', kind: 'declaration-and-text' },
  { id: 'local-schedules', title: 'Agreement to local schedules', kind: 'declaration' },
] as const;

export type StandardCriterionId = (typeof STANDARD_CRITERIA)[number]['id'];

/** What the provider has written and declared; declarations are explicit ticks, never defaults. */
export interface ApplicationAnswers {
  acceptsContract: boolean;
  acceptsPrice: boolean;
  capability: string;
  compliesWithProtocol: boolean;
  protocolCompliance: string;
  agreesToLocalSchedules: boolean;
  /** Answers to the offer's own questions, by question id. */
  questionAnswers: Record<string, string>;
}

export const EMPTY_ANSWERS: ApplicationAnswers = {
  acceptsContract: false,
  acceptsPrice: false,
  capability: '',
  compliesWithProtocol: false,
  protocolCompliance: '',
  agreesToLocalSchedules: false,
  questionAnswers: {},
};

export const MAX_ANSWER_LENGTH = 10_000;

/** The criterion id under which an offer question is marked. */
export function questionCriterionId(questionId: string): string {
  return `question:${questionId}`;
}

/** Every criterion an assessor marks for this offer: the standard five, then the offer's questions in order. */
export function criteriaFor(questions: readonly OfferQuestion[]): { id: string; title: string }[] {
  return [
    ...STANDARD_CRITERIA.map(({ id, title }) => ({ id, title })),
    ...questions.map((question) => ({ id: questionCriterionId(question.id), title: question.text })),
  ];
}

/** Reads stored answers defensively (older rows or hand-made API input may lack fields). */
export function answersFrom(stored: unknown): ApplicationAnswers {
  const value = (stored && typeof stored === 'object' ? stored : {}) as Partial<ApplicationAnswers>;
  const text = (item: unknown) => (typeof item === 'string' ? item : '');
  const questionAnswers = value.questionAnswers && typeof value.questionAnswers === 'object' ? value.questionAnswers : {};
  return {
    acceptsContract: value.acceptsContract === true,
    acceptsPrice: value.acceptsPrice === true,
    capability: text(value.capability),
    compliesWithProtocol: value.compliesWithProtocol === true,
    protocolCompliance: text(value.protocolCompliance),
    agreesToLocalSchedules: value.agreesToLocalSchedules === true,
    questionAnswers: Object.fromEntries(Object.entries(questionAnswers).map(([id, answer]) => [id, text(answer)])),
  };
}

/** Answers that are too long, or name questions the offer does not ask, are refused even in a draft. */
export function draftProblems(answers: ApplicationAnswers, questions: readonly OfferQuestion[]): FieldError[] {
  const errors: FieldError[] = [];
  const tooLong = (field: string, text: string) =>
    text.length > MAX_ANSWER_LENGTH &&
    errors.push({ field, message: `The answer must be ${MAX_ANSWER_LENGTH.toLocaleString('en-GB')} characters or fewer` });
  tooLong('capability', answers.capability);
  tooLong('protocolCompliance', answers.protocolCompliance);
  const known = new Set(questions.map((question) => question.id));
  for (const [id, answer] of Object.entries(answers.questionAnswers)) {
    if (!known.has(id)) errors.push({ field: `question-${id}`, message: `The offer has no question “${id}”` });
    else tooLong(`question-${id}`, answer);
  }
  return errors;
}

/** What stops a draft being submitted, field by field (PRODUCT.md §3.3): every answer, both declarations and at least one site. */
export function submissionProblems(answers: ApplicationAnswers, questions: readonly OfferQuestion[], siteCount: number): FieldError[] {
  const errors: FieldError[] = draftProblems(answers, questions);
  if (!answers.acceptsContract)
    errors.push({ field: 'acceptsContract', message: 'Confirm that you accept the NHS Standard Contract terms' });
  if (!answers.acceptsPrice) errors.push({ field: 'acceptsPrice', message: 'Confirm that you accept the offer’s price' });
  if (!answers.capability.trim()) errors.push({ field: 'capability', message: 'Describe how you will deliver the service specification' });
  if (!answers.compliesWithProtocol)
    errors.push({ field: 'compliesWithProtocol', message: 'Confirm that you will comply with the referral protocol' });
  if (!answers.protocolCompliance.trim())
    errors.push({ field: 'protocolCompliance', message: 'Describe how you will comply with the referral protocol' });
  if (!answers.agreesToLocalSchedules)
    errors.push({ field: 'agreesToLocalSchedules', message: 'Confirm that you agree to the local schedules' });
  for (const question of questions) {
    if (!answers.questionAnswers[question.id]?.trim())
      errors.push({ field: `question-${question.id}`, message: `Answer “${question.text}”` });
  }
  if (siteCount === 0) errors.push({ field: 'sites', message: 'Select at least one site that will deliver the service' });
  return errors;
}

/** The criteria not yet marked as passed: qualification needs a pass on every one, and there is no score, total or ranking. */
export function criteriaNotPassed(
  criteria: readonly { id: string; title: string }[],
  marks: readonly { criterion: string; passed: boolean }[],
): { id: string; title: string }[] {
  const passed = new Set(marks.filter((mark) => mark.passed).map((mark) => mark.criterion));
  return criteria.filter((criterion) => !passed.has(criterion.id));
}

/** True while the qualification window lets an application be submitted: opened, and not yet closed when it is fixed. */
export function isWindowOpen(
  window: { windowKind: 'fixed' | 'rolling'; windowOpens: string | null; windowCloses: string | null },
  today: string,
): boolean {
  if (!window.windowOpens || window.windowOpens > today) return false;
  return window.windowKind === 'rolling' || !window.windowCloses || today <= window.windowCloses;
}
