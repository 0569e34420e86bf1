/** KPI breaches over the API (issue #15 items 6 and 9; decision 0056): each side lists and reads its own; the commissioner and the provider take the steps. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Deps } from '../../domains/deps.ts';
import { escalateBreach, suspendForBreach } from '../../domains/provider-quality/breach-escalation.service.ts';
import { closeBreach, issueNotice, respondToNotice, withdrawBreach } from '../../domains/provider-quality/breach-notice.service.ts';
import { agreePlan, MAX_MILESTONES, recordMilestone } from '../../domains/provider-quality/breach-plan.service.ts';
import { breachesFor, breachFor } from '../../domains/provider-quality/breach-read.service.ts';
import { type BreachStepService, MAX_BREACH_TEXT } from '../../domains/provider-quality/breach-step.ts';
import { Breach, BreachSummary, breachJson, breachSummaryJson } from './breach.api-shapes.ts';
import { problemResponses } from './schemas.ts';

const COMMISSIONER = ['commissioner'] as const;
const EITHER_SIDE = ['commissioner', 'provider-admin', 'provider-clinician'] as const;
const BreachId = Type.Object({ id: Type.String({ maxLength: 40 }) });
const Version = Type.Integer({ minimum: 1, description: 'The breach’s version you read' });
const Text = (description: string) => Type.String({ minLength: 1, maxLength: MAX_BREACH_TEXT, description });
const conflicts = { 409: Type.Ref('Problem') };

/** The steps that take a reason, each with who takes it and what it does. */
const REASON_STEPS: { path: string; summary: string; run: BreachStepService<{ reason: string }> }[] = [
  {
    path: 'close',
    summary: 'Close the breach: before a notice when no action is needed, or once every milestone is met',
    run: closeBreach,
  },
  { path: 'withdraw', summary: 'Withdraw the contract performance notice, before a plan is agreed', run: withdrawBreach },
  {
    path: 'escalate',
    summary: 'Escalate: once the response is overdue, after a response, or once a milestone is missed',
    run: escalateBreach,
  },
  {
    path: 'suspend',
    summary: 'Suspend the provider’s listing on the offer for an escalated breach (the provider is told)',
    run: suspendForBreach,
  },
];

export function registerBreachApi(scope: FastifyInstance, deps: Deps): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();
  const step = { tags: ['quality'], params: BreachId, response: { 200: Breach, ...problemResponses, ...conflicts } };

  app.get(
    '/api/v1/breaches',
    {
      config: { roles: EITHER_SIDE },
      schema: {
        tags: ['quality'],
        summary: 'KPI breaches: a commissioner’s on the offers it leads, a provider’s own; open or closed (closed, withdrawn or suspended)',
        querystring: Type.Object({ state: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('closed')])) }),
        response: { 200: Type.Object({ items: Type.Array(BreachSummary) }), ...problemResponses },
      },
    },
    async (request) => ({ items: (await breachesFor(deps, request.actionContext(), request.query.state)).map(breachSummaryJson) }),
  );

  app.get(
    '/api/v1/breaches/:id',
    {
      config: { roles: EITHER_SIDE },
      schema: {
        tags: ['quality'],
        summary: 'One breach with the KPI figure that opened it, its plan, its whole history and your next steps',
        params: BreachId,
        response: { 200: Breach, ...problemResponses },
      },
    },
    async (request) => breachJson(await breachFor(deps, request.actionContext(), request.params.id)),
  );

  app.post(
    '/api/v1/breaches/:id/notice',
    {
      config: { roles: COMMISSIONER },
      schema: {
        ...step,
        summary: 'Issue a contract performance notice; the provider must respond within the configured working days',
        body: Type.Object({ version: Version, text: Text('The notice') }, { additionalProperties: false }),
      },
    },
    async (request) => breachJson(await issueNotice(deps, request.actionContext(), request.params.id, request.body)),
  );

  app.post(
    '/api/v1/breaches/:id/response',
    {
      config: { roles: ['provider-admin'] },
      schema: {
        ...step,
        summary: 'Respond to the notice: why the KPI fell short and the actions you propose for the plan',
        body: Type.Object({ version: Version, text: Text('The response') }, { additionalProperties: false }),
      },
    },
    async (request) => breachJson(await respondToNotice(deps, request.actionContext(), request.params.id, request.body)),
  );

  app.post(
    '/api/v1/breaches/:id/plan',
    {
      config: { roles: COMMISSIONER },
      schema: {
        ...step,
        summary: 'Record the remedial action plan agreed with the provider (after its response, or a revised plan after escalation)',
        body: Type.Object(
          {
            version: Version,
            milestones: Type.Array(
              Type.Object(
                {
                  description: Type.String({ maxLength: 1000 }),
                  dueOn: Type.String({ maxLength: 10, description: 'YYYY-MM-DD, after today' }),
                },
                { additionalProperties: false },
              ),
              { minItems: 1, maxItems: MAX_MILESTONES },
            ),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => breachJson(await agreePlan(deps, request.actionContext(), request.params.id, request.body)),
  );

  app.post(
    '/api/v1/breaches/:id/milestones/:number',
    {
      config: { roles: COMMISSIONER },
      schema: {
        ...step,
        summary: 'Record a milestone of the plan in force met (on a day, today by default) or missed (after its date)',
        params: Type.Object({ id: Type.String({ maxLength: 40 }), number: Type.Integer({ minimum: 1, maximum: 10_000 }) }),
        body: Type.Object(
          {
            version: Version,
            outcome: Type.Union([Type.Literal('met'), Type.Literal('missed')]),
            metOn: Type.Optional(Type.String({ maxLength: 10 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) =>
      breachJson(
        await recordMilestone(deps, request.actionContext(), request.params.id, { ...request.body, number: request.params.number }),
      ),
  );

  for (const { path, summary, run } of REASON_STEPS)
    app.post(
      `/api/v1/breaches/:id/${path}`,
      {
        config: { roles: COMMISSIONER },
        schema: {
          ...step,
          summary,
          body: Type.Object({ version: Version, reason: Text('Why: the provider sees it') }, { additionalProperties: false }),
        },
      },
      async (request) => breachJson(await run(deps, request.actionContext(), request.params.id, request.body)),
    );
}
