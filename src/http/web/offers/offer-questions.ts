/** The offer's questions for applicants: its commissioner adds, edits and removes up to 20 until the offer opens; anyone who can see the offer reads them. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { OfferQuestion } from '../../../domains/offers/offer-questions.repo.ts';
import type { Deps } from '../../../domains/deps.ts';
import { mayManage } from '../../../domains/offers/offer-access.ts';
import {
  MAX_QUESTIONS,
  offerQuestions,
  QUESTION_EDITABLE_STATUSES,
  setOfferQuestions,
} from '../../../domains/offers/offer-questions.service.ts';
import { offerAsSeenBy, type OfferRecord } from '../../../domains/offers/offer-view.service.ts';
import { field, type FormErrors, titleOf } from '../form.ts';
import { attemptRefusable } from '../form-outcome.ts';
import { get, post, registerPages } from '../page-routes.ts';
import { COMMISSIONER, offerForEditing } from './offer-page.ts';

/** Blank rows for new questions, since the page works without JavaScript. */
const BLANK_ROWS = 3;

interface Row extends OfferQuestion {
  row: number;
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || 'question'
  );
}

/** Reads the posted rows, dropping blank and removed ones; a new question's id comes from its text. */
export function questionRowsFromForm(body: unknown): Row[] {
  const rows: Row[] = [];
  const used = new Set<string>();
  for (let row = 0; row < MAX_QUESTIONS + BLANK_ROWS + 10; row += 1) {
    if ((body as Record<string, unknown>)[`question-${row}-text`] === undefined) break;
    const text = field(body, `question-${row}-text`).trim();
    const guidance = field(body, `question-${row}-guidance`).trim();
    if (field(body, `question-${row}-remove`) === 'yes' || (!text && !guidance)) continue;
    let id = field(body, `question-${row}-id`).trim() || slug(text);
    for (let n = 2; used.has(id); n += 1) id = `${slug(text)}-${n}`;
    used.add(id);
    rows.push({ row, id, text, ...(guidance ? { guidance } : {}) });
  }
  return rows;
}

/** The questions page: editable rows plus blank ones for its commissioner while the offer allows changes, read-only otherwise. */
function viewOfferQuestions(
  reply: FastifyReply,
  offer: OfferRecord,
  options: { editable: boolean; rows: Row[]; status?: number; errors?: FormErrors },
) {
  const blank = options.editable ? Math.min(BLANK_ROWS, MAX_QUESTIONS - options.rows.length) : 0;
  const start = options.rows.length ? Math.max(...options.rows.map((row) => row.row)) + 1 : 0;
  return reply.status(options.status ?? (options.errors ? 400 : 200)).render('pages/offers/questions.njk', {
    pageTitle: titleOf('Questions for applicants', options.errors),
    offer,
    editable: options.editable,
    maxQuestions: MAX_QUESTIONS,
    ...options.errors,
    rows: [...options.rows, ...Array.from({ length: Math.max(0, blank) }, (_, n) => ({ row: start + n, id: '', text: '', guidance: '' }))],
  });
}

/** The offer's questions, editable by its commissioner until the offer opens. */
async function showOfferQuestions(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const context = request.actionContext();
  const offer = await offerAsSeenBy(deps, context.principal, (request.params as { id: string }).id);
  const questions = await offerQuestions(deps, context, offer.id);
  const editable = mayManage(context.principal, offer) && QUESTION_EDITABLE_STATUSES.includes(offer.status);
  return viewOfferQuestions(reply, offer, { editable, rows: questions.map((question, row) => ({ ...question, row })) });
}

/** Errors named by position in the saved list, renamed to the form row they came from (blank rows are dropped before saving). */
function errorsByFormRow(errors: FormErrors, rows: Row[]): FormErrors {
  const errorList = errors.errorList.map((item) => ({
    ...item,
    href: item.href
      .replace(/^#question-(\d+)-/, (_, index: string) => `#question-${rows[Number(index)]?.row ?? index}-`)
      .replace(/-id$/, '-text'),
  }));
  const fieldErrors = Object.fromEntries(
    Object.entries(errors.fieldErrors).map(([name, message]) => [
      name.replace(/^question-(\d+)-/, (_, index: string) => `question-${rows[Number(index)]?.row ?? index}-`),
      message,
    ]),
  );
  return { errorList, fieldErrors };
}

/** Saves the questions, or shows them again with their errors; an offer already open refuses the change (409). */
async function submitOfferQuestions(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const offer = await offerForEditing(deps, request);
  const rows = questionRowsFromForm(request.body);
  const outcome = await attemptRefusable(['invalid-transition'], 'questions', () =>
    setOfferQuestions(
      deps,
      request.actionContext(),
      offer.id,
      rows.map(({ id, text, guidance }) => ({ id, text, ...(guidance ? { guidance } : {}) })),
    ),
  );
  if (!outcome.ok)
    return viewOfferQuestions(reply, offer, {
      editable: outcome.status !== 409,
      rows,
      status: outcome.status,
      errors: errorsByFormRow(outcome.errors, rows),
    });
  request.session.flash = `The offer now asks applicants ${rows.length} question${rows.length === 1 ? '' : 's'} of its own.`;
  return reply.redirect(`/offers/${offer.id}/questions`, 303);
}

export function registerOfferQuestionsPage(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get('/offers/:id/questions', (request, reply) => showOfferQuestions(deps, request, reply)),
    post('/offers/:id/questions', (request, reply) => submitOfferQuestions(deps, request, reply), COMMISSIONER),
  ]);
}
