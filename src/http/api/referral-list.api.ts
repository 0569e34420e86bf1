/** The full referral list over the API (issue #12 item 10): the organisation's referrals, open and closed, filtered and paged as JSON or downloaded as CSV. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Deps } from '../../domains/deps.ts';
import { referralListCsv } from '../../domains/referrals/referral-list.csv.ts';
import { CSV_ROW_LIMIT } from '../../domains/referrals/referral-list.rules.ts';
import { referralList, referralListForDownload, type ReferralListRow } from '../../domains/referrals/referral-list.service.ts';
import { REFERRAL_STATUS_LABELS, REFERRAL_STATUSES } from '../../domains/referrals/referral-status.rules.ts';
import { PageQuery, problemResponses } from './schemas.ts';

const IsoDate = (description: string) =>
  Type.Optional(Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', maxLength: 10, description }));
const FILTER = {
  status: Type.Optional(Type.Enum(REFERRAL_STATUSES)),
  overdue: Type.Optional(
    Type.Boolean({ description: 'Only referrals sent and not accepted by their accept-by date (implies status sent)' }),
  ),
  service: Type.Optional(
    Type.String({ pattern: '^[a-z0-9-]{1,60}$', maxLength: 60, description: 'A national service code, such as adult-hearing' }),
  ),
  sentFrom: IsoDate('Sent to the provider (providers) or referred (practices) on or after this date'),
  sentTo: IsoDate('Sent to the provider (providers) or referred (practices) on or before this date'),
  search: Type.Optional(
    Type.String({ maxLength: 40, description: 'An NHS number (10 digits) or referral reference (12 digits), spaces allowed' }),
  ),
};
const Filter = Type.Object(FILTER);
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
const Item = Type.Object({
  ubrn: Type.String(),
  status: Type.String(),
  statusLabel: Type.String(),
  patientName: Type.String(),
  nhsNumber: Nullable(Type.String()),
  serviceName: Type.String(),
  providerName: Nullable(Type.String()),
  practiceName: Nullable(Type.String()),
  referredOn: Type.String(),
  sentAt: Nullable(Type.String()),
  acceptBy: Nullable(Type.String()),
  sessionsAttended: Type.Integer(),
});

const itemJson = (row: ReferralListRow) => ({
  ...row,
  statusLabel: REFERRAL_STATUS_LABELS[row.status],
  sentAt: row.sentAt?.toISOString() ?? null,
});

export function registerReferralListApi(scope: FastifyInstance, deps: Deps): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();
  const config = { roles: ['provider-admin', 'provider-clinician', 'referrer'] as const };

  app.get(
    '/api/v1/worklists/referrals',
    {
      config,
      schema: {
        tags: ['referrals'],
        summary:
          'All your organisation’s referrals, open and closed, newest first: those sent to you (providers) or made by you (practices)',
        querystring: Type.Object({ ...FILTER, ...PageQuery.properties }),
        response: {
          200: Type.Object({ items: Type.Array(Item), page: Type.Integer(), pageSize: Type.Integer(), total: Type.Integer() }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 50, ...filter } = request.query;
      const { rows, total } = await referralList(deps, request.actionContext(), filter, { limit: pageSize, offset: (page - 1) * pageSize });
      return { items: rows.map(itemJson), page, pageSize, total };
    },
  );

  app.get(
    '/api/v1/worklists/referrals.csv',
    {
      config,
      schema: {
        tags: ['referrals'],
        summary: `The same list as CSV (RFC 4180), at most ${CSV_ROW_LIMIT} referrals; more is a 400 asking for a narrower filter`,
        querystring: Filter,
        response: problemResponses,
      },
    },
    async (request, reply) => {
      const { scope: side, rows } = await referralListForDownload(deps, request.actionContext(), request.query);
      return reply
        .header('content-type', 'text/csv; charset=utf-8; header=present')
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="referrals-${deps.clock.today()}.csv"`)
        .send(referralListCsv(side, rows));
    },
  );
}
