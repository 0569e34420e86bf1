/** The public directory pages: search by service and postcode (a GET form, so results are bookmarkable and need no JavaScript), and provider pages. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { servicesInDirectory } from '../../../domains/directory/directory.service.ts';
import type { Deps } from '../../../domains/deps.ts';
import { directoryProvider } from '../../../domains/directory/directory-provider.service.ts';
import { type DirectoryResult, searchDirectory } from '../../../domains/directory/directory.service.ts';
import { attemptRefusable, renderFailure } from '../form-outcome.ts';
import { get, registerPages } from '../page-routes.ts';
import { pageRequest } from '../pagination.ts';
import { MAX_DIRECTORY_PAGE_SIZE } from '../../../domains/directory/directory.rules.ts';
import { datedFileName, everyPage, sendListCsv } from '../csv-reply.ts';
import { directoryColumns, foundSites } from './directory-list.presenter.ts';
import { sendSharedPage, sharedPage } from '../shared-page.ts';
import { ABOUT_THE_FIGURES, backToSearch, providerView, resultsView, serviceItems } from './directory.presenter.ts';

/** A postcode the search could not place: shown beside the postcode, with its own status. */
const PLACE_REFUSALS = ['postcode-unknown', 'postcode-terminated', 'organisation-unknown'] as const;

function text(value: unknown): string {
  return typeof value === 'string' ? value.slice(0, 100) : '';
}

/** The search form, with its results once searched, or with what was wrong with the search. */
async function viewDirectorySearch(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const query = request.query as Record<string, unknown>;
  const values = { service: text(query.service).trim(), postcode: text(query.postcode).trim() };
  const form = async () => ({
    values,
    serviceItems: serviceItems(await servicesInDirectory(deps), values.service),
    about: ABOUT_THE_FIGURES,
  });
  const searched = 'service' in query || 'postcode' in query;
  if (!searched) return renderFailure(reply, 'pages/directory/search.njk', 'Find an AQP provider', await form());
  const pageAsked = pageRequest(query.page);
  const outcome = await attemptRefusable(PLACE_REFUSALS, undefined, () =>
    searchDirectory(deps, { ...values, page: pageAsked.page, pageSize: pageAsked.limit }),
  );
  if (!outcome.ok) return renderFailure(reply, 'pages/directory/search.njk', 'Find an AQP provider', await form(), outcome);
  const answer = outcome.value;
  const result = () => resultsView(answer, pageAsked, values);
  const renderResults = () => reply.renderFragment('pages/directory/results.njk', { result: result(), about: ABOUT_THE_FIGURES });
  const pageModel = async (resultsHtml: string) => ({
    pageTitle: `${answer.service.name} near ${answer.place.label}`,
    ...(await form()),
    resultsHtml,
  });
  if (isSharedReader(request)) {
    const page = await renderedOnce(answer, `page ${request.url}`, async () =>
      sharedPage(reply.renderShared('pages/directory/search.njk', await pageModel(renderResults()))),
    );
    return sendSharedPage(request, reply, page);
  }
  const resultsHtml = await renderedOnce(answer, JSON.stringify([pageAsked, values]), async () => renderResults());
  return reply.render('pages/directory/search.njk', await pageModel(resultsHtml));
}

/** Someone not signed in with no message waiting: the page is the same for all of them, so it is rendered once per answer and address. */
function isSharedReader(request: FastifyRequest): boolean {
  return !request.principal && !(request as { session?: FastifyRequest['session'] }).session?.flash;
}

/** Ways of asking one answer (page, the text typed, the address) whose rendering is kept; more are rendered each time. */
const MAX_RENDERINGS_PER_ANSWER = 8;

/** Results (or anonymous readers' whole pages, with their gzip form) rendered per held answer (the directory cache hands back the same object until its data changes) and per way of asking. */
const renderedResults = new WeakMap<DirectoryResult, Map<string, unknown>>();

/** The rendering kept for this answer and way of asking, else a new one; each way of asking (`asked`) always yields one kind of rendering. */
async function renderedOnce<T>(answer: DirectoryResult, asked: string, render: () => Promise<T>): Promise<T> {
  const byAsked = renderedResults.get(answer) ?? new Map<string, unknown>();
  renderedResults.set(answer, byAsked);
  const rendering = (byAsked.get(asked) as T | undefined) ?? (await render());
  if (byAsked.size < MAX_RENDERINGS_PER_ANSWER) byAsked.set(asked, rendering);
  return rendering;
}

/** Every site the search finds, all pages of it, as CSV; an unfinished search goes to the page, which says what is missing. */
async function downloadDirectorySearch(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const query = request.query as Record<string, unknown>;
  const search = { service: text(query.service).trim(), postcode: text(query.postcode).trim() };
  if (!search.service || !search.postcode) return reply.redirect(`/directory?${new URLSearchParams(search).toString()}`, 303);
  const batches = everyPage(async (page) => {
    const result = await searchDirectory(deps, { ...search, page: page.page, pageSize: page.limit });
    return { rows: foundSites(result), total: result.total };
  }, MAX_DIRECTORY_PAGE_SIZE);
  return sendListCsv(reply, datedFileName('directory', deps.clock.today()), directoryColumns(search), batches);
}

/** A provider's public page, with a way back to the search it came from. */
async function viewDirectoryProvider(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const provider = providerView(await directoryProvider(deps, (request.params as { code: string }).code));
  return reply.render('pages/directory/provider.njk', {
    pageTitle: provider.name,
    provider,
    about: ABOUT_THE_FIGURES,
    backHref: backToSearch(request.query as Record<string, unknown>),
  });
}

/** The public directory pages: the search with its results, and provider pages. */
export function registerDirectoryPages(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get('/directory', (request, reply) => viewDirectorySearch(deps, request, reply)),
    get('/directory.csv', (request, reply) => downloadDirectorySearch(deps, request, reply)),
    get('/directory/providers/:code', (request, reply) => viewDirectoryProvider(deps, request, reply)),
  ]);
}
