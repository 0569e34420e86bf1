/** The compliance rule page: the commissioner decides whether expired evidence or lost CQC registration suspends the offer's listings, and after how many days. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { complianceRuleOf, setComplianceRule } from '../../../domains/compliance/compliance-rule.service.ts';
import type { Deps } from '../../../domains/deps.ts';
import type { OfferRecord } from '../../../domains/offers/offer-view.service.ts';
import type { FieldError } from '../../../lib/errors.ts';
import { attempt, field, type FormErrors, rejected, renderForm } from '../form.ts';
import { get, post, registerPages } from '../page-routes.ts';
import { COMMISSIONER, offerForEditing } from './offer-page.ts';

interface RuleValues {
  suspendOnExpiredEvidence: string;
  graceDays: string;
  suspendOnCqcLoss: string;
}

/** Answers the commissioner must give in a form they can read back: yes or no, and a whole number of days. */
function ruleErrors(values: RuleValues): FieldError[] {
  return [
    ...(['yes', 'no'].includes(values.suspendOnExpiredEvidence)
      ? []
      : [{ field: 'suspendOnExpiredEvidence', message: 'Select whether expired evidence suspends a listing' }]),
    ...(/^\d{1,2}$/.test(values.graceDays)
      ? []
      : [{ field: 'graceDays', message: 'Enter the days of grace as a whole number from 0 to 90' }]),
    ...(['yes', 'no'].includes(values.suspendOnCqcLoss)
      ? []
      : [{ field: 'suspendOnCqcLoss', message: 'Select whether losing CQC registration suspends a listing' }]),
  ];
}

/** The rule form, filled from the saved rule or from what was just sent. */
function viewOfferCompliance(reply: FastifyReply, offer: OfferRecord, values: RuleValues, errors?: FormErrors) {
  return renderForm(reply, 'pages/offers/compliance.njk', 'Compliance rule', { offer, values }, errors);
}

/** The rule as saved, as the form's answers. */
async function showOfferCompliance(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const offer = await offerForEditing(deps, request);
  const rule = await complianceRuleOf(deps, offer.id);
  return viewOfferCompliance(reply, offer, {
    suspendOnExpiredEvidence: rule.suspendOnExpiredEvidence ? 'yes' : 'no',
    graceDays: String(rule.graceDays),
    suspendOnCqcLoss: rule.suspendOnCqcLoss ? 'yes' : 'no',
  });
}

/** Saves the rule, or shows the form again with its errors. */
async function submitOfferCompliance(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const offer = await offerForEditing(deps, request);
  const values = {
    suspendOnExpiredEvidence: field(request.body, 'suspendOnExpiredEvidence'),
    graceDays: field(request.body, 'graceDays').trim() || '0',
    suspendOnCqcLoss: field(request.body, 'suspendOnCqcLoss'),
  };
  const errors = ruleErrors(values);
  const rule = {
    suspendOnExpiredEvidence: values.suspendOnExpiredEvidence === 'yes',
    graceDays: Number(values.graceDays),
    suspendOnCqcLoss: values.suspendOnCqcLoss === 'yes',
  };
  const outcome = errors.length ? rejected(errors) : await attempt(() => setComplianceRule(deps, request.actionContext(), offer.id, rule));
  if (!outcome.ok) return viewOfferCompliance(reply, offer, values, outcome.errors);
  request.session.flash = 'The compliance rule has been saved. It applies from the next daily compliance run.';
  return reply.redirect(`/offers/${offer.id}`, 303);
}

export function registerOfferCompliancePage(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get('/offers/:id/compliance', (request, reply) => showOfferCompliance(deps, request, reply), COMMISSIONER),
    post('/offers/:id/compliance', (request, reply) => submitOfferCompliance(deps, request, reply), COMMISSIONER),
  ]);
}
