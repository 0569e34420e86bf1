/** Decision steps of a run: the short list, the board's approval, the notification to the region, and milestones. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { approveShortList, chooseShortList, notifyRegion, previewNotification } from '../../../domains/prioritisation/decision.service.ts';
import { updateMilestone } from '../../../domains/prioritisation/milestone.service.ts';
import { MILESTONE_STATUS_LABELS } from '../../../domains/prioritisation/milestones.rules.ts';
import { loadRunOverview } from '../../../domains/prioritisation/run-overview.service.ts';
import { DomainError } from '../../../lib/errors.ts';
import { type FormErrors, field, validationErrorsOf } from '../form.ts';
import { COMMISSIONER, runIdOf } from './route-options.ts';
import { fieldList, runView, supportText } from './run.presenter.ts';

type Values = Record<string, string>;

/** An ISO date from the three boxes of the NHS date input, or '' when all are empty (the service reports a bad date). */
function dateFromParts(body: unknown, name: string): string {
  const [day, month, year] = ['day', 'month', 'year'].map((part) => field(body, `${name}[${part}]`).trim());
  if (!day && !month && !year) return '';
  return `${year!.padStart(4, '0')}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
}

const partsOf = (iso: string | null) => {
  const [year, month, day] = (iso ?? '').split('-');
  return { day: day ?? '', month: month ?? '', year: year ?? '' };
};


/** Registers the short-list, approval, notification and milestone pages. */
export function registerDecisionPages(app: FastifyInstance, deps: Deps): void {
  const renderStep = async (reply: FastifyReply, template: string, title: string, runId: string, extra: Record<string, unknown> = {}, status = 200, errors?: FormErrors) => {
    const overview = await loadRunOverview(deps, reply.request.principal, runId);
    return reply.status(status).render(`pages/prioritisation/${template}.njk`, { pageTitle: `${errors ? 'Error: ' : ''}${title}`, ...runView(overview), ...extra, ...errors });
  };

  const shortListPage = (reply: FastifyReply, runId: string, chosen?: string[], status = 200, errors?: FormErrors) =>
    loadRunOverview(deps, reply.request.principal, runId).then((overview) => renderStep(reply, 'short-list', 'Choose the short list', runId, {
      itemChoices: overview.items.map((item) => ({
        value: item.id, text: item.name, checked: chosen ? chosen.includes(item.id) : item.isShortListed,
        hint: { text: `Rank ${item.rank}, score ${item.score.toFixed(1)} out of 100, support ${supportText(item)}` },
      })),
    }, status, errors));

  app.get('/prioritisation/:id/short-list', COMMISSIONER, async (request, reply) => shortListPage(reply, runIdOf(request.params)));
  app.post('/prioritisation/:id/short-list', COMMISSIONER, async (request, reply) => {
    const runId = runIdOf(request.params);
    const chosen = fieldList(request.body, 'items');
    try {
      await chooseShortList(deps, request.actionContext(), runId, chosen);
      request.session.flash = `The short list of ${chosen.length} services has been chosen. Take it to the board for approval.`;
      return reply.redirect(`/prioritisation/${runId}`, 303);
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      return shortListPage(reply, runId, chosen, 400, errors);
    }
  });

  app.get('/prioritisation/:id/approval', COMMISSIONER, async (request, reply) => renderStep(reply, 'approval', 'Record the board’s approval', runIdOf(request.params), { values: {} }));
  app.post('/prioritisation/:id/approval', COMMISSIONER, async (request, reply) => {
    const runId = runIdOf(request.params);
    const values = { boardName: field(request.body, 'boardName'), note: field(request.body, 'note') };
    try {
      await approveShortList(deps, request.actionContext(), runId, values);
      request.session.flash = `The approval by ${values.boardName.trim()} has been recorded.`;
      return reply.redirect(`/prioritisation/${runId}`, 303);
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      return renderStep(reply, 'approval', 'Record the board’s approval', runId, { values }, 400, errors);
    }
  });

  app.get('/prioritisation/:id/notification', COMMISSIONER, async (request, reply) => {
    const preview = await previewNotification(deps, request.principal, runIdOf(request.params));
    return renderStep(reply, 'notification', 'Notify the region', preview.run.id, { regionName: preview.regionName, previewText: preview.text });
  });
  app.post('/prioritisation/:id/notification', COMMISSIONER, async (request, reply) => {
    const runId = runIdOf(request.params);
    const { regionName } = await notifyRegion(deps, request.actionContext(), runId);
    request.session.flash = `${regionName} has been notified of the short list.`;
    return reply.redirect(`/prioritisation/${runId}`, 303);
  });

  const milestonePage = async (reply: FastifyReply, runId: string, milestoneId: string, values?: Values, status = 200, errors?: FormErrors) => {
    const milestone = (await loadRunOverview(deps, reply.request.principal, runId)).milestones.find((candidate) => candidate.id === milestoneId);
    if (!milestone) throw new DomainError('not-found', 'There is no such milestone');
    const current = values ?? { status: milestone.status, dueOn: milestone.dueOn, completedOn: milestone.completedOn ?? '' };
    return renderStep(reply, 'milestone', `Update ${milestone.title}`, runId, {
      milestone, values: current, dueParts: partsOf(current.dueOn!), completedParts: partsOf(current.completedOn || null),
      statusItems: Object.entries(MILESTONE_STATUS_LABELS).map(([value, text]) => ({ value, text })),
    }, status, errors);
  };

  app.get('/prioritisation/:id/milestones/:milestoneId', COMMISSIONER, async (request, reply) => {
    const { id, milestoneId } = request.params as { id: string; milestoneId: string };
    return milestonePage(reply, id, milestoneId);
  });
  app.post('/prioritisation/:id/milestones/:milestoneId', COMMISSIONER, async (request, reply) => {
    const { id, milestoneId } = request.params as { id: string; milestoneId: string };
    const values = { status: field(request.body, 'status'), dueOn: dateFromParts(request.body, 'dueOn'), completedOn: dateFromParts(request.body, 'completedOn') };
    try {
      await updateMilestone(deps, request.actionContext(), id, milestoneId, values);
      request.session.flash = 'The milestone has been updated.';
      return reply.redirect(`/prioritisation/${id}#milestones`, 303);
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      return milestonePage(reply, id, milestoneId, values, 400, errors);
    }
  });
}
