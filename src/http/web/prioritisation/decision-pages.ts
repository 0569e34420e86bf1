/** Decision steps of a run: the short list, the board's approval, the notification to the region, and milestones. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { approveShortList, chooseShortList, notifyRegion, previewNotification } from '../../../domains/prioritisation/decision.service.ts';
import { updateMilestone } from '../../../domains/prioritisation/milestone.service.ts';
import { MILESTONE_STATUS_LABELS } from '../../../domains/prioritisation/milestones.rules.ts';
import { loadRunOverview, type RunOverview } from '../../../domains/prioritisation/run-overview.service.ts';
import { DomainError } from '../../../lib/errors.ts';
import { attempt, field, type FormErrors, renderForm } from '../form.ts';
import { get, post, registerPages } from '../page-routes.ts';
import { COMMISSIONER, runIdOf } from './route-options.ts';
import { fieldList, runView, supportText } from './run.presenter.ts';

type Values = Record<string, string>;
type MilestoneParams = { id: string; milestoneId: string };

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

/** A step of the run on its own page, with the run's overview beside the step's own fields. */
function viewRunStep(
  reply: FastifyReply,
  overview: RunOverview,
  template: string,
  title: string,
  extra: Record<string, unknown>,
  errors?: FormErrors,
) {
  return renderForm(reply, `pages/prioritisation/${template}.njk`, title, { ...runView(overview), ...extra }, errors);
}

/** The long list ranked, with the items short-listed (or just chosen) ticked. */
async function viewShortList(deps: Deps, reply: FastifyReply, runId: string, chosen?: string[], errors?: FormErrors) {
  const overview = await loadRunOverview(deps, reply.request.principal, runId);
  return viewRunStep(
    reply,
    overview,
    'short-list',
    'Choose the short list',
    {
      itemChoices: overview.items.map((item) => ({
        value: item.id,
        text: item.name,
        checked: chosen ? chosen.includes(item.id) : item.isShortListed,
        hint: { text: `Rank ${item.rank}, score ${item.score.toFixed(1)} out of 100, support ${supportText(item)}` },
      })),
    },
    errors,
  );
}

/** Saves the short list, or shows it again with its errors. */
async function submitShortList(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const runId = runIdOf(request.params);
  const chosen = fieldList(request.body, 'items');
  const outcome = await attempt(() => chooseShortList(deps, request.actionContext(), runId, chosen));
  if (!outcome.ok) return viewShortList(deps, reply, runId, chosen, outcome.errors);
  request.session.flash = `The short list of ${chosen.length} services has been chosen. Take it to the board for approval.`;
  return reply.redirect(`/prioritisation/${runId}`, 303);
}

/** The board's approval form. */
async function viewApproval(deps: Deps, reply: FastifyReply, runId: string, values: Values, errors?: FormErrors) {
  return viewRunStep(
    reply,
    await loadRunOverview(deps, reply.request.principal, runId),
    'approval',
    'Record the board’s approval',
    { values },
    errors,
  );
}

/** Records the board's approval, or shows the form again with its errors. */
async function submitApproval(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const runId = runIdOf(request.params);
  const values = { boardName: field(request.body, 'boardName'), note: field(request.body, 'note') };
  const outcome = await attempt(() => approveShortList(deps, request.actionContext(), runId, values));
  if (!outcome.ok) return viewApproval(deps, reply, runId, values, outcome.errors);
  request.session.flash = `The approval by ${values.boardName.trim()} has been recorded.`;
  return reply.redirect(`/prioritisation/${runId}`, 303);
}

/** The notification the region will receive, to read before sending. */
async function viewNotification(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const preview = await previewNotification(deps, request.principal, runIdOf(request.params));
  const overview = await loadRunOverview(deps, reply.request.principal, preview.run.id);
  return viewRunStep(reply, overview, 'notification', 'Notify the region', { regionName: preview.regionName, previewText: preview.text });
}

/** Sends the short list to the region. */
async function submitNotification(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const runId = runIdOf(request.params);
  const { regionName } = await notifyRegion(deps, request.actionContext(), runId);
  request.session.flash = `${regionName} has been notified of the short list.`;
  return reply.redirect(`/prioritisation/${runId}`, 303);
}

/** A milestone's form, filled from the milestone or from what was just sent. */
async function viewMilestone(deps: Deps, reply: FastifyReply, runId: string, milestoneId: string, values?: Values, errors?: FormErrors) {
  const overview = await loadRunOverview(deps, reply.request.principal, runId);
  const milestone = overview.milestones.find((candidate) => candidate.id === milestoneId);
  if (!milestone) throw new DomainError('not-found', 'There is no such milestone');
  const current = values ?? { status: milestone.status, dueOn: milestone.dueOn, completedOn: milestone.completedOn ?? '' };
  return viewRunStep(
    reply,
    overview,
    'milestone',
    `Update ${milestone.title}`,
    {
      milestone,
      values: current,
      dueParts: partsOf(current.dueOn!),
      completedParts: partsOf(current.completedOn || null),
      statusItems: Object.entries(MILESTONE_STATUS_LABELS).map(([value, text]) => ({ value, text })),
    },
    errors,
  );
}

/** Updates the milestone, or shows the form again with its errors. */
async function submitMilestone(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const { id, milestoneId } = request.params as MilestoneParams;
  const values = {
    status: field(request.body, 'status'),
    dueOn: dateFromParts(request.body, 'dueOn'),
    completedOn: dateFromParts(request.body, 'completedOn'),
  };
  const outcome = await attempt(() => updateMilestone(deps, request.actionContext(), id, milestoneId, values));
  if (!outcome.ok) return viewMilestone(deps, reply, id, milestoneId, values, outcome.errors);
  request.session.flash = 'The milestone has been updated.';
  return reply.redirect(`/prioritisation/${id}#milestones`, 303);
}

/** Registers the short-list, approval, notification and milestone pages. */
export function registerDecisionPages(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get('/prioritisation/:id/short-list', (request, reply) => viewShortList(deps, reply, runIdOf(request.params)), COMMISSIONER),
    post('/prioritisation/:id/short-list', (request, reply) => submitShortList(deps, request, reply), COMMISSIONER),
    get('/prioritisation/:id/approval', (request, reply) => viewApproval(deps, reply, runIdOf(request.params), {}), COMMISSIONER),
    post('/prioritisation/:id/approval', (request, reply) => submitApproval(deps, request, reply), COMMISSIONER),
    get('/prioritisation/:id/notification', (request, reply) => viewNotification(deps, request, reply), COMMISSIONER),
    post('/prioritisation/:id/notification', (request, reply) => submitNotification(deps, request, reply), COMMISSIONER),
    get(
      '/prioritisation/:id/milestones/:milestoneId',
      (request, reply) =>
        viewMilestone(deps, reply, (request.params as MilestoneParams).id, (request.params as MilestoneParams).milestoneId),
      COMMISSIONER,
    ),
    post('/prioritisation/:id/milestones/:milestoneId', (request, reply) => submitMilestone(deps, request, reply), COMMISSIONER),
  ]);
}
