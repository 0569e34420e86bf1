/** National assurance over the API: a provider's evidence (recorded with a multipart upload), the verification queue and verdicts. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Deps } from '../../domains/deps.ts';
import type { EvidenceRecord } from '../../domains/providers/assurance.repo.ts';
import { ownAssurance, recordEvidence } from '../../domains/providers/assurance.service.ts';
import { downloadDocument } from '../../domains/providers/document-access.service.ts';
import { CQC_STATUSES, EVIDENCE_KINDS } from '../../domains/providers/evidence-kinds.rules.ts';
import { judgeEvidence, recordCqcStatus, verificationQueue } from '../../domains/providers/verification.service.ts';
import { validationFailed } from '../../lib/errors.ts';
import { isIsoDate } from '../../lib/iso-date.ts';
import { field } from '../web/form.ts';
import { sendDocument } from '../web/providers/assurance.ts';
import { registerUploads, uploadedFileOf } from '../web/providers/multipart-upload.ts';
import { PageQuery, problemResponses } from './schemas.ts';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
const Id = Type.Object({ id: Type.String({ maxLength: 40 }) });

const EvidenceJson = Type.Object({
  id: Type.String(),
  organisationId: Type.String(),
  organisationName: Type.String(),
  kind: Type.String(),
  reference: Nullable(Type.String()),
  cqcStatus: Nullable(Type.String()),
  notApplicableReason: Nullable(Type.String()),
  registrationBody: Nullable(Type.String()),
  expiresOn: Nullable(Type.String()),
  documentId: Nullable(Type.String()),
  documentName: Nullable(Type.String()),
  verificationStatus: Type.String(),
  verificationNote: Nullable(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
});
const SummaryItemJson = Type.Object({
  kind: Type.Enum(EVIDENCE_KINDS),
  label: Type.String(),
  state: Type.String(),
  expiresOn: Nullable(Type.String()),
  expired: Type.Boolean(),
  dueWithinDays: Type.Union([Type.Integer(), Type.Null()]),
  evidenceId: Nullable(Type.String()),
  cqcStatus: Nullable(Type.String()),
  evidence: Type.Union([EvidenceJson, Type.Null()]),
});

function evidenceJson(record: EvidenceRecord) {
  return {
    id: record.id,
    organisationId: record.organisationId,
    organisationName: record.organisationName,
    kind: record.kind,
    reference: record.reference,
    cqcStatus: record.cqcStatus,
    notApplicableReason: record.notApplicableReason,
    registrationBody: record.registrationBody,
    expiresOn: record.expiresOn,
    documentId: record.documentId,
    documentName: record.documentName,
    verificationStatus: record.verificationStatus,
    verificationNote: record.verificationNote,
    createdAt: record.createdAt.toISOString(),
  };
}

export function registerAssuranceApi(scope: FastifyInstance, deps: Deps): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/provider/assurance',
    {
      config: { roles: ['provider-admin', 'provider-clinician'] },
      schema: {
        tags: ['assurance'],
        summary: 'Your national assurance: each kind with its current evidence, and whether it is complete and valid',
        response: {
          200: Type.Object({ complete: Type.Boolean(), valid: Type.Boolean(), items: Type.Array(SummaryItemJson) }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const { summary, evidence } = await ownAssurance(deps, request.actionContext());
      const items = summary.items.map((item) => {
        const record = evidence.find((row) => row.id === item.evidenceId);
        return { ...item, evidence: record ? evidenceJson(record) : null };
      });
      return { complete: summary.complete, valid: summary.valid, items };
    },
  );

  app.register(async (uploads) => {
    await registerUploads(uploads);
    uploads.post(
      '/api/v1/provider/assurance',
      {
        config: { roles: ['provider-admin'] },
        schema: {
          tags: ['assurance'],
          consumes: ['multipart/form-data'],
          summary:
            'Record evidence of one kind (multipart/form-data: kind, reference, cqcStatus, expiresOn as YYYY-MM-DD, declaration=yes for a Monitor exemption, notApplicableReason and registrationBody (HCPC, GOC, GPhC, GOsC, GCC, GDC, NMC or GMC) for cqc-not-applicable where the service is not a CQC-regulated activity, and a PDF, PNG or JPEG "document" under 10 MB); it supersedes the previous evidence of that kind',
          response: { 201: Type.Object({ id: Type.String(), documentId: Nullable(Type.String()) }), ...problemResponses },
        },
      },
      async (request, reply) => {
        const body = request.body;
        const expiresOn = field(body, 'expiresOn').trim() || null;
        if (expiresOn && !isIsoDate(expiresOn))
          throw validationFailed([{ field: 'expiresOn', message: 'Give the expiry date as YYYY-MM-DD' }]);
        const recorded = await recordEvidence(deps, request.actionContext(), {
          kind: field(body, 'kind'),
          reference: field(body, 'reference'),
          cqcStatus: field(body, 'cqcStatus'),
          expiresOn,
          declaresTurnoverUnder10m: ['yes', 'true'].includes(field(body, 'declaration')),
          document: uploadedFileOf(body, 'document'),
          notApplicableReason: field(body, 'notApplicableReason'),
          registrationBody: field(body, 'registrationBody'),
        });
        return reply.status(201).send(recorded);
      },
    );
  });

  app.get(
    '/api/v1/documents/:id',
    {
      config: { roles: ['provider-admin', 'provider-clinician', 'assessor', 'national-admin'] },
      schema: {
        tags: ['assurance'],
        summary: 'Download an evidence document (the provider’s own people and the national qualification centre; audited)',
        params: Id,
      },
    },
    async (request, reply) => sendDocument(reply, await downloadDocument(deps, request.actionContext(), request.params.id)),
  );

  app.get(
    '/api/v1/assurance/pending',
    {
      config: { roles: ['assessor', 'national-admin'] },
      schema: {
        tags: ['assurance'],
        summary: 'Evidence awaiting verification by the national qualification centre, oldest first',
        querystring: PageQuery,
        response: {
          200: Type.Object({ items: Type.Array(EvidenceJson), page: Type.Integer(), pageSize: Type.Integer() }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const page = request.query.page ?? 1;
      const pageSize = request.query.pageSize ?? 50;
      const items = await verificationQueue(deps, request.actionContext(), { limit: pageSize, offset: (page - 1) * pageSize });
      return { items: items.map(evidenceJson), page, pageSize };
    },
  );

  app.post(
    '/api/v1/assurance/:id/verification',
    {
      config: { roles: ['assessor', 'national-admin'] },
      schema: {
        tags: ['assurance'],
        summary: 'Mark pending evidence verified or rejected (a note is required to reject)',
        params: Id,
        body: Type.Object({ decision: Type.Enum(['verified', 'rejected']), note: Type.Optional(Type.String({ maxLength: 4000 })) }),
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await judgeEvidence(deps, request.actionContext(), request.params.id, {
        decision: request.body.decision,
        note: request.body.note ?? '',
      });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/providers/:id/cqc-status',
    {
      config: { roles: ['national-admin'] },
      schema: {
        tags: ['assurance'],
        summary: 'Record a change of a provider’s CQC registration status (national administrators)',
        params: Id,
        body: Type.Object({ status: Type.Enum(CQC_STATUSES), note: Type.String({ maxLength: 2000 }) }),
        response: { 201: Type.Object({ id: Type.String() }), ...problemResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await recordCqcStatus(deps, request.actionContext(), request.params.id, request.body)),
  );
}
