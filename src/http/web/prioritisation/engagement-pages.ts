/** Engagement steps of a run: the long list (local candidates, national services) and stakeholder responses by form or CSV. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import {
  addLongListItem,
  addResponses,
  importResponses,
  removeLongListItem,
  servicesAddableToLongList,
} from '../../../domains/prioritisation/long-list.service.ts';
import { loadRunOverview } from '../../../domains/prioritisation/run-overview.service.ts';
import { CSV_COLUMNS } from '../../../domains/prioritisation/stakeholder-csv.rules.ts';
import { attempt, field, type FormErrors, renderForm } from '../form.ts';
import { get, post, registerPages } from '../page-routes.ts';
import { COMMISSIONER, runIdOf } from './route-options.ts';
import { PRIORITY_LABELS, runView } from './run.presenter.ts';

type Values = Record<string, string>;

/** The long list with forms to add a local candidate or a national service. */
async function viewLongList(deps: Deps, reply: FastifyReply, runId: string, values: Values = {}, errors?: FormErrors) {
  const overview = await loadRunOverview(deps, reply.request.principal, runId);
  const onList = new Set(overview.items.map((item) => item.serviceCode));
  const services = await servicesAddableToLongList(deps, onList);
  return renderForm(
    reply,
    'pages/prioritisation/long-list.njk',
    'Long list',
    {
      ...runView(overview),
      values,
      columnClass: 'nhsuk-grid-column-full',
      serviceItems: [
        { value: '', text: 'Choose a service' },
        ...services.map((service) => ({ value: service.code, text: service.name, selected: values.serviceCode === service.code })),
      ],
    },
    errors,
  );
}

/** Adds a local candidate or a national service to the long list, or shows the page again with its errors. */
async function submitLongListItem(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const runId = runIdOf(request.params);
  const values = {
    name: field(request.body, 'name'),
    description: field(request.body, 'description'),
    serviceCode: field(request.body, 'serviceCode'),
  };
  const national = field(request.body, 'add') === 'national';
  const outcome = await attempt(() =>
    addLongListItem(
      deps,
      request.actionContext(),
      runId,
      national ? { serviceCode: values.serviceCode } : { name: values.name, description: values.description },
    ),
  );
  if (!outcome.ok) return viewLongList(deps, reply, runId, values, outcome.errors);
  request.session.flash = national
    ? 'The national service has been added to the long list.'
    : `${values.name.trim()} has been added to the long list.`;
  return reply.redirect(`/prioritisation/${runId}/long-list`, 303);
}

/** Takes an item off the long list. */
async function submitLongListRemoval(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const { id, itemId } = request.params as { id: string; itemId: string };
  await removeLongListItem(deps, request.actionContext(), id, itemId);
  request.session.flash = 'The service has been removed from the long list.';
  return reply.redirect(`/prioritisation/${id}/long-list`, 303);
}

/** The responses recorded so far, with a form for one more and a box to import many as CSV. */
async function viewResponses(
  deps: Deps,
  reply: FastifyReply,
  runId: string,
  values: Values = {},
  errors?: FormErrors & { csvErrors?: string[] },
) {
  const overview = await loadRunOverview(deps, reply.request.principal, runId);
  const names = new Map(overview.items.map((item) => [item.id, item.name]));
  return renderForm(
    reply,
    'pages/prioritisation/responses.njk',
    'Stakeholder responses',
    {
      ...runView(overview),
      values,
      csvColumns: CSV_COLUMNS.join(','),
      columnClass: 'nhsuk-grid-column-full',
      responses: overview.responses.map((response) => ({
        ...response,
        itemName: names.get(response.itemId),
        priorityText: PRIORITY_LABELS[response.priority],
      })),
      itemChoices: [
        { value: '', text: 'Choose a service' },
        ...overview.items.map((item) => ({ value: item.id, text: item.name, selected: values.itemId === item.id })),
      ],
      priorityItems: Object.entries(PRIORITY_LABELS).map(([value, text]) => ({ value, text })),
    },
    errors,
  );
}

/** Records one response, or shows the page again with its errors. */
async function submitResponse(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const runId = runIdOf(request.params);
  const values = Object.fromEntries(
    ['itemId', 'group', 'priority', 'benefits', 'comment'].map((name) => [name, field(request.body, name)]),
  ) as Values;
  const outcome = await attempt(() =>
    addResponses(deps, request.actionContext(), runId, [
      { itemId: values.itemId!, group: values.group!, priority: values.priority!, benefits: values.benefits, comment: values.comment },
    ]),
  );
  if (!outcome.ok) return viewResponses(deps, reply, runId, values, outcome.errors);
  request.session.flash = 'The response has been recorded.';
  return reply.redirect(`/prioritisation/${runId}/responses`, 303);
}

/** Imports responses from CSV, all or none, or shows each problem with its line. */
async function submitResponseImport(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const runId = runIdOf(request.params);
  const csv = field(request.body, 'csv');
  const outcome = await attempt(() => importResponses(deps, request.actionContext(), runId, csv));
  if (!outcome.ok)
    return viewResponses(
      deps,
      reply,
      runId,
      { csv },
      { ...outcome.errors, csvErrors: outcome.errors.errorList.map((entry) => entry.text) },
    );
  const { saved } = outcome.value;
  request.session.flash = `${saved} ${saved === 1 ? 'response has' : 'responses have'} been imported.`;
  return reply.redirect(`/prioritisation/${runId}/responses`, 303);
}

/** Registers the long-list and stakeholder-response pages. */
export function registerEngagementPages(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get('/prioritisation/:id/long-list', (request, reply) => viewLongList(deps, reply, runIdOf(request.params)), COMMISSIONER),
    post('/prioritisation/:id/long-list', (request, reply) => submitLongListItem(deps, request, reply), COMMISSIONER),
    post('/prioritisation/:id/long-list/:itemId/remove', (request, reply) => submitLongListRemoval(deps, request, reply), COMMISSIONER),
    get('/prioritisation/:id/responses', (request, reply) => viewResponses(deps, reply, runIdOf(request.params)), COMMISSIONER),
    post('/prioritisation/:id/responses', (request, reply) => submitResponse(deps, request, reply), COMMISSIONER),
    post('/prioritisation/:id/responses/import', (request, reply) => submitResponseImport(deps, request, reply), COMMISSIONER),
  ]);
}
