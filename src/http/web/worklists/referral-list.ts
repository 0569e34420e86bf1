/** The full referral list pages (issue #12 item 10): every referral of the organisation, open and closed, filtered, searched, paged and downloaded as CSV. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { checkReferralListFilter, filterQuery } from '../../../domains/referrals/referral-list.rules.ts';
import { listScopeOf, referralList, referralListForDownload, serviceChoices } from '../../../domains/referrals/referral-list.service.ts';
import { attempt, type FormErrors, formErrors, type Outcome, renderForm } from '../form.ts';
import { joinErrors } from '../form-outcome.ts';
import { get, registerPages } from '../page-routes.ts';
import { pageRequest, paginationView } from '../pagination.ts';
import { datedFileName, sendListCsv } from '../csv-reply.ts';
import { csvHrefOf, listTableModel } from '../list-table.ts';
import { type ListFormValues, readListQuery, referralListColumns, statusItems } from './referral-list.presenter.ts';

const LIST_ROLES = { config: { roles: ['provider-admin', 'provider-clinician', 'referrer'] as const } };
const BASE = '/worklists/referrals';

type ListResult = Awaited<ReturnType<typeof referralList>>;

/** The page of the list the query asks for; with errors already found (impossible dates, a refused download), the rest of the filter is checked without the dates and no list is read. */
async function listOutcome(deps: Deps, request: FastifyRequest, found?: FormErrors): Promise<Outcome<ListResult>> {
  const { input, dateErrors } = readListQuery(request.query);
  const errors = joinErrors(dateErrors.length ? formErrors(dateErrors) : undefined, found);
  if (!errors)
    return attempt(() => referralList(deps, request.actionContext(), input, pageRequest((request.query as { page?: unknown }).page)));
  const rest = await attempt(async () => checkReferralListFilter({ ...input, sentFrom: undefined, sentTo: undefined }));
  return { ok: false, errors: joinErrors(errors, rest.ok ? undefined : rest.errors)! };
}

/** The filter form with the list, or with what is wrong with the filter. */
async function viewReferralList(deps: Deps, request: FastifyRequest, reply: FastifyReply, found?: FormErrors) {
  const outcome = await listOutcome(deps, request, found);
  const result = outcome.ok ? outcome.value : undefined;
  const scope = listScopeOf(request.principal);
  const { values } = readListQuery(request.query);
  const page = pageRequest((request.query as { page?: unknown }).page);
  const query = result ? filterQuery(result.filter) : {};
  return renderForm(
    reply,
    'pages/worklists/referrals.njk',
    scope.side === 'provider' ? 'All referrals to your organisation' : 'All referrals from your practice',
    {
      columnClass: 'nhsuk-grid-column-full',
      side: scope.side,
      values: values satisfies ListFormValues,
      statuses: statusItems(values.status),
      services: [
        { value: '', text: 'Any service' },
        ...(await serviceChoices(deps)).map((service) => ({
          value: service.code,
          text: service.name,
          selected: service.code === values.service,
        })),
      ],
      list: listTableModel(referralListColumns(scope), result?.rows ?? [], {
        caption: 'Referrals',
        csvHref: csvHrefOf(BASE, query),
        what: result?.total === 1 ? 'this referral' : `these ${result?.total ?? 0} referrals`,
      }),
      filtered: Object.keys(query).length > 0,
      showList: Boolean(result),
      pagination: paginationView(page, result?.total ?? 0, BASE, query),
    },
    outcome.ok ? undefined : outcome.errors,
  );
}

/** The filtered list as CSV, or the page with the filter's errors. */
async function downloadReferralList(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const { input, dateErrors } = readListQuery(request.query);
  if (dateErrors.length) return viewReferralList(deps, request, reply);
  const outcome = await attempt(() => referralListForDownload(deps, request.actionContext(), input));
  if (!outcome.ok) return viewReferralList(deps, request, reply, outcome.errors);
  const { scope, rows } = outcome.value;
  return sendListCsv(reply, datedFileName('referrals', deps.clock.today()), referralListColumns(scope), rows);
}

export function registerReferralListPages(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get(BASE, (request, reply) => viewReferralList(deps, request, reply), LIST_ROLES),
    get(`${BASE}.csv`, (request, reply) => downloadReferralList(deps, request, reply), LIST_ROLES),
  ]);
}
