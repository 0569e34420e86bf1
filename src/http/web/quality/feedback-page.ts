/** The patient feedback page for providers and commissioners (issue #15 item 5; decision 0054): the published figures per offer and provider, and the comments with their dates only. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { FFT_ANSWERS, FFT_MINIMUM_RESPONSES } from '../../../domains/provider-quality/feedback.rules.ts';
import { FEEDBACK_READERS, type FeedbackReport, feedbackReport } from '../../../domains/provider-quality/feedback.service.ts';
import { formatDate } from '../format.ts';
import { get, registerPages } from '../page-routes.ts';
import { pageRequest, paginationView } from '../pagination.ts';

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
    comments: report.comments.map((comment) => ({
      ...comment,
      answeredOn: formatDate(comment.answeredOn),
      answer: FFT_ANSWERS[comment.answer],
    })),
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

export function registerFeedbackPages(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get('/quality/feedback', (request, reply) => viewFeedback(deps, request, reply), { config: { roles: FEEDBACK_READERS } }),
  ]);
}
