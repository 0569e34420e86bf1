/** National assurance pages: each kind with their current evidence, recording new evidence with a document upload, and downloads. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { ownAssurance, recordEvidence } from '../../../domains/providers/assurance.service.ts';
import { downloadDocument } from '../../../domains/providers/document-access.service.ts';
import { ALLOWED_DOCUMENT_TYPES, describeSize, MAX_DOCUMENT_BYTES } from '../../../domains/providers/document-type.rules.ts';
import { EVIDENCE_REQUIREMENTS } from '../../../domains/providers/evidence-input.rules.ts';
import { CQC_STATUS_LABELS, CQC_STATUSES, EVIDENCE_LABELS, type EvidenceKind, isEvidenceKind, REGISTRATION_BODIES, REGISTRATION_BODY_LABELS } from '../../../domains/providers/evidence-kinds.rules.ts';
import { DomainError } from '../../../lib/errors.ts';
import { datePartsOf, isoDateFromParts } from '../date-input.ts';
import { field, type FormErrors, formErrors, validationErrorsOf } from '../form.ts';
import { evidenceRow } from './assurance.presenter.ts';
import { registerUploads, uploadedFileOf } from './multipart-upload.ts';
import { PROVIDER_PEOPLE } from './profile.ts';

type KindParams = { kind: string };

function kindOf(request: FastifyRequest<{ Params: KindParams }>): EvidenceKind {
  if (!isEvidenceKind(request.params.kind)) throw new DomainError('not-found', 'There is no such kind of assurance evidence');
  return request.params.kind;
}

/** Sends a document as an attachment that the browser must not sniff or render inline. */
export function sendDocument(reply: FastifyReply, document: { fileName: string; contentType: string; content: Uint8Array }): FastifyReply {
  return reply
    .header('Content-Type', document.contentType)
    .header('Content-Disposition', `attachment; filename="${document.fileName.replace(/"/g, '')}"`)
    .header('X-Content-Type-Options', 'nosniff')
    .header('Cache-Control', 'private, no-store')
    .send(Buffer.from(document.content));
}

function renderForm(reply: FastifyReply, kind: EvidenceKind, body: unknown, status = 200, errors?: FormErrors) {
  return reply.status(status).render('pages/providers/evidence.njk', {
    pageTitle: `${errors ? 'Error: ' : ''}Record ${EVIDENCE_LABELS[kind]} evidence`, kind, label: EVIDENCE_LABELS[kind], rules: EVIDENCE_REQUIREMENTS[kind],
    values: { reference: field(body, 'reference'), cqcStatus: field(body, 'cqcStatus'), declaration: field(body, 'declaration'), notApplicableReason: field(body, 'notApplicableReason'), registrationBody: field(body, 'registrationBody') },
    expiresOn: datePartsOf(body, 'expiresOn'), cqcStatuses: CQC_STATUSES.map((value) => ({ value, text: CQC_STATUS_LABELS[value] })),
    registrationBodies: REGISTRATION_BODIES.map((value) => ({ value, text: REGISTRATION_BODY_LABELS[value] })), maxSize: describeSize(MAX_DOCUMENT_BYTES), accept: ALLOWED_DOCUMENT_TYPES.join(','), ...errors,
  });
}

export function registerAssurancePages(app: FastifyInstance, deps: Deps): void {
  app.get('/provider/assurance', PROVIDER_PEOPLE, async (request, reply) => {
    const { summary, evidence } = await ownAssurance(deps, request.actionContext());
    const rows = summary.items.map((item) => evidenceRow(item, evidence.find((record) => record.kind === item.kind)));
    return reply.render('pages/providers/assurance.njk', { pageTitle: 'National assurance', rows, summary, mayChange: request.principal?.role === 'provider-admin' });
  });

  app.get<{ Params: KindParams }>('/provider/assurance/:kind', { config: { roles: ['provider-admin'] } }, async (request, reply) => renderForm(reply, kindOf(request), {}));

  app.register(async (scope) => {
    await registerUploads(scope);
    scope.post<{ Params: KindParams }>('/provider/assurance/:kind', { config: { roles: ['provider-admin'], csrf: false }, preHandler: scope.csrfProtection }, async (request, reply) => {
      const kind = kindOf(request);
      const body = request.body;
      const expiry = isoDateFromParts(datePartsOf(body, 'expiresOn'), 'expiresOn', 'The expiry date');
      try {
        if (expiry.error) return renderForm(reply, kind, body, 400, formErrors([expiry.error]));
        await recordEvidence(deps, request.actionContext(), {
          kind, reference: field(body, 'reference'), cqcStatus: field(body, 'cqcStatus'), expiresOn: expiry.value,
          declaresTurnoverUnder10m: field(body, 'declaration') === 'yes', document: uploadedFileOf(body, 'document'),
          notApplicableReason: field(body, 'notApplicableReason'), registrationBody: field(body, 'registrationBody'),
        });
        request.session.flash = `Your ${EVIDENCE_LABELS[kind]} evidence has been recorded and is awaiting verification.`;
        return reply.redirect('/provider/assurance', 303);
      } catch (error) {
        const errors = validationErrorsOf(error);
        if (!errors) throw error;
        return renderForm(reply, kind, body, 400, errors);
      }
    });
  });

  app.get<{ Params: { id: string } }>('/documents/:id', { config: { roles: ['provider-admin', 'provider-clinician', 'assessor', 'national-admin'] } }, async (request, reply) =>
    sendDocument(reply, await downloadDocument(deps, request.actionContext(), request.params.id)));
}
