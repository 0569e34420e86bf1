/** The provider's activity pages (issue #14 item 2; decision 0046): a month of its lines, the CSV template, and uploading a CSV file. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { datedFileName, everyPage, sendCsv, sendListCsv } from '../csv-reply.ts';
import { csvHrefOf, listTableModel } from '../list-table.ts';
import type { Deps } from '../../../domains/deps.ts';
import { activityCsvTemplate, MAX_FILE_BYTES, MAX_FILE_LINES } from '../../../domains/payments/activity-csv-format.rules.ts';
import { FILE_FIELD, submitActivityFile } from '../../../domains/payments/activity-file.service.ts';
import { providerActivityMonth } from '../../../domains/payments/activity-month.service.ts';
import { describeSize } from '../../../domains/providers/document-type.rules.ts';
import { attempt, type FormErrors, renderForm } from '../form.ts';
import { get, post, registerPages } from '../page-routes.ts';
import { pageRequest, paginationView } from '../pagination.ts';
import { registerUploads, uploadedFileOf } from '../providers/multipart-upload.ts';
import {
  guidance,
  MONTH_COLUMNS,
  monthLabel,
  REPORT_HEAD,
  reportCounts,
  reportHref,
  reportRows,
  totalsRows,
} from './activity.presenter.ts';

const BASE = '/payments/activity';
const UPLOAD = `${BASE}/upload`;
const PROVIDER_ROLES = ['provider-admin', 'provider-clinician'] as const;
const PROVIDERS = { config: { roles: PROVIDER_ROLES } };

/** A month of the provider's lines, with the month's totals and the financial year's to date. */
async function viewActivity(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const query = request.query as { month?: string; page?: string };
  const page = pageRequest(query.page);
  const month = typeof query.month === 'string' ? query.month : undefined;
  const activity = await providerActivityMonth(deps, request.actionContext(), month, page);
  return reply.render('pages/payments/activity.njk', {
    pageTitle: `Activity in ${monthLabel(activity.month)}`,
    columnClass: 'nhsuk-grid-column-full',
    activity,
    label: monthLabel(activity.month),
    previous: { href: `${BASE}?month=${activity.previousMonth}`, text: monthLabel(activity.previousMonth) },
    next: activity.nextMonth ? { href: `${BASE}?month=${activity.nextMonth}`, text: monthLabel(activity.nextMonth) } : undefined,
    lines: listTableModel(MONTH_COLUMNS, activity.page.lines, {
      caption: `Activity lines in ${monthLabel(activity.month)}`,
      csvHref: csvHrefOf(BASE, { month: activity.month }),
      what: `all lines in ${monthLabel(activity.month)}`,
    }),
    monthTotals: totalsRows(activity.monthTotals, 'Price of accepted lines'),
    yearTotals: totalsRows(activity.financialYear.totals, 'Income to date'),
    pagination: paginationView(page, activity.page.total, BASE, { month: activity.month }),
  });
}

/** Every line of the month as CSV, read and audited a batch at a time as the page reads its page. */
async function downloadActivity(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const month = (request.query as { month?: unknown }).month;
  const read = (page: { limit: number; offset: number }) =>
    providerActivityMonth(deps, request.actionContext(), typeof month === 'string' ? month : undefined, page);
  const batches = everyPage(async (page) => {
    const activity = await read(page);
    return { rows: activity.page.lines, total: activity.page.total };
  });
  return sendListCsv(reply, datedFileName('activity-lines', deps.clock.today()), MONTH_COLUMNS, batches);
}

/** The upload form, with the file's errors when it was refused. */
function viewUpload(reply: FastifyReply, errors?: FormErrors) {
  return renderForm(
    reply,
    'pages/payments/activity-upload.njk',
    'Upload activity lines',
    { maxLines: MAX_FILE_LINES.toLocaleString('en-GB'), maxSize: describeSize(MAX_FILE_BYTES), guidance: guidance() },
    errors,
  );
}

/** Records the uploaded file and shows its report, or the form again with the file's error next to the field. */
async function submitUpload(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const file = uploadedFileOf(request.body, FILE_FIELD);
  const outcome = await attempt(() => submitActivityFile(deps, request.actionContext(), file, true));
  if (!outcome.ok) return viewUpload(reply, outcome.errors);
  const report = outcome.value;
  return reply.render('pages/payments/activity-upload-result.njk', {
    pageTitle: 'Activity file received',
    report,
    counts: reportCounts(report),
    head: REPORT_HEAD,
    rows: reportRows(report),
    reportHref: reportHref(report),
  });
}

/** The template: headings and one example row, with a UTF-8 byte order mark so spreadsheets read it as UTF-8. */
async function downloadTemplate(reply: FastifyReply) {
  return sendCsv(reply, 'activity-lines-template.csv', activityCsvTemplate());
}

export function registerActivityPages(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get(BASE, (request, reply) => viewActivity(deps, request, reply), PROVIDERS),
    get(`${BASE}.csv`, (request, reply) => downloadActivity(deps, request, reply), PROVIDERS),
    get(`${BASE}/template.csv`, (_request, reply) => downloadTemplate(reply), PROVIDERS),
    get(UPLOAD, async (_request, reply) => viewUpload(reply), PROVIDERS),
  ]);
  // The upload is multipart, so its route lives in a scope with the multipart parser, checking the CSRF token itself.
  app.register(async (scope) => {
    await registerUploads(scope, MAX_FILE_BYTES);
    registerPages(scope, [
      post(UPLOAD, (request, reply) => submitUpload(deps, request, reply), {
        config: { roles: PROVIDER_ROLES, csrf: false },
        preHandler: scope.csrfProtection,
      }),
    ]);
  });
}
