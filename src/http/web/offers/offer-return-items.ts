/** The offer's quality return page (issue #15 item 4, decision 0061): what each quarterly return asks, for anyone who sees the offer, and for its lead commissioner a form to change the items or go back to the default set. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { mayManage } from '../../../domains/offers/offer-access.ts';
import { offerReturnItems, setQualityReturnItems } from '../../../domains/provider-quality/quality-return-items.service.ts';
import { type FormErrors, formErrors, renderForm } from '../form.ts';
import { get, post, registerPages } from '../page-routes.ts';
import { COMMISSIONER, offerForEditing } from './offer-page.ts';
import { itemsFromForm } from './return-items-form.ts';

const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;

/** The page with the items in force, or the rows as typed when they had errors. */
async function viewItems(deps: Deps, request: FastifyRequest, reply: FastifyReply, typed?: Record<string, string>, errors?: FormErrors) {
  const view = await offerReturnItems(deps, request.principal ?? null, idOf(request));
  const rows = view.items.map((item, index) => ({
    index,
    code: item.code,
    label: typed ? (typed[`label-${index}`] ?? '') : item.label,
    kind: typed ? (typed[`kind-${index}`] ?? '') : item.kind,
    hint: typed ? (typed[`hint-${index}`] ?? '') : (item.hint ?? ''),
    remove: typed?.[`remove-${index}`] === 'yes',
  }));
  const added = { label: typed?.['label-new'] ?? '', kind: typed?.['kind-new'] ?? '', hint: typed?.['hint-new'] ?? '' };
  return renderForm(
    reply,
    'pages/offers/return-items.njk',
    'Quarterly quality return',
    {
      offer: view.offer,
      items: view.items,
      own: view.own,
      rows,
      added,
      editable: mayManage(request.principal ?? null, view.offer) && view.offer.status !== 'withdrawn',
    },
    errors,
  );
}

async function submitItems(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const body = Object.fromEntries(
    Object.entries((request.body ?? {}) as Record<string, unknown>).map(([key, value]) => [key, typeof value === 'string' ? value : '']),
  );
  const offer = await offerForEditing(deps, request);
  if (body.action === 'use-default') {
    await setQualityReturnItems(deps, request.actionContext(), offer.id, null);
    request.session.flash = 'Returns will ask the default items. Returns already submitted keep the items they answered.';
    return reply.redirect(`/offers/${offer.id}/quality-return`, 303);
  }
  const current = await offerReturnItems(deps, request.principal ?? null, offer.id);
  const read = itemsFromForm(current.items, body);
  if ('errors' in read) return viewItems(deps, request, reply, body, formErrors(read.errors));
  await setQualityReturnItems(deps, request.actionContext(), offer.id, read.items);
  request.session.flash = 'The items have been saved. Returns already submitted keep the items they answered.';
  return reply.redirect(`/offers/${offer.id}/quality-return`, 303);
}

export function registerOfferReturnItemsPage(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get('/offers/:id/quality-return', (request, reply) => viewItems(deps, request, reply)),
    post('/offers/:id/quality-return', (request, reply) => submitItems(deps, request, reply), COMMISSIONER),
  ]);
}
