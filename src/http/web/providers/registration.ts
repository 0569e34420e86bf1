/** The public page where a provider organisation registers itself and its first provider administrator. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { MIN_PASSWORD_LENGTH } from '../../../domains/identity/password-policy.rules.ts';
import { PROVIDER_TYPE_LABELS, PROVIDER_TYPES } from '../../../domains/providers/provider-profile.rules.ts';
import { registerProvider } from '../../../domains/providers/provider-registration.service.ts';
import { field, type FormErrors, validationErrorsOf } from '../form.ts';
import { profileInputOf } from './profile-form.ts';

/** Five registrations per address per ten minutes: plenty for a real organisation, too few for a flood of accounts. */
export const REGISTRATIONS_PER_TEN_MINUTES = 5;

const TEXT_FIELDS = ['name', 'odsCode', 'providerType', 'companiesHouseNumber', 'charityNumber', 'email', 'phone', 'website', 'adminDisplayName', 'adminEmail'];

export function registerRegistrationPage(app: FastifyInstance, deps: Deps): void {
  const render = (reply: FastifyReply, body: unknown, status = 200, errors?: FormErrors) => {
    const values = Object.fromEntries(TEXT_FIELDS.map((name) => [name, field(body, name)]));
    const providerTypes = PROVIDER_TYPES.map((value) => ({ value, text: PROVIDER_TYPE_LABELS[value] }));
    return reply.status(status).render('pages/providers/register.njk', { pageTitle: `${errors ? 'Error: ' : ''}Register your organisation as a provider`, values, providerTypes, minPasswordLength: MIN_PASSWORD_LENGTH, ...errors });
  };

  app.get('/providers/register', async (request, reply) => {
    if (request.principal) return reply.redirect('/', 303);
    return render(reply, {});
  });

  app.post('/providers/register', { config: { rateLimit: { max: REGISTRATIONS_PER_TEN_MINUTES, timeWindow: '10 minutes' } } }, async (request, reply) => {
    const body = request.body;
    try {
      await registerProvider(deps, request.actionContext(), {
        ...profileInputOf(body), odsCode: field(body, 'odsCode'),
        admin: { displayName: field(body, 'adminDisplayName'), email: field(body, 'adminEmail'), password: field(body, 'adminPassword') },
      });
      request.session.flash = 'Your organisation is registered. Sign in with the email address and password you chose.';
      return reply.redirect('/sign-in?returnTo=%2Fprovider%2Fprofile', 303);
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      return render(reply, body, 400, errors);
    }
  });
}
