/** Activity lines over the API (issue #14 item 2; decision 0044): providers send batches, idempotent by their own line ids; providers and commissioners read a month. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import type { Deps } from '../../domains/deps.ts';
import { activityLinesOfMonth } from '../../domains/payments/activity-line-list.service.ts';
import { MONTH_PATTERN } from '../../domains/payments/month.rules.ts';
import type { ListedLine } from '../../domains/payments/activity-line-list.repo.ts';
import { type ActivityLine, type AttendanceCode, REJECTION_REASONS } from '../../domains/payments/activity-line.rules.ts';
import { MAX_BATCH_LINES, submitActivityLines } from '../../domains/payments/activity-submission.service.ts';
import { problemResponses } from './schemas.ts';

/** A provider's own line id: the idempotency key; ids starting `platform:` are the platform's own. */
const LineId = Type.String({
  pattern: '^[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}$',
  description: 'Your own id for the line, unique among your lines',
});
const Line = Type.Object(
  {
    lineId: LineId,
    referralReference: Type.String({ minLength: 1, maxLength: 20, description: 'The referral’s 12-digit reference' }),
    currencyCode: Type.String({ minLength: 1, maxLength: 40, description: 'A currency of the offer’s pack, e.g. session or AS05' }),
    activityDate: Type.String({ maxLength: 10, description: 'YYYY-MM-DD' }),
    attendance: Type.String({ maxLength: 1, description: 'NHS ATTENDED OR DID NOT ATTEND code: 5, 6, 7, 2, 3, 4 or 0' }),
    complexityBand: Type.String({ minLength: 1, maxLength: 60 }),
    kind: Type.Optional(Type.Union([Type.Literal('original'), Type.Literal('reversal')], { default: 'original' })),
    reversesLineId: Type.Optional(Type.String({ maxLength: 100, description: 'For a reversal: the id of the line it takes back' })),
  },
  { additionalProperties: false },
);
const Outcome = Type.Object({
  lineId: Type.String(),
  outcome: Type.Union([Type.Literal('accepted'), Type.Literal('refused'), Type.Literal('already-received')]),
  pricePence: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
  reasonCode: Type.Optional(Type.String({ description: `One of ${Object.keys(REJECTION_REASONS).join(', ')}` })),
  reason: Type.Optional(Type.String()),
  firstOutcome: Type.Optional(Type.Union([Type.Literal('accepted'), Type.Literal('refused')])),
});
const Report = Type.Object({
  submissionId: Type.String(),
  received: Type.Integer(),
  accepted: Type.Integer(),
  refused: Type.Integer(),
  alreadyReceived: Type.Integer(),
  lines: Type.Array(Outcome),
});
const Listed = Type.Object({
  id: Type.String({ format: 'uuid', description: 'AQP’s id for the line, to query it (POST /api/v1/activity-lines/{id}/query)' }),
  lineId: Type.String(),
  providerName: Type.String(),
  referralReference: Type.String(),
  currencyCode: Type.String(),
  complexityBand: Type.String(),
  activityDate: Type.String(),
  attendance: Type.String(),
  kind: Type.String(),
  reversesLineId: Type.Union([Type.String(), Type.Null()]),
  source: Type.String(),
  status: Type.String(),
  reasonCode: Type.Union([Type.String(), Type.Null()]),
  pricePence: Type.Union([Type.Integer(), Type.Null()]),
  receivedAt: Type.String(),
});

const listedJson = (line: ListedLine) => ({
  id: line.id,
  lineId: line.providerLineId,
  providerName: line.providerName,
  referralReference: line.referralReference,
  currencyCode: line.currencyCode,
  complexityBand: line.complexityBand,
  activityDate: line.activityDate,
  attendance: line.attendanceCode,
  kind: line.kind,
  reversesLineId: line.reversesLineId,
  source: line.source,
  status: line.status,
  reasonCode: line.rejectionReason,
  pricePence: line.pricePence,
  receivedAt: line.receivedAt.toISOString(),
});

const asLine = (line: Static<typeof Line>): ActivityLine => ({
  ...line,
  attendance: line.attendance as AttendanceCode,
  kind: line.kind ?? 'original',
});

export function registerActivityLineApi(scope: FastifyInstance, deps: Deps): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/api/v1/activity-lines',
    {
      config: { roles: ['provider-admin', 'provider-clinician'] as const },
      schema: {
        tags: ['payments'],
        summary: `Send up to ${MAX_BATCH_LINES} activity lines; each is accepted and priced, refused with a coded reason, or reported as already received (same line id)`,
        body: Type.Object({ lines: Type.Array(Line, { minItems: 1, maxItems: MAX_BATCH_LINES }) }, { additionalProperties: false }),
        response: { 200: Report, ...problemResponses },
      },
    },
    async (request) => submitActivityLines(deps, request.actionContext(), { lines: request.body.lines.map(asLine), source: 'api' }),
  );

  app.get(
    '/api/v1/activity-lines',
    {
      config: { roles: ['provider-admin', 'provider-clinician', 'commissioner', 'commissioner-finance'] as const },
      schema: {
        tags: ['payments'],
        summary:
          'Activity lines dated in a month (this month if none is given): a provider sees its own, a commissioner the lines on its offers',
        querystring: Type.Object({
          month: Type.Optional(Type.String({ pattern: MONTH_PATTERN, description: 'YYYY-MM; the current month in England if left out' })),
        }),
        response: { 200: Type.Object({ month: Type.String(), items: Type.Array(Listed) }), ...problemResponses },
      },
    },
    async (request) => {
      const { month, lines } = await activityLinesOfMonth(deps, request.actionContext(), request.query.month);
      return { month, items: lines.map(listedJson) };
    },
  );
}
