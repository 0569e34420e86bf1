/** The breach pages (issue #15 item 6, decision 0056): each side's list, and one breach with its figure, plan and history, and the forms for the reader's next steps. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { breachesFor, breachFor } from '../../../domains/provider-quality/breach-read.service.ts';
import type { BreachStep } from '../../../domains/provider-quality/breach-steps.rules.ts';
import { DEFAULT_BREACH_PERIODS } from '../../../domains/provider-quality/breach.rules.ts';
import { attempt, field, type FormErrors, renderForm } from '../form.ts';
import { attemptRefusable, type Failure, namedForForm, renderFailure, STATE_REFUSALS } from '../form-outcome.ts';
import { get, post, registerPages } from '../page-routes.ts';
import { datedFileName, sendListCsv } from '../csv-reply.ts';
import { csvHrefOf, listTableModel } from '../list-table.ts';
import { breachListColumns, breachRows, milestoneItems, statusTag, timeline } from './breach.presenter.ts';
import { BREACH_FORMS, MILESTONE_ROWS } from './breach-forms.ts';

const EITHER_SIDE = { config: { roles: ['commissioner', 'provider-admin', 'provider-clinician'] as const } };
const COMMISSIONER = { config: { roles: ['commissioner'] as const } };
const PROVIDER_ADMIN = { config: { roles: ['provider-admin'] as const } };

const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;

/** The reader's breaches, open, closed or all; an unknown filter is shown beside it. */
async function viewBreaches(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const state = field(request.query, 'state');
  const outcome = await attempt(() => breachesFor(deps, request.actionContext(), state || undefined));
  const commissioner = request.principal?.role === 'commissioner';
  const errors: FormErrors | undefined = outcome.ok ? undefined : outcome.errors;
  return renderForm(
    reply,
    'pages/quality/breaches.njk',
    'KPI breaches',
    {
      intro: commissioner
        ? 'Breaches of KPIs by providers on the offers you lead: issue notices, agree remedial action plans, and close or escalate them.'
        : 'Where your service fell short of a KPI in your contract, and what the commissioner has asked of you.',
      states: [
        { value: '', text: 'All breaches', selected: !state },
        { value: 'open', text: 'Open', selected: state === 'open' },
        { value: 'closed', text: 'Finished (closed, withdrawn or suspended)', selected: state === 'closed' },
      ],
      breaches: listTableModel(breachListColumns(commissioner ? 'provider' : 'commissioner'), outcome.ok ? outcome.value : [], {
        caption: 'KPI breaches',
        csvHref: csvHrefOf('/quality/breaches', { state }),
        what: 'these breaches',
      }),
    },
    errors,
  );
}

/** The same list as CSV, for the same state; an unknown state is refused (400) as the page shows it. */
async function downloadBreaches(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const breaches = await breachesFor(deps, request.actionContext(), field(request.query, 'state') || undefined);
  const columns = breachListColumns(request.principal?.role === 'commissioner' ? 'provider' : 'commissioner');
  return sendListCsv(reply, datedFileName('breaches', deps.clock.today()), columns, breaches);
}

/** One breach with its history, milestones and the forms of the reader's next steps; a failed step's errors sit beside its own form. */
async function viewBreach(deps: Deps, request: FastifyRequest, reply: FastifyReply, body: unknown = {}, failure?: Failure) {
  const breach = await breachFor(deps, request.actionContext(), idOf(request));
  return renderFailure(
    reply,
    'pages/quality/breach.njk',
    `KPI breach ${breach.reference}`,
    {
      breach,
      statusTag: statusTag(breach.status),
      rows: breachRows(breach),
      milestones: milestoneItems(breach),
      timeline: timeline(breach),
      steps: Object.fromEntries(breach.nextSteps.map((step) => [step, true])),
      milestoneRows: MILESTONE_ROWS,
      values: body,
      respondDays: (deps.breachPeriods ?? DEFAULT_BREACH_PERIODS).respondWithinWorkingDays,
    },
    failure,
  );
}

/** Takes one step from its form: bad input beside the form's fields (400), a step its state or a newer version refuses beside its first field (409). */
function submitStep(deps: Deps, step: BreachStep) {
  const form = BREACH_FORMS[step];
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const version = Number(field(request.body, 'version'));
    const action = namedForForm(
      () => form.run(deps, request.actionContext(), idOf(request), { ...form.input(request.body), version }),
      (errors) => errors.map((error) => ({ ...error, field: form.fieldOf(error.field, request.body) })),
    );
    const outcome = await attemptRefusable(STATE_REFUSALS, form.fieldOf('', request.body), action);
    if (!outcome.ok) return viewBreach(deps, request, reply, request.body, withDayLinks(outcome));
    request.session.flash = form.done(outcome.value);
    return reply.redirect(`/quality/breaches/${outcome.value.id}`, 303);
  };
}

/** Summary links to a date go to its day box, which can take focus. */
function withDayLinks(failure: Failure): Failure {
  const errorList = failure.errors.errorList.map((item) => (item.href.endsWith('dueOn') ? { ...item, href: `${item.href}-day` } : item));
  return { ...failure, errors: { ...failure.errors, errorList } };
}

/** The list, the breach page and one form per step. */
export function registerBreachPages(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get('/quality/breaches', (request, reply) => viewBreaches(deps, request, reply), EITHER_SIDE),
    get('/quality/breaches.csv', (request, reply) => downloadBreaches(deps, request, reply), EITHER_SIDE),
    get('/quality/breaches/:id', (request, reply) => viewBreach(deps, request, reply), EITHER_SIDE),
    post('/quality/breaches/:id/response', submitStep(deps, 'response'), PROVIDER_ADMIN),
    ...(['notice', 'plan', 'milestone', 'close', 'withdraw', 'escalate', 'suspend'] as const).map((step) =>
      post(`/quality/breaches/:id/${step}`, submitStep(deps, step), COMMISSIONER),
    ),
  ]);
}
