/** Prioritisation runs over the API: commissioners run engagement to an approved short list; regions read what they were sent. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Deps } from '../../domains/deps.ts';
import { approveShortList, chooseShortList, notifyRegion } from '../../domains/prioritisation/decision.service.ts';
import { addLongListItem, addResponses, importResponses, removeLongListItem } from '../../domains/prioritisation/long-list.service.ts';
import { updateMilestone } from '../../domains/prioritisation/milestone.service.ts';
import { loadRunOverview } from '../../domains/prioritisation/run-overview.service.ts';
import { createRun, listRunsFor } from '../../domains/prioritisation/run.service.ts';
import { replaceCriteria, setScores } from '../../domains/prioritisation/scoring.service.ts';
import { PageQuery, pageOf } from './schemas.ts';
import {
  COMMISSIONER,
  CriterionBody,
  READERS,
  ResponseBody,
  RunDetail,
  RunParams,
  RunSummary,
  detailOf,
  problems,
  summaryOf,
  tags,
} from './prioritisation.api-shapes.ts';

/** Registers the prioritisation-run routes under /api/v1/prioritisation-runs. */
export function registerPrioritisationApi(scope: FastifyInstance, deps: Deps): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/prioritisation-runs',
    {
      config: READERS,
      schema: {
        tags,
        summary: 'Runs a commissioner owns or takes part in; for a regional reviewer, runs notified to their region',
        querystring: PageQuery,
        response: { 200: pageOf(RunSummary), ...problems },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 50 } = request.query;
      const { rows, total } = await listRunsFor(deps, request.principal!, { limit: pageSize, offset: (page - 1) * pageSize });
      return { items: rows.map(summaryOf), page, pageSize, total };
    },
  );

  app.post(
    '/api/v1/prioritisation-runs',
    {
      config: COMMISSIONER,
      schema: {
        tags,
        summary: 'Start a run: the long list from the national list (2012/13 priorities by default), members, the milestone timetable',
        body: Type.Object({
          title: Type.String({ maxLength: 200 }),
          yearLabel: Type.String({ maxLength: 20, description: 'Plan year, like 2012/13' }),
          members: Type.Array(Type.String({ maxLength: 40 }), {
            maxItems: 50,
            description: 'ODS codes (or ids) of your organisation and/or its sub-ICB locations',
          }),
          phases: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 3 })),
        }),
        response: { 201: Type.Object({ id: Type.String() }), ...problems },
      },
    },
    async (request, reply) => reply.status(201).send(await createRun(deps, request.actionContext(), request.body)),
  );

  app.get(
    '/api/v1/prioritisation-runs/:id',
    {
      config: READERS,
      schema: {
        tags,
        summary: 'A run with its long list scored and ranked, responses, criteria, milestones, approval and notification',
        params: RunParams,
        response: { 200: RunDetail, ...problems },
      },
    },
    async (request) => detailOf(await loadRunOverview(deps, request.principal, request.params.id)),
  );

  app.post(
    '/api/v1/prioritisation-runs/:id/items',
    {
      config: COMMISSIONER,
      schema: {
        tags,
        summary: 'Add a local candidate (name, description) or a national service (serviceCode) to the long list',
        params: RunParams,
        body: Type.Union([
          Type.Object({ serviceCode: Type.String({ maxLength: 80 }) }),
          Type.Object({ name: Type.String({ maxLength: 200 }), description: Type.Optional(Type.String({ maxLength: 2000 })) }),
        ]),
        response: { 201: Type.Object({ id: Type.String() }), ...problems },
      },
    },
    async (request, reply) => reply.status(201).send(await addLongListItem(deps, request.actionContext(), request.params.id, request.body)),
  );

  app.delete(
    '/api/v1/prioritisation-runs/:id/items/:itemId',
    {
      config: COMMISSIONER,
      schema: {
        tags,
        summary: 'Remove an item from the long list during engagement',
        params: Type.Object({ id: Type.String({ format: 'uuid' }), itemId: Type.String({ format: 'uuid' }) }),
        response: { 204: Type.Null(), ...problems },
      },
    },
    async (request, reply) => {
      await removeLongListItem(deps, request.actionContext(), request.params.id, request.params.itemId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/prioritisation-runs/:id/responses',
    {
      config: COMMISSIONER,
      schema: {
        tags,
        summary: 'Record stakeholder responses; one invalid response and none is saved',
        params: RunParams,
        body: Type.Array(ResponseBody, { minItems: 1, maxItems: 5000 }),
        response: { 201: Type.Object({ saved: Type.Integer() }), ...problems },
      },
    },
    async (request, reply) => reply.status(201).send(await addResponses(deps, request.actionContext(), request.params.id, request.body)),
  );

  app.post(
    '/api/v1/prioritisation-runs/:id/responses/import',
    {
      config: COMMISSIONER,
      schema: {
        tags,
        summary: 'Import responses from CSV (header: service, group, priority, benefits, comment); one bad row and nothing is saved',
        params: RunParams,
        body: Type.Object({ csv: Type.String({ maxLength: 900_000 }) }),
        response: { 201: Type.Object({ saved: Type.Integer() }), ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await importResponses(deps, request.actionContext(), request.params.id, request.body.csv)),
  );

  app.put(
    '/api/v1/prioritisation-runs/:id/criteria',
    {
      config: COMMISSIONER,
      schema: {
        tags,
        summary: 'Replace the weighted criteria (weight 1–100); criteria kept by name keep their scores',
        params: RunParams,
        body: Type.Array(CriterionBody, { maxItems: 50 }),
        response: { 204: Type.Null(), ...problems },
      },
    },
    async (request, reply) => {
      await replaceCriteria(deps, request.actionContext(), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/v1/prioritisation-runs/:id/scores',
    {
      config: COMMISSIONER,
      schema: {
        tags,
        summary: 'Set scores 0–5 per item per criterion (null clears one)',
        params: RunParams,
        body: Type.Array(
          Type.Object({ itemId: Type.String(), criterionId: Type.String(), score: Type.Union([Type.Integer(), Type.Null()]) }),
          { maxItems: 10_000 },
        ),
        response: { 204: Type.Null(), ...problems },
      },
    },
    async (request, reply) => {
      await setScores(deps, request.actionContext(), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/prioritisation-runs/:id/short-list',
    {
      config: COMMISSIONER,
      schema: {
        tags,
        summary: 'Choose the short list: at least three items of the long list',
        params: RunParams,
        body: Type.Object({ itemIds: Type.Array(Type.String(), { maxItems: 200 }) }),
        response: { 204: Type.Null(), ...problems },
      },
    },
    async (request, reply) => {
      await chooseShortList(deps, request.actionContext(), request.params.id, request.body.itemIds);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/prioritisation-runs/:id/approval',
    {
      config: COMMISSIONER,
      schema: {
        tags,
        summary: 'Record the board’s approval of the short list',
        params: RunParams,
        body: Type.Object({ boardName: Type.String({ maxLength: 200 }), note: Type.Optional(Type.String({ maxLength: 2000 })) }),
        response: { 204: Type.Null(), ...problems },
      },
    },
    async (request, reply) => {
      await approveShortList(deps, request.actionContext(), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/prioritisation-runs/:id/notification',
    {
      config: COMMISSIONER,
      schema: {
        tags,
        summary: 'Notify the region of the approved short list',
        params: RunParams,
        response: { 201: Type.Object({ regionName: Type.String() }), ...problems },
      },
    },
    async (request, reply) => reply.status(201).send(await notifyRegion(deps, request.actionContext(), request.params.id)),
  );

  app.patch(
    '/api/v1/prioritisation-runs/:id/milestones/:milestoneId',
    {
      config: COMMISSIONER,
      schema: {
        tags,
        summary: 'Update a milestone’s status, due date or completion date',
        params: Type.Object({ id: Type.String({ format: 'uuid' }), milestoneId: Type.String({ format: 'uuid' }) }),
        body: Type.Object({
          status: Type.Optional(Type.String()),
          dueOn: Type.Optional(Type.String({ format: 'date' })),
          completedOn: Type.Optional(Type.Union([Type.String({ format: 'date' }), Type.Null()])),
        }),
        response: { 204: Type.Null(), ...problems },
      },
    },
    async (request, reply) => {
      await updateMilestone(deps, request.actionContext(), request.params.id, request.params.milestoneId, request.body);
      return reply.status(204).send(null);
    },
  );
}
