/** The budget CSV import page: upload plans for the user's own commissioner, all saved or none, with problems by line number (decision 0048). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { BUDGET_CSV_COLUMNS, MAX_BUDGET_ROWS } from '../../../domains/budgets/budget-csv.rules.ts';
import { importBudgetCsv } from '../../../domains/budgets/budget-import.service.ts';
import type { Deps } from '../../../domains/deps.ts';
import { attempt, type FormErrors, renderForm } from '../form.ts';
import { get, post, registerPages } from '../page-routes.ts';
import { registerUploads, uploadedFileOf } from '../providers/multipart-upload.ts';

const ROLES = ['commissioner', 'commissioner-finance'] as const;

function viewImport(reply: FastifyReply, errors?: FormErrors) {
  return renderForm(
    reply,
    'pages/budgets/import.njk',
    'Import budget plans',
    { columns: BUDGET_CSV_COLUMNS.join(', '), maxRows: MAX_BUDGET_ROWS },
    errors,
  );
}

async function submitImport(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const outcome = await attempt(() => importBudgetCsv(deps, request.actionContext(), uploadedFileOf(request.body, 'file')));
  if (!outcome.ok) return viewImport(reply, outcome.errors);
  request.session.flash = `${outcome.value.saved} budget plans imported. A plan that already existed keeps its earlier versions.`;
  return reply.redirect('/payments/budgets', 303);
}

export function registerBudgetImport(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [get('/payments/budgets/import', async (_request, reply) => viewImport(reply), { config: { roles: ROLES } })]);
  app.register(async (scope) => {
    await registerUploads(scope);
    registerPages(scope, [
      post('/payments/budgets/import', (request, reply) => submitImport(deps, request, reply), {
        config: { roles: ROLES, csrf: false },
        preHandler: scope.csrfProtection,
      }),
    ]);
  });
}
