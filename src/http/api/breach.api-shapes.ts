/** The JSON shapes of KPI breaches (decision 0056): a breach with the figure that opened it, its plan, its history and the caller's next steps. */
import { Type } from 'typebox';
import type { BreachView } from '../../domains/provider-quality/breach-read.service.ts';
import type { BreachRecord } from '../../domains/provider-quality/breach.repo.ts';
import { BREACH_STATUSES } from '../../domains/provider-quality/breach.rules.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Party = Type.Object({ id: Type.String(), name: Type.String() });
const STEPS = ['notice', 'response', 'plan', 'milestone', 'close', 'withdraw', 'escalate', 'suspend'] as const;

export const BreachSummary = Type.Object({
  id: Type.String({ format: 'uuid' }),
  reference: Type.String({ description: 'BR-00012' }),
  status: Type.Enum([...BREACH_STATUSES]),
  offer: Type.Object({ id: Type.String(), reference: Type.String(), title: Type.String() }),
  provider: Party,
  commissioner: Party,
  kpi: Type.Object({
    resultId: Nullable(Type.String({ description: 'The stored KPI result that opened the breach' })),
    code: Type.String(),
    name: Type.String(),
    endMonth: Type.String(),
    periodFrom: Type.String(),
    periodTo: Type.String(),
    thresholdPercent: Type.Integer(),
    direction: Type.String({ description: 'at-least, or at-most for a rate that should be low' }),
    numerator: Type.Integer(),
    denominator: Type.Integer(),
    percent: Nullable(Type.Number({ description: 'To one decimal place' })),
  }),
  openedOn: Type.String(),
  notice: Nullable(Type.Object({ text: Type.String(), issuedOn: Type.String(), respondBy: Type.String() })),
  response: Nullable(Type.Object({ text: Type.String(), respondedOn: Type.String(), meetBy: Type.String() })),
  planAgreedOn: Nullable(Type.String()),
  finishedOn: Nullable(Type.String()),
  version: Type.Integer({ description: 'Send it back with the next step; a stale one is refused (409)' }),
});

export const Breach = Type.Object({
  ...BreachSummary.properties,
  responseOverdue: Type.Boolean(),
  nextSteps: Type.Array(Type.Enum([...STEPS]), { description: 'The steps you may take now' }),
  periods: Nullable(
    Type.Object({ edition: Type.String(), respondWithinWorkingDays: Type.Integer(), meetWithinWorkingDays: Type.Integer() }),
  ),
  milestones: Type.Array(
    Type.Object({
      number: Type.Integer(),
      planNumber: Type.Integer(),
      current: Type.Boolean({ description: 'Part of the plan in force' }),
      description: Type.String(),
      dueOn: Type.String(),
      metOn: Nullable(Type.String()),
      missed: Type.Boolean({ description: 'Its date passed unmet' }),
    }),
  ),
  history: Type.Array(
    Type.Object({
      action: Type.String(),
      fromStatus: Nullable(Type.String()),
      toStatus: Type.String(),
      detail: Type.String(),
      occurredOn: Type.String(),
      occurredAt: Type.String({ format: 'date-time' }),
      by: Type.String(),
    }),
  ),
  listingId: Nullable(Type.String()),
});

/** A breach for lists. */
export function breachSummaryJson(breach: BreachRecord) {
  return {
    id: breach.id,
    reference: breach.reference,
    status: breach.status,
    offer: breach.offer,
    provider: breach.provider,
    commissioner: breach.commissioner,
    kpi: {
      resultId: breach.kpiResultId,
      code: breach.kpi.code,
      name: breach.kpi.name,
      endMonth: breach.kpi.endMonth,
      periodFrom: breach.kpi.periodFrom,
      periodTo: breach.kpi.periodTo,
      thresholdPercent: breach.kpi.thresholdPercent,
      direction: breach.kpi.direction,
      numerator: breach.kpi.numerator,
      denominator: breach.kpi.denominator,
      percent: breach.kpi.percentTenths === null ? null : breach.kpi.percentTenths / 10,
    },
    openedOn: breach.openedOn,
    notice:
      breach.noticeText && breach.noticeOn ? { text: breach.noticeText, issuedOn: breach.noticeOn, respondBy: breach.respondBy! } : null,
    response:
      breach.responseText && breach.respondedOn
        ? { text: breach.responseText, respondedOn: breach.respondedOn, meetBy: breach.meetBy! }
        : null,
    planAgreedOn: breach.planAgreedOn,
    finishedOn: breach.finishedOn,
    version: breach.version,
  };
}

/** A breach with its plan, history and the caller's next steps. */
export function breachJson(breach: BreachView) {
  return {
    ...breachSummaryJson(breach),
    responseOverdue: breach.responseOverdue,
    nextSteps: breach.nextSteps,
    periods: breach.periods,
    milestones: breach.milestones.map((milestone) => ({
      number: milestone.number,
      planNumber: milestone.planNumber,
      current: milestone.current,
      description: milestone.description,
      dueOn: milestone.dueOn,
      metOn: milestone.metOn,
      missed: milestone.missed,
    })),
    history: breach.events.map((event) => ({ ...event, occurredAt: event.occurredAt.toISOString() })),
    listingId: breach.listingId,
  };
}
