/** Provider actions on a referral (accept, return, sessions, discharge), the referrer's cancel, and both worklists over the API (issue #6 items 6–7). */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Deps } from '../../domains/deps.ts';
import type { ActionContext } from '../../domains/identity/principal.ts';
import { viewReferral } from '../../domains/referrals/referral-access.service.ts';
import { cancelReferral } from '../../domains/referrals/referral-cancel.service.ts';
import { acceptReferral, dischargeReferral, returnReferral } from '../../domains/referrals/referral-provider.service.ts';
import { CANCEL_REASON_CODES, DISCHARGE_OUTCOMES, RETURN_REASON_CODES } from '../../domains/referrals/referral-reasons.rules.ts';
import { recordContact } from '../../domains/referrals/referral-session.service.ts';
import { providerWorklist, referrerWorklist, type WorklistItem } from '../../domains/referrals/worklist.service.ts';
import { DomainError } from '../../lib/errors.ts';
import { ContactOutcomeFields, DischargeOutcomeFields } from './referral-outcomes.schemas.ts';
import { PageQuery, problemResponses } from './schemas.ts';

const Ubrn = Type.Object({ ubrn: Type.String({ maxLength: 20 }) });
const Status = Type.Object({ ubrn: Type.String(), status: Type.String() });
const Reason = (codes: readonly string[]) =>
  Type.Object({
    reasonCode: Type.String({ maxLength: 60, description: `One of ${codes.join(', ')}` }),
    comment: Type.Optional(
      Type.String({ maxLength: 2000, description: 'Required for some codes (FURTHER_INFORMATION_REQUIRED and OTHER)' }),
    ),
  });
const Contact = Type.Object({
  kind: Type.Union([Type.Literal('appointment'), Type.Literal('session')]),
  scheduledFor: Type.Optional(Type.String({ maxLength: 40, description: 'ISO date-time of the appointment or session' })),
  attendance: Type.Optional(
    Type.Union([Type.Literal('attended'), Type.Literal('did-not-attend')], { description: 'Required for a session' }),
  ),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
  ...ContactOutcomeFields,
});
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
const Item = Type.Object({
  ubrn: Type.String(),
  status: Type.String(),
  statusLabel: Type.String(),
  patientName: Type.String(),
  serviceName: Type.String(),
  providerName: Nullable(Type.String()),
  referredOn: Type.String(),
  sentAt: Nullable(Type.String()),
  acceptBy: Nullable(Type.String()),
  acceptedAt: Nullable(Type.String()),
  sessionsAttended: Type.Integer(),
  sessionCap: Type.Union([Type.Integer(), Type.Null()]),
  attention: Type.Optional(Type.String()),
  workingDaysOverdue: Type.Optional(Type.Integer()),
  returnReasonCode: Nullable(Type.String()),
  returnReasonLabel: Type.Optional(Type.String()),
  returnComment: Nullable(Type.String()),
});
const Worklist = Type.Object({ items: Type.Array(Item), page: Type.Integer(), pageSize: Type.Integer(), total: Type.Integer() });

const itemJson = ({ row, ...facts }: WorklistItem) => ({
  ubrn: row.ubrn,
  status: row.status,
  statusLabel: facts.statusLabel,
  patientName: row.patientName,
  serviceName: row.serviceName,
  providerName: row.providerName,
  referredOn: row.referredOn,
  sentAt: row.sentAt?.toISOString() ?? null,
  acceptBy: row.acceptBy,
  acceptedAt: row.acceptedAt?.toISOString() ?? null,
  sessionsAttended: row.sessionsAttended,
  sessionCap: facts.sessionCap,
  attention: facts.attention,
  workingDaysOverdue: facts.workingDaysOverdue,
  returnReasonCode: row.returnReasonCode,
  returnReasonLabel: facts.returnReasonLabel,
  returnComment: row.returnComment,
});

const PROVIDER_ROLES = ['provider-admin', 'provider-clinician'] as const;

/** The referral as the chosen provider sees it (audited); to anyone else it does not exist. */
export async function providerReferral(deps: Deps, context: ActionContext, ubrn: string, page: string) {
  const referral = await viewReferral(deps, context, ubrn, { page });
  if (referral.side !== 'provider') throw new DomainError('not-found', 'There is no referral with that reference');
  return referral;
}

export function registerWorklistApi(scope: FastifyInstance, deps: Deps): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();
  const provider = { roles: PROVIDER_ROLES };

  app.post(
    '/api/v1/referrals/:ubrn/accept',
    {
      config: provider,
      schema: {
        tags: ['referrals'],
        summary: 'Accept a referral sent to your organisation; a second accept, or one racing it, is a 409 conflict',
        params: Ubrn,
        response: { 200: Status, ...problemResponses },
      },
    },
    async (request) => {
      const referral = await providerReferral(deps, request.actionContext(), request.params.ubrn, 'api-accept');
      await acceptReferral(deps, request.actionContext(), referral);
      return { ubrn: referral.ubrn, status: 'accepted' };
    },
  );

  app.post(
    '/api/v1/referrals/:ubrn/return',
    {
      config: provider,
      schema: {
        tags: ['referrals'],
        summary: 'Return a sent referral to the referrer with a coded reason',
        params: Ubrn,
        body: Reason(RETURN_REASON_CODES),
        response: { 200: Status, ...problemResponses },
      },
    },
    async (request) => {
      const referral = await providerReferral(deps, request.actionContext(), request.params.ubrn, 'api-return');
      await returnReferral(deps, request.actionContext(), referral, request.body);
      return { ubrn: referral.ubrn, status: 'returned' };
    },
  );

  app.post(
    '/api/v1/referrals/:ubrn/sessions',
    {
      config: provider,
      schema: {
        tags: ['referrals'],
        summary:
          'Record an appointment or a session with attendance (and PHQ-9 and GAD-7 at an attended talking-therapies session); at the pack’s session cap the episode closes and the referrer is told',
        params: Ubrn,
        body: Contact,
        response: {
          201: Type.Object({
            ubrn: Type.String(),
            contactId: Type.String({ description: 'The contact recorded: a scan’s report date is recorded against it later' }),
            status: Type.String(),
            sessionsAttended: Type.Integer(),
            sessionCap: Type.Union([Type.Integer(), Type.Null()]),
          }),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const referral = await providerReferral(deps, request.actionContext(), request.params.ubrn, 'api-sessions');
      return reply
        .status(201)
        .send({ ubrn: referral.ubrn, ...(await recordContact(deps, request.actionContext(), referral, request.body)) });
    },
  );

  app.post(
    '/api/v1/referrals/:ubrn/discharge',
    {
      config: provider,
      schema: {
        tags: ['referrals'],
        summary: 'Discharge a patient in treatment with the outcome of their care; for adult hearing, with the hearing aids fitted',
        params: Ubrn,
        body: Type.Object({
          outcome: Type.String({ maxLength: 40, description: `One of ${DISCHARGE_OUTCOMES.join(', ')}` }),
          comment: Type.Optional(Type.String({ maxLength: 2000 })),
          ...DischargeOutcomeFields,
        }),
        response: { 200: Status, ...problemResponses },
      },
    },
    async (request) => {
      const referral = await providerReferral(deps, request.actionContext(), request.params.ubrn, 'api-discharge');
      await dischargeReferral(deps, request.actionContext(), referral, request.body);
      return { ubrn: referral.ubrn, status: 'discharged' };
    },
  );

  app.post(
    '/api/v1/referrals/:ubrn/cancel',
    {
      config: { roles: ['referrer'] as const },
      schema: {
        tags: ['referrals'],
        summary: 'Cancel a referral that has not finished, with a coded reason',
        params: Ubrn,
        body: Reason(CANCEL_REASON_CODES),
        response: { 200: Status, ...problemResponses },
      },
    },
    async (request) => {
      const referral = await viewReferral(deps, request.actionContext(), request.params.ubrn, { page: 'api-cancel', referrerOnly: true });
      await cancelReferral(deps, request.actionContext(), referral, request.body);
      return { ubrn: referral.ubrn, status: 'cancelled' };
    },
  );

  app.get(
    '/api/v1/worklists/provider',
    {
      config: provider,
      schema: {
        tags: ['referrals'],
        summary: 'Referrals sent to you awaiting acceptance (earliest deadline first), then those in treatment',
        querystring: PageQuery,
        response: { 200: Worklist, ...problemResponses },
      },
    },
    async (request) => {
      const page = request.query.page ?? 1;
      const pageSize = request.query.pageSize ?? 50;
      const { items, total } = await providerWorklist(deps, request.actionContext(), { limit: pageSize, offset: (page - 1) * pageSize });
      return { items: items.map(itemJson), page, pageSize, total };
    },
  );

  app.get(
    '/api/v1/worklists/referrer',
    {
      config: { roles: ['referrer'] as const },
      schema: {
        tags: ['referrals'],
        summary: 'Your practice’s referrals needing attention: returned, overdue for acceptance, awaiting choice, episode closed',
        querystring: PageQuery,
        response: { 200: Worklist, ...problemResponses },
      },
    },
    async (request) => {
      const page = request.query.page ?? 1;
      const pageSize = request.query.pageSize ?? 50;
      const { items, total } = await referrerWorklist(deps, request.actionContext(), { limit: pageSize, offset: (page - 1) * pageSize });
      return { items: items.map(itemJson), page, pageSize, total };
    },
  );
}
