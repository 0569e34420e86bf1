/** The offer's questions for applicants: its commissioner adds, edits and removes up to 20 until the offer opens; anyone who can see the offer reads them. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { OfferQuestion } from '../../../domains/offers/offer-questions.repo.ts';
import type { Deps } from '../../../domains/deps.ts';
import { mayManage } from '../../../domains/offers/offer-access.ts';
import { MAX_QUESTIONS, offerQuestions, QUESTION_EDITABLE_STATUSES, setOfferQuestions } from '../../../domains/offers/offer-questions.service.ts';
import { offerAsSeenBy, type OfferRecord } from '../../../domains/offers/offer-view.service.ts';
import { DomainError } from '../../../lib/errors.ts';
import { field, type FormErrors, formErrors, validationErrorsOf } from '../form.ts';
import { COMMISSIONER, offerForEditing } from './offer-page.ts';

/** Blank rows for new questions, since the page works without JavaScript. */
const BLANK_ROWS = 3;

interface Row extends OfferQuestion {
  row: number;
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40).replace(/-+$/, '') || 'question';
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

export function registerOfferQuestionsPage(app: FastifyInstance, deps: Deps): void {
  const render = (reply: FastifyReply, offer: OfferRecord, options: { editable: boolean; rows: Row[]; status?: number; errors?: FormErrors }) => {
    const blank = options.editable ? Math.min(BLANK_ROWS, MAX_QUESTIONS - options.rows.length) : 0;
    const start = options.rows.length ? Math.max(...options.rows.map((row) => row.row)) + 1 : 0;
    return reply.status(options.status ?? 200).render('pages/offers/questions.njk', {
      pageTitle: `${options.errors ? 'Error: ' : ''}Questions for applicants`, offer, editable: options.editable, maxQuestions: MAX_QUESTIONS, ...options.errors,
      rows: [...options.rows, ...Array.from({ length: Math.max(0, blank) }, (_, n) => ({ row: start + n, id: '', text: '', guidance: '' }))],
    });
  };

  app.get('/offers/:id/questions', async (request, reply) => {
    const context = request.actionContext();
    const offer = await offerAsSeenBy(deps, context.principal, (request.params as { id: string }).id);
    const questions = await offerQuestions(deps, context, offer.id);
    const editable = mayManage(context.principal, offer) && QUESTION_EDITABLE_STATUSES.includes(offer.status);
    return render(reply, offer, { editable, rows: questions.map((question, row) => ({ ...question, row })) });
  });

  app.post('/offers/:id/questions', COMMISSIONER, async (request, reply) => {
    const offer = await offerForEditing(deps, request);
    const rows = questionRowsFromForm(request.body);
    try {
      await setOfferQuestions(deps, request.actionContext(), offer.id, rows.map(({ id, text, guidance }) => ({ id, text, ...(guidance ? { guidance } : {}) })));
    } catch (error) {
      if (error instanceof DomainError && error.code === 'invalid-transition') return render(reply, offer, { editable: false, rows, status: 409, errors: formErrors([{ field: 'questions', message: error.message }]) });
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      const byRow = errors.errorList.map((item) => ({ ...item, href: item.href.replace(/^#question-(\d+)-/, (_, index: string) => `#question-${rows[Number(index)]?.row ?? index}-`).replace(/-id$/, '-text') }));
      const fieldErrors = Object.fromEntries(Object.entries(errors.fieldErrors).map(([name, message]) => [name.replace(/^question-(\d+)-/, (_, index: string) => `question-${rows[Number(index)]?.row ?? index}-`), message]));
      return render(reply, offer, { editable: true, rows, status: 400, errors: { errorList: byRow, fieldErrors } });
    }
    request.session.flash = `The offer now asks applicants ${rows.length} question${rows.length === 1 ? '' : 's'} of its own.`;
    return reply.redirect(`/offers/${offer.id}/questions`, 303);
  });
}
