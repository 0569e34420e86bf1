/** The patient feedback page for providers and commissioners (issue #15 item 5; decision 0054): the published figures per offer and provider, and the comments with their dates only, which download as CSV (decision 0067). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import type { FeedbackComment } from '../../../domains/provider-quality/feedback.repo.ts';
import { FFT_ANSWERS, FFT_MINIMUM_RESPONSES } from '../../../domains/provider-quality/feedback.rules.ts';
import {
  FEEDBACK_READERS,
  type FeedbackReport,
  feedbackCommentsDownloaded,
  feedbackReport,
} from '../../../domains/provider-quality/feedback.service.ts';
import { datedFileName, everyPage, sendListCsv } from '../csv-reply.ts';
import { formatDate } from '../format.ts';
import { type ListColumns, listTableModel } from '../list-table.ts';
import { get, registerPages } from '../page-routes.ts';
import { pageRequest, paginationView } from '../pagination.ts';

/** The comments as the page and its CSV both show them: when, the answer, where, and what the patient wrote. */
export const FEEDBACK_COMMENT_COLUMNS: ListColumns<FeedbackComment> = [
  { heading: 'Answered on', cell: (comment) => formatDate(comment.answeredOn) },
  { heading: 'Answer', cell: (comment) => FFT_ANSWERS[comment.answer] },
  { heading: 'Offer', cell: (comment) => comment.offerTitle },
  { heading: 'Provider', cell: (comment) => comment.providerName },
  { heading: 'Comment', cell: (comment) => comment.comment },
];

/** The page's rows and comments in words: suppressed figures say why, comments carry their date, service and answer only. */
export function feedbackPageModel(report: FeedbackReport) {
  return {
    since: formatDate(report.since),
    minimum: FFT_MINIMUM_RESPONSES,
    rows: report.rows.map((row) => ({
      offerTitle: row.offerTitle,
      providerName: row.providerName,
      responses: row.summary.responses,
      positive: row.summary.published ? `${row.summary.positivePercent}%` : 'Not published',
      negative: row.summary.published ? `${row.summary.negativePercent}%` : 'Not published',
    })),
    comments: listTableModel(FEEDBACK_COMMENT_COLUMNS, report.comments, {
      caption: 'Comments',
      csvHref: '/quality/feedback.csv',
      what: 'all these comments',
    }),
  };
}

async function viewFeedback(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const page = pageRequest((request.query as { page?: string }).page);
  const report = await feedbackReport(deps, request.actionContext(), { limit: page.limit, offset: page.offset });
  return reply.render('pages/quality/feedback.njk', {
    pageTitle: 'Patient feedback',
    ...feedbackPageModel(report),
    pagination: paginationView(page, report.totalComments, '/quality/feedback'),
  });
}

/** Every comment the page pages through, as CSV: each batch read and audited as downloaded. */
async function downloadComments(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const context = request.actionContext();
  const batches = everyPage((page) => feedbackCommentsDownloaded(deps, context, page));
  return sendListCsv(reply, datedFileName('feedback-comments', deps.clock.today()), FEEDBACK_COMMENT_COLUMNS, batches);
}

export function registerFeedbackPages(app: FastifyInstance, deps: Deps): void {
  const readers = { config: { roles: FEEDBACK_READERS } };
  registerPages(app, [
    get('/quality/feedback', (request, reply) => viewFeedback(deps, request, reply), readers),
    get('/quality/feedback.csv', (request, reply) => downloadComments(deps, request, reply), readers),
  ]);
}
