/** Local service proposals and regional assessment over the API: commissioners draft and submit, regional reviewers assess and decide. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Deps } from '../../domains/deps.ts';
import { createProposal, submitProposal, updateProposal } from '../../domains/proposals/proposal-drafting.service.ts';
import { getProposal, type ProposalWithAssessments, proposalsFor } from '../../domains/proposals/proposal-queries.service.ts';
import { ASSESSMENT_CRITERIA, PROPOSAL_STATUSES, unassessedCriteria } from '../../domains/proposals/proposals.rules.ts';
import { decideProposal, recordAssessments } from '../../domains/proposals/regional-assessment.service.ts';
import { registerLocalServiceApi } from './local-services.api.ts';
import { pageOf, problemResponses } from './schemas.ts';

const READERS = { roles: ['commissioner', 'regional-reviewer'] as const };
const COMMISSIONER = { roles: ['commissioner'] as const };
const REVIEWER = { roles: ['regional-reviewer'] as const };
const TAGS = ['local proposals'];

const DateTime = Type.String({ format: 'date-time' });
const NullableDateTime = Type.Union([DateTime, Type.Null()]);
const OrganisationRef = Type.Object({ odsCode: Type.Union([Type.String(), Type.Null()]), name: Type.String() });
const Assessment = Type.Object({
  criterion: Type.String(),
  title: Type.String(),
  met: Type.Boolean(),
  note: Type.String(),
  assessedAt: DateTime,
});
const Proposal = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  description: Type.String(),
  rationale: Type.String(),
  status: Type.Union(PROPOSAL_STATUSES.map((status) => Type.Literal(status))),
  proposer: OrganisationRef,
  region: OrganisationRef,
  createdAt: DateTime,
  submittedAt: NullableDateTime,
  decidedAt: NullableDateTime,
  decisionReasons: Type.Union([Type.String(), Type.Null()]),
  assessments: Type.Array(Assessment),
  unassessedCriteria: Type.Array(Type.String(), { description: 'Codes of the criteria still to assess before a decision' }),
  localService: Type.Union([Type.Object({ code: Type.String(), packVersion: Type.Union([Type.Integer(), Type.Null()]) }), Type.Null()], {
    description: 'The local service made from an approved proposal: open offers for it with this code',
  }),
});
const ProposalSummary = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  status: Type.String(),
  proposer: OrganisationRef,
  region: OrganisationRef,
  submittedAt: NullableDateTime,
  decidedAt: NullableDateTime,
});
const ProposalBody = Type.Object({
  name: Type.String({ maxLength: 300 }),
  description: Type.String({ maxLength: 5000 }),
  rationale: Type.String({ maxLength: 10000 }),
});
const IdParams = Type.Object({ id: Type.String({ maxLength: 40 }) });
const transitionProblems = { ...problemResponses, 409: Type.Ref('Problem') };

const ref = (organisation: { odsCode: string | null; name: string }) => ({ odsCode: organisation.odsCode, name: organisation.name });
const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);

function toJson(proposal: ProposalWithAssessments) {
  const titleOf = (code: string) => ASSESSMENT_CRITERIA.find((criterion) => criterion.code === code)?.title ?? code;
  return {
    id: proposal.id,
    name: proposal.name,
    description: proposal.description,
    rationale: proposal.rationale,
    status: proposal.status as (typeof PROPOSAL_STATUSES)[number],
    proposer: ref(proposal.proposer),
    region: ref(proposal.region),
    createdAt: iso(proposal.createdAt)!,
    submittedAt: iso(proposal.submittedAt),
    decidedAt: iso(proposal.decidedAt),
    decisionReasons: proposal.decisionReasons,
    assessments: proposal.assessments.map((item) => ({
      criterion: item.criterion,
      title: titleOf(item.criterion),
      met: item.met,
      note: item.note,
      assessedAt: iso(item.assessedAt)!,
    })),
    unassessedCriteria: unassessedCriteria(proposal.assessments.map((item) => item.criterion)).map((criterion) => criterion.code),
    localService: proposal.localService,
  };
}

export function registerProposalApi(scope: FastifyInstance, deps: Deps): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();
  const current = async (principal: Parameters<typeof getProposal>[1], id: string) => toJson(await getProposal(deps, principal, id));

  app.get(
    '/api/v1/local-proposals/criteria',
    {
      schema: {
        tags: TAGS,
        summary: 'The criteria a region assesses each locally proposed service against',
        response: {
          200: Type.Object({ items: Type.Array(Type.Object({ code: Type.String(), title: Type.String(), description: Type.String() })) }),
        },
      },
    },
    async () => ({ items: ASSESSMENT_CRITERIA.map((criterion) => ({ ...criterion })) }),
  );

  app.get(
    '/api/v1/local-proposals',
    {
      config: READERS,
      schema: {
        tags: TAGS,
        summary: 'Your organisation’s proposals (commissioner) or those submitted to your region (regional reviewer)',
        querystring: Type.Object({
          status: Type.Optional(Type.Union(PROPOSAL_STATUSES.map((status) => Type.Literal(status)))),
          page: Type.Integer({ minimum: 1, default: 1 }),
          pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
        }),
        response: { 200: pageOf(ProposalSummary), ...problemResponses },
      },
    },
    async (request) => {
      const { page, pageSize, status } = request.query;
      const result = await proposalsFor(deps, request.principal, {
        statuses: status ? [status] : [],
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      const items = result.rows.map((row) => ({
        id: row.id,
        name: row.name,
        status: row.status,
        proposer: ref(row.proposer),
        region: ref(row.region),
        submittedAt: iso(row.submittedAt),
        decidedAt: iso(row.decidedAt),
      }));
      return { items, page, pageSize, total: result.total };
    },
  );

  app.post(
    '/api/v1/local-proposals',
    {
      config: COMMISSIONER,
      schema: {
        tags: TAGS,
        summary: 'Draft a proposal for a service that is not on the national list',
        body: ProposalBody,
        response: { 201: Proposal, ...transitionProblems },
      },
    },
    async (request, reply) => {
      const { id } = await createProposal(deps, request.actionContext(), request.body);
      return reply
        .status(201)
        .header('location', `/api/v1/local-proposals/${id}`)
        .send(await current(request.principal, id));
    },
  );

  app.get(
    '/api/v1/local-proposals/:id',
    {
      config: READERS,
      schema: {
        tags: TAGS,
        summary: 'One proposal with its criterion assessments and decision',
        params: IdParams,
        response: { 200: Proposal, ...problemResponses },
      },
    },
    async (request) => current(request.principal, request.params.id),
  );

  app.put(
    '/api/v1/local-proposals/:id',
    {
      config: COMMISSIONER,
      schema: {
        tags: TAGS,
        summary: 'Change a draft proposal (refused once submitted)',
        params: IdParams,
        body: ProposalBody,
        response: { 200: Proposal, ...transitionProblems },
      },
    },
    async (request) => {
      await updateProposal(deps, request.actionContext(), request.params.id, request.body);
      return current(request.principal, request.params.id);
    },
  );

  app.post(
    '/api/v1/local-proposals/:id/submission',
    {
      config: COMMISSIONER,
      schema: {
        tags: TAGS,
        summary: 'Submit a draft to your region for assessment',
        params: IdParams,
        response: { 200: Proposal, ...transitionProblems },
      },
    },
    async (request) => {
      await submitProposal(deps, request.actionContext(), request.params.id);
      return current(request.principal, request.params.id);
    },
  );

  app.put(
    '/api/v1/local-proposals/:id/assessments',
    {
      config: REVIEWER,
      schema: {
        tags: TAGS,
        summary:
          'Assess criteria of a submitted proposal as met or not met, each with a note (replaces earlier assessments of the same criteria)',
        params: IdParams,
        body: Type.Object({
          assessments: Type.Array(
            Type.Object({ criterion: Type.String({ maxLength: 60 }), met: Type.Boolean(), note: Type.String({ maxLength: 5000 }) }),
            { maxItems: 20 },
          ),
        }),
        response: { 200: Proposal, ...transitionProblems },
      },
    },
    async (request) => {
      await recordAssessments(deps, request.actionContext(), request.params.id, request.body.assessments);
      return current(request.principal, request.params.id);
    },
  );

  app.post(
    '/api/v1/local-proposals/:id/decision',
    {
      config: REVIEWER,
      schema: {
        tags: TAGS,
        summary: 'Approve or reject a proposal whose criteria are all assessed, with reasons the commissioner will see',
        params: IdParams,
        body: Type.Object({
          outcome: Type.Union([Type.Literal('approved'), Type.Literal('rejected')]),
          reasons: Type.String({ maxLength: 10000 }),
        }),
        response: { 200: Proposal, ...transitionProblems },
      },
    },
    async (request) => {
      await decideProposal(deps, request.actionContext(), request.params.id, request.body);
      return current(request.principal, request.params.id);
    },
  );

  registerLocalServiceApi(scope, deps);
}
