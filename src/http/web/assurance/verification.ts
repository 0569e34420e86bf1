/** The national qualification centre's pages: the queue of pending evidence, a verdict on one item, and CQC status changes. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { CQC_STATUS_LABELS, CQC_STATUSES, EVIDENCE_LABELS, isEvidenceKind } from '../../../domains/providers/evidence-kinds.rules.ts';
import {
  evidenceForVerifier,
  judgeEvidence,
  providersWithCqcStatus,
  recordCqcStatus,
  verificationQueue,
} from '../../../domains/providers/verification.service.ts';
import { attempt, field, type FormErrors, rejected, renderForm } from '../form.ts';
import { get, post, registerPages } from '../page-routes.ts';
import { evidenceReference } from '../providers/assurance.presenter.ts';
import type { EvidenceRecord } from '../../../domains/providers/assurance.repo.ts';
import { datedFileName, everyPage, sendListCsv } from '../csv-reply.ts';
import { formatDate, formatDateTime } from '../format.ts';
import { type ListColumns, listTableModel } from '../list-table.ts';

const VERIFIERS = { config: { roles: ['assessor', 'national-admin'] as const } };
const NATIONAL_ADMIN = { config: { roles: ['national-admin'] as const } };
type Params = { id: string };

const labelOf = (kind: string) => (isEvidenceKind(kind) ? EVIDENCE_LABELS[kind] : kind);

/** The queue as its page and its CSV both show it (decision 0067). */
const QUEUE_COLUMNS: ListColumns<EvidenceRecord> = [
  { heading: 'Provider', cell: (evidence) => evidence.organisationName },
  {
    heading: 'Evidence',
    cell: (evidence) => ({
      text: labelOf(evidence.kind),
      href: `/assurance/verification/${evidence.id}`,
      hidden: ` from ${evidence.organisationName}`,
    }),
  },
  { heading: 'Expires', cell: (evidence) => (evidence.expiresOn ? formatDate(evidence.expiresOn) : 'No expiry') },
  { heading: 'Recorded', cell: (evidence) => formatDateTime(evidence.createdAt) },
];

/** The evidence waiting for a verdict, oldest first (the first 50; the download holds all of it). */
async function viewVerificationQueue(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const queue = await verificationQueue(deps, request.actionContext());
  return reply.render('pages/assurance/queue.njk', {
    pageTitle: 'Evidence to verify',
    queue: listTableModel(QUEUE_COLUMNS, queue, {
      caption: 'Pending evidence',
      csvHref: '/assurance/verification.csv',
      what: 'all pending evidence',
    }),
    mayRecordCqc: request.principal?.role === 'national-admin',
  });
}

/** Every item waiting for a verdict as CSV, oldest first. */
async function downloadVerificationQueue(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const context = request.actionContext();
  const batches = everyPage(async (page) => {
    const rows = await verificationQueue(deps, context, page);
    return { rows, total: Number.POSITIVE_INFINITY }; // the queue is not counted: a short batch ends it
  });
  return sendListCsv(reply, datedFileName('evidence-to-verify', deps.clock.today()), QUEUE_COLUMNS, batches);
}

/** One item of evidence with the verdict form, filled from what was just sent. */
async function viewVerdict(deps: Deps, request: FastifyRequest, reply: FastifyReply, body?: unknown, errors?: FormErrors) {
  const evidence = await evidenceForVerifier(deps, request.actionContext(), (request.params as Params).id);
  const cqcStatus = evidence.cqcStatus && CQC_STATUS_LABELS[evidence.cqcStatus as keyof typeof CQC_STATUS_LABELS];
  return renderForm(
    reply,
    'pages/assurance/verify.njk',
    `Verify ${labelOf(evidence.kind)} evidence`,
    {
      evidence,
      label: labelOf(evidence.kind),
      cqcStatus,
      reference: evidenceReference(evidence),
      values: { decision: field(body, 'decision'), note: field(body, 'note') },
    },
    errors,
  );
}

/** Records the verdict and returns to the queue, or shows the form again with its errors. */
async function submitVerdict(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const outcome = await attempt(() =>
    judgeEvidence(deps, request.actionContext(), (request.params as Params).id, {
      decision: field(request.body, 'decision'),
      note: field(request.body, 'note'),
    }),
  );
  if (!outcome.ok) return viewVerdict(deps, request, reply, request.body, outcome.errors);
  request.session.flash =
    field(request.body, 'decision') === 'verified'
      ? 'The evidence has been verified.'
      : 'The evidence has been rejected and the provider has been told why.';
  return reply.redirect('/assurance/verification', 303);
}

/** The CQC status form: every provider with its status now, and the statuses to choose from. */
async function viewCqcStatus(deps: Deps, reply: FastifyReply, body?: unknown, errors?: FormErrors) {
  const providers = await providersWithCqcStatus(deps);
  const chosen = field(body, 'organisationId');
  const items = [
    { value: '', text: 'Choose a provider' },
    ...providers.map((provider) => ({
      value: provider.organisationId,
      selected: provider.organisationId === chosen,
      text: `${provider.name}${provider.odsCode ? ` (${provider.odsCode})` : ''}: ${provider.cqcStatus ? CQC_STATUS_LABELS[provider.cqcStatus as keyof typeof CQC_STATUS_LABELS] : 'no status'}`,
    })),
  ];
  return renderForm(
    reply,
    'pages/assurance/cqc-status.njk',
    'Record a CQC status change',
    {
      items,
      statuses: CQC_STATUSES.map((value) => ({ value, text: CQC_STATUS_LABELS[value] })),
      values: { status: field(body, 'status'), note: field(body, 'note') },
    },
    errors,
  );
}

/** Records the provider's new CQC status and tells it, or shows the form again with its errors. */
async function submitCqcStatus(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const organisationId = field(request.body, 'organisationId');
  const change = { status: field(request.body, 'status'), note: field(request.body, 'note') };
  const outcome = organisationId
    ? await attempt(() => recordCqcStatus(deps, request.actionContext(), organisationId, change))
    : rejected([{ field: 'organisationId', message: 'Choose the provider' }]);
  if (!outcome.ok) return viewCqcStatus(deps, reply, request.body, outcome.errors);
  request.session.flash = 'The CQC status change has been recorded and the provider has been told.';
  return reply.redirect('/assurance/verification', 303);
}

export function registerVerificationPages(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get('/assurance/verification', (request, reply) => viewVerificationQueue(deps, request, reply), VERIFIERS),
    get('/assurance/verification.csv', (request, reply) => downloadVerificationQueue(deps, request, reply), VERIFIERS),
    get('/assurance/verification/:id', (request, reply) => viewVerdict(deps, request, reply), VERIFIERS),
    post('/assurance/verification/:id', (request, reply) => submitVerdict(deps, request, reply), VERIFIERS),
    get('/assurance/cqc-status', (_request, reply) => viewCqcStatus(deps, reply), NATIONAL_ADMIN),
    post('/assurance/cqc-status', (request, reply) => submitCqcStatus(deps, request, reply), NATIONAL_ADMIN),
  ]);
}
