/** The compliance rule page: the commissioner decides whether expired evidence or lost CQC registration suspends the offer's listings, and after how many days. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { complianceRuleOf, setComplianceRule } from '../../../domains/compliance/compliance-rule.service.ts';
import type { Deps } from '../../../domains/deps.ts';
import type { OfferRecord } from '../../../domains/offers/offer-view.service.ts';
import { field, type FormErrors, formErrors, validationErrorsOf } from '../form.ts';
import { COMMISSIONER, offerForEditing } from './offer-page.ts';

interface RuleValues {
  suspendOnExpiredEvidence: string;
  graceDays: string;
  suspendOnCqcLoss: string;
}

export function registerOfferCompliancePage(app: FastifyInstance, deps: Deps): void {
  const render = (reply: FastifyReply, offer: OfferRecord, values: RuleValues, status = 200, errors?: FormErrors) =>
    reply.status(status).render('pages/offers/compliance.njk', { pageTitle: `${errors ? 'Error: ' : ''}Compliance rule`, offer, values, ...errors });

  app.get('/offers/:id/compliance', COMMISSIONER, async (request, reply) => {
    const offer = await offerForEditing(deps, request);
    const rule = await complianceRuleOf(deps, offer.id);
    return render(reply, offer, { suspendOnExpiredEvidence: rule.suspendOnExpiredEvidence ? 'yes' : 'no', graceDays: String(rule.graceDays), suspendOnCqcLoss: rule.suspendOnCqcLoss ? 'yes' : 'no' });
  });

  app.post('/offers/:id/compliance', COMMISSIONER, async (request, reply) => {
    const offer = await offerForEditing(deps, request);
    const values = { suspendOnExpiredEvidence: field(request.body, 'suspendOnExpiredEvidence'), graceDays: field(request.body, 'graceDays').trim() || '0', suspendOnCqcLoss: field(request.body, 'suspendOnCqcLoss') };
    const errors = [
      ...(['yes', 'no'].includes(values.suspendOnExpiredEvidence) ? [] : [{ field: 'suspendOnExpiredEvidence', message: 'Select whether expired evidence suspends a listing' }]),
      ...(/^\d{1,2}$/.test(values.graceDays) ? [] : [{ field: 'graceDays', message: 'Enter the days of grace as a whole number from 0 to 90' }]),
      ...(['yes', 'no'].includes(values.suspendOnCqcLoss) ? [] : [{ field: 'suspendOnCqcLoss', message: 'Select whether losing CQC registration suspends a listing' }]),
    ];
    try {
      if (errors.length) return render(reply, offer, values, 400, formErrors(errors));
      await setComplianceRule(deps, request.actionContext(), offer.id, { suspendOnExpiredEvidence: values.suspendOnExpiredEvidence === 'yes', graceDays: Number(values.graceDays), suspendOnCqcLoss: values.suspendOnCqcLoss === 'yes' });
      request.session.flash = 'The compliance rule has been saved. It applies from the next daily compliance run.';
      return reply.redirect(`/offers/${offer.id}`, 303);
    } catch (error) {
      const found = validationErrorsOf(error);
      if (!found) throw error;
      return render(reply, offer, values, 400, found);
    }
  });
}
