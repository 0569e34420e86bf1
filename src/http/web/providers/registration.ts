/** The public page where a provider organisation registers itself and its first provider administrator. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { MIN_PASSWORD_LENGTH } from '../../../domains/identity/password-policy.rules.ts';
import { PROVIDER_TYPE_LABELS, PROVIDER_TYPES } from '../../../domains/providers/provider-profile.rules.ts';
import { registerProvider } from '../../../domains/providers/provider-registration.service.ts';
import { attempt, field, type FormErrors, renderForm } from '../form.ts';
import { get, post, registerPages } from '../page-routes.ts';
import { profileInputOf } from './profile-form.ts';

/** Five registrations per address per ten minutes: plenty for a real organisation, too few for a flood of accounts. */
export const REGISTRATIONS_PER_TEN_MINUTES = 5;

const TEXT_FIELDS = [
  'name',
  'odsCode',
  'providerType',
  'companiesHouseNumber',
  'charityNumber',
  'email',
  'phone',
  'website',
  'adminDisplayName',
  'adminEmail',
];

/** The registration form, filled from what was just sent (never the passwords). */
function viewRegistration(reply: FastifyReply, body: unknown, errors?: FormErrors) {
  const values = Object.fromEntries(TEXT_FIELDS.map((name) => [name, field(body, name)]));
  const providerTypes = PROVIDER_TYPES.map((value) => ({ value, text: PROVIDER_TYPE_LABELS[value] }));
  return renderForm(
    reply,
    'pages/providers/register.njk',
    'Register your organisation as a provider',
    { values, providerTypes, minPasswordLength: MIN_PASSWORD_LENGTH },
    errors,
  );
}

/** Registers the organisation and its first administrator, or shows the form again with its errors. */
async function submitRegistration(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const body = request.body;
  const outcome = await attempt(() =>
    registerProvider(deps, request.actionContext(), {
      ...profileInputOf(body),
      odsCode: field(body, 'odsCode'),
      admin: { displayName: field(body, 'adminDisplayName'), email: field(body, 'adminEmail'), password: field(body, 'adminPassword') },
    }),
  );
  if (!outcome.ok) return viewRegistration(reply, body, outcome.errors);
  request.session.flash = 'Your organisation is registered. Sign in with the email address and password you chose.';
  return reply.redirect('/sign-in?returnTo=%2Fprovider%2Fprofile', 303);
}

export function registerRegistrationPage(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get('/providers/register', async (request, reply) => (request.principal ? reply.redirect('/', 303) : viewRegistration(reply, {}))),
    post('/providers/register', (request, reply) => submitRegistration(deps, request, reply), {
      config: { rateLimit: { max: REGISTRATIONS_PER_TEN_MINUTES, timeWindow: '10 minutes' } },
    }),
  ]);
}
