/** Engagement steps of a run: the long list (local candidates, national services) and stakeholder responses by form or CSV. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { addLongListItem, addResponses, importResponses, removeLongListItem, servicesAddableToLongList } from '../../../domains/prioritisation/long-list.service.ts';
import { loadRunOverview } from '../../../domains/prioritisation/run-overview.service.ts';
import { CSV_COLUMNS } from '../../../domains/prioritisation/stakeholder-csv.rules.ts';
import { type FormErrors, field, validationErrorsOf } from '../form.ts';
import { COMMISSIONER, runIdOf } from './route-options.ts';
import { PRIORITY_LABELS, runView } from './run.presenter.ts';

type Values = Record<string, string>;

/** Registers the long-list and stakeholder-response pages. */
export function registerEngagementPages(app: FastifyInstance, deps: Deps): void {
  const renderItems = async (reply: FastifyReply, runId: string, values: Values = {}, status = 200, errors?: FormErrors) => {
    const overview = await loadRunOverview(deps, reply.request.principal, runId);
    const onList = new Set(overview.items.map((item) => item.serviceCode));
    const services = await servicesAddableToLongList(deps, onList);
    return reply.status(status).render('pages/prioritisation/long-list.njk', {
      pageTitle: `${errors ? 'Error: ' : ''}Long list`, ...runView(overview), values, ...errors, columnClass: 'nhsuk-grid-column-full',
      serviceItems: [{ value: '', text: 'Choose a service' }, ...services.map((service) => ({ value: service.code, text: service.name, selected: values.serviceCode === service.code }))],
    });
  };

  app.get('/prioritisation/:id/long-list', COMMISSIONER, async (request, reply) => renderItems(reply, runIdOf(request.params)));

  app.post('/prioritisation/:id/long-list', COMMISSIONER, async (request, reply) => {
    const runId = runIdOf(request.params);
    const values = { name: field(request.body, 'name'), description: field(request.body, 'description'), serviceCode: field(request.body, 'serviceCode') };
    const national = field(request.body, 'add') === 'national';
    try {
      await addLongListItem(deps, request.actionContext(), runId, national ? { serviceCode: values.serviceCode } : { name: values.name, description: values.description });
      request.session.flash = national ? 'The national service has been added to the long list.' : `${values.name.trim()} has been added to the long list.`;
      return reply.redirect(`/prioritisation/${runId}/long-list`, 303);
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      return renderItems(reply, runId, values, 400, errors);
    }
  });

  app.post('/prioritisation/:id/long-list/:itemId/remove', COMMISSIONER, async (request, reply) => {
    const { id, itemId } = request.params as { id: string; itemId: string };
    await removeLongListItem(deps, request.actionContext(), id, itemId);
    request.session.flash = 'The service has been removed from the long list.';
    return reply.redirect(`/prioritisation/${id}/long-list`, 303);
  });

  const renderResponses = async (reply: FastifyReply, runId: string, values: Values = {}, status = 200, errors?: FormErrors & { csvErrors?: string[] }) => {
    const overview = await loadRunOverview(deps, reply.request.principal, runId);
    const names = new Map(overview.items.map((item) => [item.id, item.name]));
    return reply.status(status).render('pages/prioritisation/responses.njk', {
      pageTitle: `${errors ? 'Error: ' : ''}Stakeholder responses`, ...runView(overview), values, ...errors, csvColumns: CSV_COLUMNS.join(','), columnClass: 'nhsuk-grid-column-full',
      responses: overview.responses.map((response) => ({ ...response, itemName: names.get(response.itemId), priorityText: PRIORITY_LABELS[response.priority] })),
      itemChoices: [{ value: '', text: 'Choose a service' }, ...overview.items.map((item) => ({ value: item.id, text: item.name, selected: values.itemId === item.id }))],
      priorityItems: Object.entries(PRIORITY_LABELS).map(([value, text]) => ({ value, text })),
    });
  };

  app.get('/prioritisation/:id/responses', COMMISSIONER, async (request, reply) => renderResponses(reply, runIdOf(request.params)));

  app.post('/prioritisation/:id/responses', COMMISSIONER, async (request, reply) => {
    const runId = runIdOf(request.params);
    const values = Object.fromEntries(['itemId', 'group', 'priority', 'benefits', 'comment'].map((name) => [name, field(request.body, name)])) as Values;
    try {
      await addResponses(deps, request.actionContext(), runId, [{ itemId: values.itemId!, group: values.group!, priority: values.priority!, benefits: values.benefits, comment: values.comment }]);
      request.session.flash = 'The response has been recorded.';
      return reply.redirect(`/prioritisation/${runId}/responses`, 303);
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      return renderResponses(reply, runId, values, 400, errors);
    }
  });

  app.post('/prioritisation/:id/responses/import', COMMISSIONER, async (request, reply) => {
    const runId = runIdOf(request.params);
    const csv = field(request.body, 'csv');
    try {
      const { saved } = await importResponses(deps, request.actionContext(), runId, csv);
      request.session.flash = `${saved} ${saved === 1 ? 'response has' : 'responses have'} been imported.`;
      return reply.redirect(`/prioritisation/${runId}/responses`, 303);
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      const csvErrors = errors.errorList.map((entry) => entry.text);
      return renderResponses(reply, runId, { csv }, 400, { ...errors, csvErrors });
    }
  });
}
