/** KPI results as pages (issue #15 items 2 and 9, decision 0052): the list a provider sees of its own (a commissioner of its offers'), with CSV, and the referrals counted behind one, audited as seen. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { isMonth } from '../../../domains/payments/month.rules.ts';
import { countedReferralsOf, kpiResultsFor, kpiResultsPage } from '../../../domains/provider-quality/kpi-results.service.ts';
import { datedFileName, sendCsv, sendListCsv } from '../csv-reply.ts';
import { csvHrefOf, listTableModel } from '../list-table.ts';
import { get, registerPages } from '../page-routes.ts';
import { pageRequest, paginationView } from '../pagination.ts';
import { countedReferralsCsv, resultColumns, resultModel } from './kpi-results.presenter.ts';

const READERS = {
  config: {
    roles: ['provider-admin', 'provider-clinician', 'commissioner', 'commissioner-finance', 'national-admin', 'regional-reviewer'] as const,
  },
};
const REFERRAL_READERS = { config: { roles: ['provider-admin', 'provider-clinician', 'commissioner'] as const } };

const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;

function monthOf(request: FastifyRequest): string | undefined {
  const month = (request.query as { month?: string }).month;
  return month && isMonth(month) ? month : undefined;
}

/** What the reader's role shows: a provider its own results without the provider column; links to the referrals for those who may see them. */
function shownTo(request: FastifyRequest) {
  const role = request.principal?.role ?? '';
  return { isProvider: role.startsWith('provider'), mayOpenReferrals: role.startsWith('provider') || role === 'commissioner' };
}

/** A page of 25 results (a year of a commissioner's offers runs to thousands); the CSV holds every one. */
async function viewResults(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const month = monthOf(request);
  const page = pageRequest((request.query as { page?: string }).page);
  const { results, total } = await kpiResultsPage(deps, request.principal ?? null, { endMonth: month }, page);
  const shown = shownTo(request);
  return reply.render('pages/quality/kpis.njk', {
    pageTitle: 'Key performance indicators',
    results: listTableModel(resultColumns(shown), results, {
      caption: 'Key performance indicators',
      csvHref: csvHrefOf('/quality/kpis', { month }),
      what: 'these KPIs',
    }),
    pagination: paginationView(page, total, '/quality/kpis', { month }),
    month: month ?? '',
    isProvider: shown.isProvider,
  });
}

async function downloadResults(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const month = monthOf(request);
  const results = await kpiResultsFor(deps, request.principal ?? null, { endMonth: month });
  return sendListCsv(
    reply,
    datedFileName(`kpi-results${month ? `-${month}` : ''}`, deps.clock.today()),
    resultColumns(shownTo(request)),
    results,
  );
}

async function viewCountedReferrals(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const { result, referrals } = await countedReferralsOf(deps, request.actionContext(), idOf(request));
  return reply.header('cache-control', 'no-store').render('pages/quality/kpi-referrals.njk', {
    pageTitle: `${result.kpiName}: the referrals counted`,
    result: resultModel(result),
    referrals,
  });
}

async function downloadCountedReferrals(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const { result, referrals } = await countedReferralsOf(deps, request.actionContext(), idOf(request));
  return sendCsv(reply, `kpi-${result.kpiCode}-${result.endMonth}-referrals.csv`, countedReferralsCsv(referrals));
}

export function registerKpiResultPages(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get('/quality/kpis', (request, reply) => viewResults(deps, request, reply), READERS),
    get('/quality/kpis.csv', (request, reply) => downloadResults(deps, request, reply), READERS),
    get('/quality/kpis/:id', (request, reply) => viewCountedReferrals(deps, request, reply), REFERRAL_READERS),
    get('/quality/kpis/:id/referrals.csv', (request, reply) => downloadCountedReferrals(deps, request, reply), REFERRAL_READERS),
  ]);
}
