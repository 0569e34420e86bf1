/** Criteria and scores of a run: weighted prioritisation and benefits criteria, and a grid of scores 0–5 per item. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { loadRunOverview } from '../../../domains/prioritisation/run-overview.service.ts';
import { CRITERION_KINDS, replaceCriteria, type ScoreInput, setScores } from '../../../domains/prioritisation/scoring.service.ts';
import { attempt, field, type FormErrors, renderForm } from '../form.ts';
import { get, post, registerPages } from '../page-routes.ts';
import { COMMISSIONER, runIdOf } from './route-options.ts';
import { runView } from './run.presenter.ts';

const SCORE_FIELD = /^score__([0-9a-f-]{36})__([0-9a-f-]{36})$/;
const scoreFieldName = (input: { itemId: string; criterionId: string }) => `score__${input.itemId}__${input.criterionId}`;

/** Reads the score grid: an empty cell clears the score, anything else must be a whole number the service checks. */
function scoresFromForm(body: unknown): { inputs: ScoreInput[]; typed: Record<string, string> } {
  const inputs: ScoreInput[] = [];
  const typed: Record<string, string> = {};
  for (const [name, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    const match = SCORE_FIELD.exec(name);
    if (!match || typeof value !== 'string') continue;
    typed[name] = value;
    const text = value.trim();
    inputs.push({
      itemId: match[1]!,
      criterionId: match[2]!,
      score: text === '' ? null : /^\d{1,3}$/.test(text) ? Number(text) : Number.NaN,
    });
  }
  return { inputs, typed };
}

/** The criteria with a form for one more, and the grid of scores, filled from what was just typed when there are errors. */
async function viewCriteria(
  deps: Deps,
  reply: FastifyReply,
  runId: string,
  options: { values?: Record<string, string>; typed?: Record<string, string>; errors?: FormErrors } = {},
) {
  const overview = await loadRunOverview(deps, reply.request.principal, runId);
  const view = runView(overview);
  const typed = options.typed ?? {};
  const cellErrors = options.errors?.fieldErrors ?? {};
  return renderForm(
    reply,
    'pages/prioritisation/criteria.njk',
    'Criteria and scores',
    {
      ...view,
      values: options.values ?? {},
      columnClass: 'nhsuk-grid-column-full',
      kindItems: Object.entries(CRITERION_KINDS).map(([value, text]) => ({ value, text })),
      criteria: overview.criteria.map((criterion) => ({ ...criterion, kindText: CRITERION_KINDS[criterion.kind] })),
      grid: view.items.map((item) => ({
        ...item,
        cells: overview.criteria.map((criterion) => {
          const name = scoreFieldName({ itemId: item.id, criterionId: criterion.id });
          return {
            name,
            criterionName: criterion.name,
            value: typed[name] ?? (item.scores[criterion.id] === undefined ? '' : String(item.scores[criterion.id])),
            error: cellErrors[name]?.text,
          };
        }),
      })),
    },
    options.errors,
  );
}

/** Adds a criterion after the current ones, or shows the page again with its errors. */
async function submitCriterion(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const runId = runIdOf(request.params);
  const values = {
    kind: field(request.body, 'kind'),
    name: field(request.body, 'name'),
    description: field(request.body, 'description'),
    weight: field(request.body, 'weight'),
  };
  const outcome = await attempt(async () => {
    const current = (await loadRunOverview(deps, request.principal, runId)).criteria;
    await replaceCriteria(deps, request.actionContext(), runId, [...current, values], (index) =>
      index === current.length ? '' : `criteria.${index}.`,
    );
  });
  if (!outcome.ok) return viewCriteria(deps, reply, runId, { values, errors: outcome.errors });
  request.session.flash = `${values.name.trim()} has been added to the criteria.`;
  return reply.redirect(`/prioritisation/${runId}/criteria`, 303);
}

/** Removes a criterion and its scores. */
async function submitCriterionRemoval(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const { id, criterionId } = request.params as { id: string; criterionId: string };
  const current = (await loadRunOverview(deps, request.principal, id)).criteria;
  await replaceCriteria(
    deps,
    request.actionContext(),
    id,
    current.filter((criterion) => criterion.id !== criterionId),
  );
  request.session.flash = 'The criterion and its scores have been removed.';
  return reply.redirect(`/prioritisation/${id}/criteria`, 303);
}

/** Saves the grid of scores and ranks the long list again, or shows the grid with its errors. */
async function submitScores(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const runId = runIdOf(request.params);
  const { inputs, typed } = scoresFromForm(request.body);
  const outcome = await attempt(() => setScores(deps, request.actionContext(), runId, inputs, (input) => scoreFieldName(input)));
  if (!outcome.ok) return viewCriteria(deps, reply, runId, { typed, errors: outcome.errors });
  request.session.flash = 'The scores have been saved and the long list ranked again.';
  return reply.redirect(`/prioritisation/${runId}/criteria`, 303);
}

/** Registers the criteria and scores pages. */
export function registerScoringPages(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get('/prioritisation/:id/criteria', (request, reply) => viewCriteria(deps, reply, runIdOf(request.params)), COMMISSIONER),
    post('/prioritisation/:id/criteria', (request, reply) => submitCriterion(deps, request, reply), COMMISSIONER),
    post(
      '/prioritisation/:id/criteria/:criterionId/remove',
      (request, reply) => submitCriterionRemoval(deps, request, reply),
      COMMISSIONER,
    ),
    post('/prioritisation/:id/scores', (request, reply) => submitScores(deps, request, reply), COMMISSIONER),
  ]);
}
