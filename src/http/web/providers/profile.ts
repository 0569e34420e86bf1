/** The provider's profile page: its people read it, its provider administrators change it. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { PROVIDER_TYPE_LABELS, PROVIDER_TYPES } from '../../../domains/providers/provider-profile.rules.ts';
import { changeProfile, ownProfile } from '../../../domains/providers/provider-profile.service.ts';
import { field, type FormErrors, validationErrorsOf } from '../form.ts';
import { profileInputOf } from './profile-form.ts';

export const PROVIDER_PEOPLE = { config: { roles: ['provider-admin', 'provider-clinician'] as const } };
export const PROVIDER_ADMIN = { config: { roles: ['provider-admin'] as const } };

const FIELDS = ['name', 'providerType', 'companiesHouseNumber', 'charityNumber', 'email', 'phone', 'website', 'description'] as const;

export function registerProfilePages(app: FastifyInstance, deps: Deps): void {
  const render = async (request: FastifyRequest, reply: FastifyReply, body?: unknown, status = 200, errors?: FormErrors) => {
    const provider = await ownProfile(deps, request.actionContext());
    const values = body ? Object.fromEntries(FIELDS.map((name) => [name, field(body, name)])) : Object.fromEntries(FIELDS.map((name) => [name, provider[name] ?? '']));
    return reply.status(status).render('pages/providers/profile.njk', {
      pageTitle: `${errors ? 'Error: ' : ''}Your organisation’s profile`, provider, values, mayChange: request.principal?.role === 'provider-admin',
      providerTypeLabel: PROVIDER_TYPE_LABELS[provider.providerType], providerTypes: PROVIDER_TYPES.map((value) => ({ value, text: PROVIDER_TYPE_LABELS[value] })), ...errors,
    });
  };

  app.get('/provider/profile', PROVIDER_PEOPLE, async (request, reply) => render(request, reply));
  app.post('/provider/profile', PROVIDER_ADMIN, async (request, reply) => {
    try {
      await changeProfile(deps, request.actionContext(), profileInputOf(request.body));
      request.session.flash = 'Your profile has been saved.';
      return reply.redirect('/provider/profile', 303);
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      return render(request, reply, request.body, 400, errors);
    }
  });
}
