/** National assurance pages: each kind with their current evidence, recording new evidence with a document upload, and downloads. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { ownAssurance, recordEvidence } from '../../../domains/providers/assurance.service.ts';
import { downloadDocument } from '../../../domains/providers/document-access.service.ts';
import { ALLOWED_DOCUMENT_TYPES, describeSize, MAX_DOCUMENT_BYTES } from '../../../domains/providers/document-type.rules.ts';
import { EVIDENCE_REQUIREMENTS } from '../../../domains/providers/evidence-input.rules.ts';
import {
  CQC_STATUS_LABELS,
  CQC_STATUSES,
  EVIDENCE_LABELS,
  type EvidenceKind,
  isEvidenceKind,
  REGISTRATION_BODIES,
  REGISTRATION_BODY_LABELS,
} from '../../../domains/providers/evidence-kinds.rules.ts';
import { DomainError } from '../../../lib/errors.ts';
import { datePartsOf, isoDateFromParts } from '../date-input.ts';
import { attempt, field, type FormErrors, rejected, renderForm } from '../form.ts';
import { get, post, registerPages } from '../page-routes.ts';
import { evidenceRow } from './assurance.presenter.ts';
import { registerUploads, uploadedFileOf } from './multipart-upload.ts';
import { PROVIDER_ADMIN, PROVIDER_PEOPLE } from './profile.ts';

const DOCUMENT_READERS = { config: { roles: ['provider-admin', 'provider-clinician', 'assessor', 'national-admin'] as const } };

function kindOf(request: FastifyRequest): EvidenceKind {
  const { kind } = request.params as { kind: string };
  if (!isEvidenceKind(kind)) throw new DomainError('not-found', 'There is no such kind of assurance evidence');
  return kind;
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

/** The evidence form for one kind, filled from what was just sent. */
function viewEvidenceForm(reply: FastifyReply, kind: EvidenceKind, body: unknown, errors?: FormErrors) {
  return renderForm(
    reply,
    'pages/providers/evidence.njk',
    `Record ${EVIDENCE_LABELS[kind]} evidence`,
    {
      kind,
      label: EVIDENCE_LABELS[kind],
      rules: EVIDENCE_REQUIREMENTS[kind],
      values: {
        reference: field(body, 'reference'),
        cqcStatus: field(body, 'cqcStatus'),
        declaration: field(body, 'declaration'),
        notApplicableReason: field(body, 'notApplicableReason'),
        registrationBody: field(body, 'registrationBody'),
      },
      expiresOn: datePartsOf(body, 'expiresOn'),
      cqcStatuses: CQC_STATUSES.map((value) => ({ value, text: CQC_STATUS_LABELS[value] })),
      registrationBodies: REGISTRATION_BODIES.map((value) => ({ value, text: REGISTRATION_BODY_LABELS[value] })),
      maxSize: describeSize(MAX_DOCUMENT_BYTES),
      accept: ALLOWED_DOCUMENT_TYPES.join(','),
    },
    errors,
  );
}

/** Each kind of national assurance with the provider's current evidence. */
async function viewAssurance(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const { summary, evidence } = await ownAssurance(deps, request.actionContext());
  const rows = summary.items.map((item) =>
    evidenceRow(
      item,
      evidence.find((record) => record.kind === item.kind),
    ),
  );
  return reply.render('pages/providers/assurance.njk', {
    pageTitle: 'National assurance',
    rows,
    summary,
    mayChange: request.principal?.role === 'provider-admin',
  });
}

/** Records the evidence with its document, or shows the form again with its errors. */
async function submitEvidence(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const kind = kindOf(request);
  const body = request.body;
  const expiry = isoDateFromParts(datePartsOf(body, 'expiresOn'), 'expiresOn', 'The expiry date');
  const outcome = expiry.error
    ? rejected([expiry.error])
    : await attempt(() =>
        recordEvidence(deps, request.actionContext(), {
          kind,
          reference: field(body, 'reference'),
          cqcStatus: field(body, 'cqcStatus'),
          expiresOn: expiry.value,
          declaresTurnoverUnder10m: field(body, 'declaration') === 'yes',
          document: uploadedFileOf(body, 'document'),
          notApplicableReason: field(body, 'notApplicableReason'),
          registrationBody: field(body, 'registrationBody'),
        }),
      );
  if (!outcome.ok) return viewEvidenceForm(reply, kind, body, outcome.errors);
  request.session.flash = `Your ${EVIDENCE_LABELS[kind]} evidence has been recorded and is awaiting verification.`;
  return reply.redirect('/provider/assurance', 303);
}

export function registerAssurancePages(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get('/provider/assurance', (request, reply) => viewAssurance(deps, request, reply), PROVIDER_PEOPLE),
    get('/provider/assurance/:kind', async (request, reply) => viewEvidenceForm(reply, kindOf(request), {}), PROVIDER_ADMIN),
    get(
      '/documents/:id',
      async (request, reply) =>
        sendDocument(reply, await downloadDocument(deps, request.actionContext(), (request.params as { id: string }).id)),
      DOCUMENT_READERS,
    ),
  ]);
  // The upload is multipart, so its route lives in a scope with the multipart parser, checking the CSRF token itself.
  app.register(async (scope) => {
    await registerUploads(scope);
    registerPages(scope, [
      post('/provider/assurance/:kind', (request, reply) => submitEvidence(deps, request, reply), {
        config: { roles: ['provider-admin'] as const, csrf: false },
        preHandler: scope.csrfProtection,
      }),
    ]);
  });
}
