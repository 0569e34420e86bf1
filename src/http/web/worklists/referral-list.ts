/** The full referral list pages (issue #12 item 10): every referral of the organisation, open and closed, filtered, searched, paged and downloaded as CSV. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { referralListCsv } from '../../../domains/referrals/referral-list.csv.ts';
import { checkReferralListFilter, filterQuery } from '../../../domains/referrals/referral-list.rules.ts';
import { listScopeOf, referralList, referralListForDownload, serviceChoices } from '../../../domains/referrals/referral-list.service.ts';
import { DomainError, type FieldError } from '../../../lib/errors.ts';
import { formErrors } from '../form.ts';
import { pageRequest, paginationView } from '../pagination.ts';
import { listHead, type ListFormValues, listRowCells, readListQuery, statusItems } from './referral-list.presenter.ts';

const LIST_ROLES = { config: { roles: ['provider-admin', 'provider-clinician', 'referrer'] as const } };
const BASE = '/worklists/referrals';

const fieldErrorsOf = (error: unknown): FieldError[] => {
  if (error instanceof DomainError && error.code === 'validation-failed' && error.details.fieldErrors) return error.details.fieldErrors;
  throw error;
};

/** The summary links of the date boxes go to the day box, which can take focus. */
const withDateLinks = (errors: FieldError[]) => {
  const found = formErrors(errors);
  return { ...found, errorList: found.errorList.map((item) => (['#sentFrom', '#sentTo'].includes(item.href) ? { ...item, href: `${item.href}-day` } : item)) };
};

async function renderList(deps: Deps, request: FastifyRequest, reply: FastifyReply, extraErrors: FieldError[] = []) {
  const scope = listScopeOf(request.principal);
  const { values, input, dateErrors } = readListQuery(request.query);
  const page = pageRequest((request.query as { page?: unknown }).page);
  let errors = [...dateErrors, ...extraErrors];
  let result;
  try {
    if (errors.length) checkReferralListFilter({ ...input, sentFrom: undefined, sentTo: undefined });
    else result = await referralList(deps, request.actionContext(), input, page);
  } catch (error) {
    errors = [...errors, ...fieldErrorsOf(error)];
  }
  const query = result ? filterQuery(result.filter) : {};
  return reply.status(errors.length ? 400 : 200).render('pages/worklists/referrals.njk', {
    pageTitle: `${errors.length ? 'Error: ' : ''}${scope.side === 'provider' ? 'All referrals to your organisation' : 'All referrals from your practice'}`,
    columnClass: 'nhsuk-grid-column-full', side: scope.side, values: values satisfies ListFormValues, statuses: statusItems(values.status),
    services: [{ value: '', text: 'Any service' }, ...(await serviceChoices(deps)).map((service) => ({ value: service.code, text: service.name, selected: service.code === values.service }))],
    head: listHead(scope), rows: result ? result.rows.map((row) => listRowCells(scope, row)) : [], total: result?.total ?? 0, filtered: Object.keys(query).length > 0,
    csvHref: `${BASE}.csv${Object.keys(query).length ? `?${new URLSearchParams(query).toString()}` : ''}`, showList: Boolean(result),
    pagination: paginationView(page, result?.total ?? 0, BASE, query), ...(errors.length ? withDateLinks(errors) : {}),
  });
}

export function registerReferralListPages(app: FastifyInstance, deps: Deps): void {
  app.get(BASE, LIST_ROLES, async (request, reply) => renderList(deps, request, reply));

  app.get(`${BASE}.csv`, LIST_ROLES, async (request, reply) => {
    const { input, dateErrors } = readListQuery(request.query);
    if (dateErrors.length) return renderList(deps, request, reply);
    try {
      const { scope, rows } = await referralListForDownload(deps, request.actionContext(), input);
      return reply.header('content-type', 'text/csv; charset=utf-8; header=present').header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="referrals-${deps.clock.today()}.csv"`).send(referralListCsv(scope, rows));
    } catch (error) {
      return renderList(deps, request, reply, fieldErrorsOf(error));
    }
  });
}
