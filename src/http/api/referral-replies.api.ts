/** Replying to a returned referral and re-referring over the API (issue #12 item 8): the reply is one multipart request with its document; replies and attachments are read by both sides. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Deps } from '../../domains/deps.ts';
import { reRefer } from '../../domains/referrals/re-referral.service.ts';
import { viewReferral } from '../../domains/referrals/referral-access.service.ts';
import { REFERRAL_PRIORITIES, REFERRER_ROUTES } from '../../domains/referrals/referral-input.rules.ts';
import { repliesToReferral } from '../../domains/referrals/referral-reply.service.ts';
import { downloadReplyAttachment, replyAndResend } from '../../domains/referrals/referral-reply.service.ts';
import { field } from '../web/form.ts';
import { sendDocument } from '../web/providers/assurance.ts';
import { registerUploads, uploadedFileOf } from '../web/providers/multipart-upload.ts';
import { Decision, sendDecision } from './referral-decision.api.ts';
import { problemResponses } from './schemas.ts';

const Ubrn = Type.Object({ ubrn: Type.String({ maxLength: 20 }) });
const Attachment = Type.Object({ ubrn: Type.String({ maxLength: 20 }), documentId: Type.String({ maxLength: 40 }) });
const Reply = Type.Object({
  id: Type.String(),
  information: Type.String(),
  repliedAt: Type.String(),
  byName: Type.Union([Type.String(), Type.Null()]),
  attachments: Type.Array(
    Type.Object({ id: Type.String(), fileName: Type.String(), contentType: Type.String(), sizeBytes: Type.Integer() }),
  ),
});
const ReReferral = Type.Object({
  priority: Type.Enum(REFERRAL_PRIORITIES),
  route: Type.Enum(REFERRER_ROUTES),
  bodyArea: Type.Optional(Type.String({ maxLength: 100 })),
  answers: Type.Record(Type.String({ maxLength: 60 }), Type.Boolean(), {
    description: 'Answers to the current protocol’s questions, given again: the earlier referral’s answers are not copied',
  }),
  clinicalInformation: Type.String({ maxLength: 5000 }),
});

function registerReplyUpload(app: FastifyInstance, deps: Deps): void {
  app.register(async (uploads) => {
    await registerUploads(uploads);
    uploads.post(
      '/api/v1/referrals/:ubrn/reply',
      {
        config: { roles: ['referrer'] },
        schema: {
          tags: ['referrals'],
          consumes: ['multipart/form-data'],
          params: Ubrn,
          summary:
            'Reply to a returned referral (multipart/form-data: "information", and optionally one PDF, PNG or JPEG "attachment" under 10 MB); it is resent to the same provider with a new accept-by date',
          response: {
            200: Type.Object({
              status: Type.Literal('sent'),
              replyId: Type.String(),
              providerName: Type.String(),
              acceptBy: Type.String(),
            }),
            ...problemResponses,
          },
        },
      },
      async (request) => {
        const referral = await viewReferral(deps, request.actionContext(), (request.params as { ubrn: string }).ubrn, {
          page: 'api-reply',
          referrerOnly: true,
        });
        const sent = await replyAndResend(deps, request.actionContext(), referral, {
          information: field(request.body, 'information'),
          attachment: uploadedFileOf(request.body, 'attachment'),
        });
        return { status: 'sent' as const, ...sent };
      },
    );
  });
}

export function registerReferralReplyApi(scope: FastifyInstance, deps: Deps): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();
  registerReplyUpload(scope, deps);

  app.get(
    '/api/v1/referrals/:ubrn/replies',
    {
      config: { roles: ['referrer', 'provider-admin', 'provider-clinician'] as const },
      schema: {
        tags: ['referrals'],
        summary: 'The referrer’s replies to returns of this referral, oldest first, with their attachments (both sides; audited)',
        params: Ubrn,
        response: { 200: Type.Object({ items: Type.Array(Reply) }), ...problemResponses },
      },
    },
    async (request) => {
      const referral = await viewReferral(deps, request.actionContext(), request.params.ubrn, { page: 'api-replies' });
      const replies = await repliesToReferral(deps, referral.id);
      return { items: replies.map((reply) => ({ ...reply, repliedAt: reply.repliedAt.toISOString() })) };
    },
  );

  app.get(
    '/api/v1/referrals/:ubrn/attachments/:documentId',
    {
      config: { roles: ['referrer', 'provider-admin', 'provider-clinician'] as const },
      schema: { tags: ['referrals'], summary: 'Download a reply’s attachment (both sides of the referral; audited)', params: Attachment },
    },
    async (request, reply) => {
      const referral = await viewReferral(deps, request.actionContext(), request.params.ubrn, { page: 'api-attachment' });
      return sendDocument(reply, await downloadReplyAttachment(deps, request.actionContext(), referral, request.params.documentId));
    },
  );

  app.post(
    '/api/v1/referrals/:ubrn/re-referral',
    {
      config: { roles: ['referrer'] as const },
      schema: {
        tags: ['referrals'],
        summary:
          'Refer the patient of a discharged or closed referral again to the same service: the patient’s details are copied, the answers and clinical information are given afresh; 201 when eligible, 200 with every reason when not',
        params: Ubrn,
        body: ReReferral,
        response: { 200: Decision, 201: Decision, ...problemResponses },
      },
    },
    async (request, reply) => {
      const previous = await viewReferral(deps, request.actionContext(), request.params.ubrn, {
        page: 'api-re-referral',
        referrerOnly: true,
      });
      return sendDecision(reply, await reRefer(deps, request.actionContext(), previous, request.body));
    },
  );
}
