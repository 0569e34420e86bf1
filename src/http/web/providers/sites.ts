/** The provider's sites: list them, add one at a real postcode, change or close it (administrators), read them (clinicians). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { DELIVERY_MODE_LABELS } from '../../../domains/providers/provider-site.rules.ts';
import { addSite, changeSite, closeSite, ownSite, ownSites } from '../../../domains/providers/provider-site.service.ts';
import type { ProviderSite } from '../../../domains/providers/provider-site.repo.ts';
import { datedFileName, sendListCsv } from '../csv-reply.ts';
import { formatDate } from '../format.ts';
import { type ListColumns, listTableModel } from '../list-table.ts';
import type { SiteInput } from '../../../domains/providers/provider-site.rules.ts';
import { attempt, type FormErrors, renderForm } from '../form.ts';
import { get, post, registerPages } from '../page-routes.ts';
import { PROVIDER_ADMIN, PROVIDER_PEOPLE } from './profile.ts';
import { openingSummary, siteFormModel, siteInputFrom, siteInputOf } from './site-form.ts';

type SiteRef = { id: string; name: string } | null;

/** The sites as the page and its CSV both show them (decision 0067): how each delivers, when it opens, and whether it is open. */
const SITE_COLUMNS: ListColumns<ProviderSite> = [
  { heading: 'Site', cell: (site) => ({ text: site.name, href: `/provider/sites/${site.id}` }) },
  { heading: 'ODS site code', cell: (site) => site.siteCode ?? '' },
  { heading: 'Postcode', cell: (site) => site.postcode },
  { heading: 'Care given', cell: (site) => DELIVERY_MODE_LABELS[site.deliveryMode] },
  { heading: 'Opening times', cell: (site) => openingSummary(site) },
  {
    heading: 'Status',
    cell: (site) =>
      site.closedOn ? { text: `Closed ${formatDate(site.closedOn)}`, tag: 'nhsuk-tag--grey' } : { text: 'Open', tag: 'nhsuk-tag--green' },
  },
];

/** The provider's sites with how each delivers and when it opens. */
async function viewSites(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const sites = await ownSites(deps, request.actionContext());
  return reply.render('pages/providers/sites.njk', {
    pageTitle: 'Your sites',
    sites: listTableModel(SITE_COLUMNS, sites, { caption: 'Sites', csvHref: '/provider/sites.csv', what: 'these sites' }),
    mayChange: request.principal?.role === 'provider-admin',
  });
}

/** The same sites as CSV. */
async function downloadSites(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const sites = await ownSites(deps, request.actionContext());
  return sendListCsv(reply, datedFileName('sites', deps.clock.today()), SITE_COLUMNS, sites);
}

/** The site form, for a new site (null) or one being changed. */
function viewSiteForm(reply: FastifyReply, input: SiteInput, site: SiteRef, errors?: FormErrors) {
  return renderForm(
    reply,
    'pages/providers/site.njk',
    site ? `Change ${site.name}` : 'Add a site',
    { site, ...siteFormModel(input) },
    errors,
  );
}

/** Saves the site as typed, or shows the form again with its errors. */
async function submitSiteForm(request: FastifyRequest, reply: FastifyReply, save: (input: SiteInput) => Promise<unknown>, site: SiteRef) {
  const input = siteInputOf(request.body);
  const outcome = await attempt(() => save(input));
  if (!outcome.ok) return viewSiteForm(reply, input, site, outcome.errors);
  request.session.flash = site ? `${input.name.trim()} has been saved.` : `${input.name.trim()} has been added.`;
  return reply.redirect('/provider/sites', 303);
}

/** A site: a form for administrators while it is open, a summary otherwise. */
async function showSite(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const site = await ownSite(deps, request.actionContext(), siteIdOf(request));
  if (request.principal?.role !== 'provider-admin' || site.closedOn) {
    return reply.render('pages/providers/site-summary.njk', {
      pageTitle: site.name,
      site,
      deliveryModeLabel: DELIVERY_MODE_LABELS[site.deliveryMode],
      openingSummary: openingSummary(site),
    });
  }
  return viewSiteForm(reply, siteInputFrom(site), site);
}

/** Saves the changes to a site. */
async function submitSiteChange(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const site = await ownSite(deps, request.actionContext(), siteIdOf(request));
  return submitSiteForm(request, reply, (input) => changeSite(deps, request.actionContext(), site.id, input), site);
}

/** Closes a site. */
async function submitSiteClosure(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const site = await ownSite(deps, request.actionContext(), siteIdOf(request));
  await closeSite(deps, request.actionContext(), site.id);
  request.session.flash = `${site.name} has been closed.`;
  return reply.redirect('/provider/sites', 303);
}

function siteIdOf(request: FastifyRequest): string {
  return (request.params as { id: string }).id;
}

export function registerSitePages(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get('/provider/sites', (request, reply) => viewSites(deps, request, reply), PROVIDER_PEOPLE),
    get('/provider/sites.csv', (request, reply) => downloadSites(deps, request, reply), PROVIDER_PEOPLE),
    get('/provider/sites/new', async (_request, reply) => viewSiteForm(reply, siteInputOf({}), null), PROVIDER_ADMIN),
    post(
      '/provider/sites/new',
      (request, reply) => submitSiteForm(request, reply, (input) => addSite(deps, request.actionContext(), input), null),
      PROVIDER_ADMIN,
    ),
    get('/provider/sites/:id', (request, reply) => showSite(deps, request, reply), PROVIDER_PEOPLE),
    post('/provider/sites/:id', (request, reply) => submitSiteChange(deps, request, reply), PROVIDER_ADMIN),
    post('/provider/sites/:id/close', (request, reply) => submitSiteClosure(deps, request, reply), PROVIDER_ADMIN),
  ]);
}
