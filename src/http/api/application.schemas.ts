/** TypeBox schemas and JSON mapping for applications and assessment in the API. */
import { Type } from 'typebox';
import { APPLICATION_STATUSES, REFUSAL_GROUNDS } from '../../domains/applications/application-status.rules.ts';
import type { ApplicationInFull, AssessmentView } from '../../domains/applications/application-view.service.ts';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

export const QuestionJson = Type.Object({
  id: Type.String({ maxLength: 60 }),
  text: Type.String({ maxLength: 2000 }),
  guidance: Type.Optional(Type.String({ maxLength: 4000 })),
});

export const AnswersJson = Type.Object({
  acceptsContract: Type.Boolean({ description: 'We accept the terms of the NHS Standard Contract' }),
  acceptsPrice: Type.Boolean({ description: 'We accept the offer’s price schedule' }),
  capability: Type.String({ maxLength: 10_000, description: 'How we will deliver the specification' }),
  compliesWithProtocol: Type.Boolean({ description: 'We will comply with the referral protocol' }),
  protocolCompliance: Type.String({ maxLength: 10_000, description: 'How we will comply with the referral protocol' }),
  agreesToLocalSchedules: Type.Boolean({ description: 'We agree to the local schedules' }),
  questionAnswers: Type.Record(Type.String({ maxLength: 60 }), Type.String({ maxLength: 10_000 }), {
    description: 'Answers to the offer’s own questions, by question id',
  }),
});

export const ApplicationBody = Type.Object({
  answers: Type.Optional(Type.Partial(AnswersJson)),
  siteIds: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 200 })),
});

export const ApplicationSummaryJson = Type.Object({
  id: Type.String(),
  offerId: Type.String(),
  offerTitle: Type.String(),
  attempt: Type.Integer(),
  status: Type.Enum(APPLICATION_STATUSES),
  submittedAt: Nullable(Type.String()),
  refusalGround: Type.Union([Type.Enum(REFUSAL_GROUNDS), Type.Null()]),
  decisionReasons: Nullable(Type.String()),
});

const SiteJson = Type.Object({ id: Type.String(), name: Type.String(), siteCode: Nullable(Type.String()), postcode: Type.String() });
const ClarificationJson = Type.Object({
  id: Type.String(),
  question: Type.String(),
  askedAt: Type.String(),
  answer: Nullable(Type.String()),
  answeredAt: Nullable(Type.String()),
});
const HistoryJson = Type.Object({
  from: Nullable(Type.String()),
  to: Type.String(),
  reason: Type.String(),
  at: Type.String(),
  by: Type.String(),
});

export const ApplicationJson = Type.Object({
  id: Type.String(),
  attempt: Type.Integer(),
  status: Type.Enum(APPLICATION_STATUSES),
  offer: Type.Object({ id: Type.String(), reference: Type.String(), title: Type.String(), leadCommissioner: Type.String() }),
  provider: Type.Object({ id: Type.String(), name: Type.String(), odsCode: Nullable(Type.String()) }),
  answers: AnswersJson,
  questions: Type.Array(QuestionJson),
  sites: Type.Array(SiteJson),
  clarifications: Type.Array(ClarificationJson),
  submittedAt: Nullable(Type.String()),
  decidedAt: Nullable(Type.String()),
  refusalGround: Type.Union([Type.Enum(REFUSAL_GROUNDS), Type.Null()]),
  decisionReasons: Nullable(Type.String()),
  history: Type.Array(HistoryJson),
});

export const AssessmentJson = Type.Object({
  ...ApplicationJson.properties,
  criteria: Type.Array(
    Type.Object({
      id: Type.String(),
      title: Type.String(),
      mark: Type.Union([Type.Object({ passed: Type.Boolean(), note: Type.String() }), Type.Null()]),
    }),
  ),
  assurance: Type.Object({
    complete: Type.Boolean(),
    valid: Type.Boolean(),
    items: Type.Array(
      Type.Object({
        kind: Type.String(),
        label: Type.String(),
        state: Type.String(),
        expiresOn: Nullable(Type.String()),
        expired: Type.Boolean(),
      }),
    ),
  }),
  conflictOfInterest: Type.Boolean(),
  waitingWorkingDays: Type.Union([Type.Integer(), Type.Null()]),
});

/** An application as the API shows it to its provider (and, with more, to its assessor). */
export function applicationJson(full: ApplicationInFull) {
  const { application, offer } = full;
  return {
    id: application.id,
    attempt: application.attempt,
    status: application.status,
    offer: { id: offer.id, reference: offer.reference, title: offer.title, leadCommissioner: offer.lead.name },
    provider: { id: application.providerOrganisationId, name: application.providerName, odsCode: application.providerOdsCode },
    answers: application.answers,
    questions: full.questions,
    sites: full.sites.map(({ id, name, siteCode, postcode }) => ({ id, name, siteCode, postcode })),
    clarifications: full.clarifications.map((item) => ({
      id: item.id,
      question: item.question,
      askedAt: item.askedAt.toISOString(),
      answer: item.answer,
      answeredAt: item.answeredAt?.toISOString() ?? null,
    })),
    submittedAt: application.submittedAt?.toISOString() ?? null,
    decidedAt: application.decidedAt?.toISOString() ?? null,
    refusalGround: application.refusalGround,
    decisionReasons: application.decisionReasons,
    history: full.history.map((entry) => ({
      from: entry.fromStatus,
      to: entry.toStatus,
      reason: entry.reason,
      at: entry.at.toISOString(),
      by: entry.by,
    })),
  };
}

/** The assessor's view: the submission, the criteria with their marks, the national assurance and the clock. */
export function assessmentJson(view: AssessmentView) {
  const marks = new Map(view.marks.map((mark) => [mark.criterion, { passed: mark.passed, note: mark.note }]));
  return {
    ...applicationJson(view),
    criteria: view.criteria.map((criterion) => ({ ...criterion, mark: marks.get(criterion.id) ?? null })),
    assurance: {
      complete: view.assurance.complete,
      valid: view.assurance.valid,
      items: view.assurance.items.map(({ kind, label, state, expiresOn, expired }) => ({ kind, label, state, expiresOn, expired })),
    },
    conflictOfInterest: view.conflictOfInterest,
    waitingWorkingDays: view.waitingWorkingDays,
  };
}
