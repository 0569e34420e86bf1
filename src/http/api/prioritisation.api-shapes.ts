/** The shapes of prioritisation runs over the API (TypeBox schemas, role sets) and how a run is presented in them. */
import { Type } from 'typebox';
import type { RunOverview } from '../../domains/prioritisation/run-overview.service.ts';
import type { RunRecord } from '../../domains/prioritisation/run.repo.ts';
import { problemResponses } from './schemas.ts';

export const COMMISSIONER = { roles: ['commissioner'] as const };
export const READERS = { roles: ['commissioner', 'regional-reviewer'] as const };
export const problems = { ...problemResponses, 409: Type.Ref('Problem') };
const NullableString = Type.Union([Type.String(), Type.Null()]);
export const RunParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const tags = ['prioritisation'];

export const RunSummary = Type.Object({
  id: Type.String(),
  title: Type.String(),
  yearLabel: Type.String(),
  status: Type.String(),
  organisation: Type.Object({ id: Type.String(), name: Type.String() }),
  createdAt: Type.String(),
});
export const RunDetail = Type.Object({
  ...RunSummary.properties,
  members: Type.Array(Type.Object({ id: Type.String(), odsCode: NullableString, name: Type.String() })),
  approval: Type.Union([
    Type.Object({ boardName: Type.String(), note: Type.String(), approvedAt: Type.String(), recordedBy: NullableString }),
    Type.Null(),
  ]),
  notification: Type.Union([
    Type.Object({ organisation: Type.Object({ id: Type.String(), name: Type.String() }), text: Type.String(), notifiedAt: Type.String() }),
    Type.Null(),
  ]),
  longList: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      serviceCode: NullableString,
      isLocal: Type.Boolean(),
      isShortListed: Type.Boolean(),
      score: Type.Number({ description: 'Weighted mean of the criteria scores, 0–100' }),
      rank: Type.Integer(),
      support: Type.Union([Type.Number({ description: 'Mean stakeholder priority: high 3, mid 2, low 1' }), Type.Null()]),
      supportCounts: Type.Object({ high: Type.Integer(), mid: Type.Integer(), low: Type.Integer() }),
      scores: Type.Record(Type.String(), Type.Integer()),
    }),
  ),
  criteria: Type.Array(
    Type.Object({ id: Type.String(), kind: Type.String(), name: Type.String(), description: Type.String(), weight: Type.Integer() }),
  ),
  responses: Type.Array(
    Type.Object({
      id: Type.String(),
      itemId: Type.String(),
      group: Type.String(),
      priority: Type.String(),
      benefits: Type.String(),
      comment: Type.String(),
      source: Type.String(),
    }),
  ),
  milestones: Type.Array(
    Type.Object({
      id: Type.String(),
      title: Type.String(),
      description: Type.String(),
      dueOn: Type.String(),
      status: Type.String(),
      completedOn: NullableString,
      overdue: Type.Boolean(),
    }),
  ),
});

export const ResponseBody = Type.Object({
  itemId: Type.String(),
  group: Type.String({ maxLength: 200 }),
  priority: Type.String(),
  benefits: Type.Optional(Type.String({ maxLength: 2000 })),
  comment: Type.Optional(Type.String({ maxLength: 2000 })),
});
export const CriterionBody = Type.Object({
  kind: Type.Union([Type.Literal('prioritisation'), Type.Literal('benefits')]),
  name: Type.String({ maxLength: 200 }),
  description: Type.Optional(Type.String({ maxLength: 2000 })),
  weight: Type.Integer(),
});

export function summaryOf(run: RunRecord) {
  return {
    id: run.id,
    title: run.title,
    yearLabel: run.yearLabel,
    status: run.status,
    organisation: { id: run.organisationId, name: run.organisationName },
    createdAt: run.createdAt.toISOString(),
  };
}

export function detailOf({ run, members, items, criteria, responses, milestones }: RunOverview) {
  return {
    ...summaryOf(run),
    members,
    criteria,
    responses,
    milestones,
    approval: run.approvedAt
      ? {
          boardName: run.boardName ?? '',
          note: run.approvalNote ?? '',
          approvedAt: run.approvedAt.toISOString(),
          recordedBy: run.approvedByName,
        }
      : null,
    notification:
      run.notifiedAt && run.notifiedOrganisationId
        ? {
            organisation: { id: run.notifiedOrganisationId, name: run.notifiedOrganisationName ?? '' },
            text: run.notificationText ?? '',
            notifiedAt: run.notifiedAt.toISOString(),
          }
        : null,
    longList: items.map((item) => ({
      id: item.id,
      name: item.name,
      serviceCode: item.serviceCode,
      isLocal: item.isLocal,
      isShortListed: item.isShortListed,
      score: item.score,
      rank: item.rank,
      support: item.support,
      supportCounts: item.supportCounts,
      scores: item.scores,
    })),
  };
}
