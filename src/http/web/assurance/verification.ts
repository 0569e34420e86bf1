/** The national qualification centre's pages: the queue of pending evidence, a verdict on one item, and CQC status changes. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { CQC_STATUS_LABELS, CQC_STATUSES, EVIDENCE_LABELS, isEvidenceKind } from '../../../domains/providers/evidence-kinds.rules.ts';
import { evidenceForVerifier, judgeEvidence, providersWithCqcStatus, recordCqcStatus, verificationQueue } from '../../../domains/providers/verification.service.ts';
import { field, type FormErrors, validationErrorsOf } from '../form.ts';
import { evidenceReference } from '../providers/assurance.presenter.ts';

const VERIFIERS = { config: { roles: ['assessor', 'national-admin'] as const } };
const NATIONAL_ADMIN = { config: { roles: ['national-admin'] as const } };
type Params = { id: string };

const labelOf = (kind: string) => (isEvidenceKind(kind) ? EVIDENCE_LABELS[kind] : kind);

export function registerVerificationPages(app: FastifyInstance, deps: Deps): void {
  app.get('/assurance/verification', VERIFIERS, async (request, reply) => {
    const queue = (await verificationQueue(deps, request.actionContext())).map((evidence) => ({ ...evidence, label: labelOf(evidence.kind) }));
    return reply.render('pages/assurance/queue.njk', { pageTitle: 'Evidence to verify', queue, mayRecordCqc: request.principal?.role === 'national-admin' });
  });

  const renderVerdict = async (request: FastifyRequest<{ Params: Params }>, reply: FastifyReply, body?: unknown, status = 200, errors?: FormErrors) => {
    const evidence = await evidenceForVerifier(deps, request.actionContext(), request.params.id);
    const cqcStatus = evidence.cqcStatus && CQC_STATUS_LABELS[evidence.cqcStatus as keyof typeof CQC_STATUS_LABELS];
    return reply.status(status).render('pages/assurance/verify.njk', {
      pageTitle: `${errors ? 'Error: ' : ''}Verify ${labelOf(evidence.kind)} evidence`, evidence, label: labelOf(evidence.kind), cqcStatus, reference: evidenceReference(evidence),
      values: { decision: field(body, 'decision'), note: field(body, 'note') }, ...errors,
    });
  };

  app.get<{ Params: Params }>('/assurance/verification/:id', VERIFIERS, async (request, reply) => renderVerdict(request, reply));
  app.post<{ Params: Params }>('/assurance/verification/:id', VERIFIERS, async (request, reply) => {
    try {
      await judgeEvidence(deps, request.actionContext(), request.params.id, { decision: field(request.body, 'decision'), note: field(request.body, 'note') });
      request.session.flash = field(request.body, 'decision') === 'verified' ? 'The evidence has been verified.' : 'The evidence has been rejected and the provider has been told why.';
      return reply.redirect('/assurance/verification', 303);
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      return renderVerdict(request, reply, request.body, 400, errors);
    }
  });

  const renderCqc = async (reply: FastifyReply, body?: unknown, status = 200, errors?: FormErrors) => {
    const providers = await providersWithCqcStatus(deps);
    const chosen = field(body, 'organisationId');
    const items = [{ value: '', text: 'Choose a provider' }, ...providers.map((provider) => ({
      value: provider.organisationId, selected: provider.organisationId === chosen,
      text: `${provider.name}${provider.odsCode ? ` (${provider.odsCode})` : ''}: ${provider.cqcStatus ? CQC_STATUS_LABELS[provider.cqcStatus as keyof typeof CQC_STATUS_LABELS] : 'no status'}`,
    }))];
    return reply.status(status).render('pages/assurance/cqc-status.njk', {
      pageTitle: `${errors ? 'Error: ' : ''}Record a CQC status change`, items, statuses: CQC_STATUSES.map((value) => ({ value, text: CQC_STATUS_LABELS[value] })),
      values: { status: field(body, 'status'), note: field(body, 'note') }, ...errors,
    });
  };

  app.get('/assurance/cqc-status', NATIONAL_ADMIN, async (_request, reply) => renderCqc(reply));
  app.post('/assurance/cqc-status', NATIONAL_ADMIN, async (request, reply) => {
    const organisationId = field(request.body, 'organisationId');
    try {
      if (!organisationId) return renderCqc(reply, request.body, 400, { errorList: [{ text: 'Choose the provider', href: '#organisationId' }], fieldErrors: { organisationId: { text: 'Choose the provider' } } });
      await recordCqcStatus(deps, request.actionContext(), organisationId, { status: field(request.body, 'status'), note: field(request.body, 'note') });
      request.session.flash = 'The CQC status change has been recorded and the provider has been told.';
      return reply.redirect('/assurance/verification', 303);
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      return renderCqc(reply, request.body, 400, errors);
    }
  });
}
