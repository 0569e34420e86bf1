/** The offer's KPIs page (issue #15 item 1, decision 0052): how each KPI is measured with the pack's and the offer's thresholds for anyone who sees the offer, and for its lead commissioner a form to set the offer's own threshold from this month on. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { mayManage } from '../../../domains/offers/offer-access.ts';
import { offerKpis, type OfferKpi, setOfferKpiThreshold } from '../../../domains/provider-quality/offer-kpis.service.ts';
import type { FieldError } from '../../../lib/errors.ts';
import { type FormErrors, formErrors, renderForm } from '../form.ts';
import { get, post, registerPages } from '../page-routes.ts';
import { COMMISSIONER, offerForEditing } from './offer-page.ts';

const PERIODS: Record<string, string> = { month: 'Each month', quarter: 'Each quarter', 'rolling-12-months': 'The last 12 months' };
const fieldOf = (code: string) => `threshold-${code}`;
const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;

function kpiModel(kpi: OfferKpi, typed?: string) {
  const definition = kpi.definition;
  return {
    ...kpi,
    field: fieldOf(kpi.code),
    value: typed ?? (kpi.localThresholdPercent === null ? '' : String(kpi.localThresholdPercent)),
    direction: definition?.direction === 'at-most' ? 'at most' : 'at least',
    period: definition ? PERIODS[definition.period] : 'Not measured by the platform',
    minimumCount: definition?.minimumCount ?? null,
  };
}

async function viewKpis(deps: Deps, request: FastifyRequest, reply: FastifyReply, typed: Record<string, string> = {}, errors?: FormErrors) {
  const view = await offerKpis(deps, request.principal ?? null, idOf(request));
  return renderForm(
    reply,
    'pages/offers/kpis.njk',
    'Key performance indicators',
    {
      offer: view.offer,
      kpis: view.kpis.map((kpi) => kpiModel(kpi, typed[fieldOf(kpi.code)])),
      history: view.history,
      editable: mayManage(request.principal ?? null, view.offer) && view.offer.status !== 'withdrawn',
      reason: typed.reason ?? '',
    },
    errors,
  );
}

/** The thresholds typed that differ from those in force: a whole percent, or empty for the pack's. */
function changesOf(kpis: readonly OfferKpi[], body: Record<string, string>, errors: FieldError[]) {
  return kpis.flatMap((kpi) => {
    const typed = (body[fieldOf(kpi.code)] ?? '').trim().replace(/%$/, '');
    if (typed && !/^\d{1,3}$/.test(typed)) {
      errors.push({
        field: fieldOf(kpi.code),
        message: `Enter the threshold for “${kpi.name}” as a whole percent, like 90, or leave it empty`,
      });
      return [];
    }
    const percent = typed ? Number(typed) : null;
    if (percent !== null && (percent < 1 || percent > 100))
      errors.push({ field: fieldOf(kpi.code), message: `The threshold for “${kpi.name}” must be from 1 to 100` });
    return percent === kpi.localThresholdPercent ? [] : [{ kpiCode: kpi.code, thresholdPercent: percent }];
  });
}

async function submitKpis(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const body = Object.fromEntries(
    Object.entries((request.body ?? {}) as Record<string, unknown>).map(([key, value]) => [key, typeof value === 'string' ? value : '']),
  );
  await offerForEditing(deps, request);
  const view = await offerKpis(deps, request.principal ?? null, idOf(request));
  const errors: FieldError[] = [];
  const changes = changesOf(view.kpis, body, errors);
  if ((body.reason ?? '').length > 500) errors.push({ field: 'reason', message: 'The reason must be 500 characters or fewer' });
  if (errors.length) return viewKpis(deps, request, reply, body, formErrors(errors));
  for (const change of changes)
    await setOfferKpiThreshold(deps, request.actionContext(), view.offer.id, { ...change, reason: body.reason });
  request.session.flash = changes.length
    ? `${changes.length === 1 ? 'The threshold has' : 'The thresholds have'} been saved. They apply from this month.`
    : 'No threshold changed.';
  return reply.redirect(`/offers/${view.offer.id}/kpis`, 303);
}

export function registerOfferKpisPage(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get('/offers/:id/kpis', (request, reply) => viewKpis(deps, request, reply)),
    post('/offers/:id/kpis', (request, reply) => submitKpis(deps, request, reply), COMMISSIONER),
  ]);
}
