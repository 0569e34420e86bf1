/** The provider's profile page: its people read it, its provider administrators change it. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { PROVIDER_TYPE_LABELS, PROVIDER_TYPES } from '../../../domains/providers/provider-profile.rules.ts';
import { changeProfile, ownProfile } from '../../../domains/providers/provider-profile.service.ts';
import { attempt, field, type FormErrors, renderForm } from '../form.ts';
import { get, post, registerPages } from '../page-routes.ts';
import { profileInputOf } from './profile-form.ts';

export const PROVIDER_PEOPLE = { config: { roles: ['provider-admin', 'provider-clinician'] as const } };
export const PROVIDER_ADMIN = { config: { roles: ['provider-admin'] as const } };

const FIELDS = ['name', 'providerType', 'companiesHouseNumber', 'charityNumber', 'email', 'phone', 'website', 'description'] as const;

/** The profile: read-only for clinicians, a form for administrators filled from the profile or from what was just sent. */
async function viewProfile(deps: Deps, request: FastifyRequest, reply: FastifyReply, body?: unknown, errors?: FormErrors) {
  const provider = await ownProfile(deps, request.actionContext());
  const values = body
    ? Object.fromEntries(FIELDS.map((name) => [name, field(body, name)]))
    : Object.fromEntries(FIELDS.map((name) => [name, provider[name] ?? '']));
  return renderForm(
    reply,
    'pages/providers/profile.njk',
    'Your organisation’s profile',
    {
      provider,
      values,
      mayChange: request.principal?.role === 'provider-admin',
      providerTypeLabel: PROVIDER_TYPE_LABELS[provider.providerType],
      providerTypes: PROVIDER_TYPES.map((value) => ({ value, text: PROVIDER_TYPE_LABELS[value] })),
    },
    errors,
  );
}

/** Saves the profile, or shows the form again with its errors. */
async function submitProfile(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const outcome = await attempt(() => changeProfile(deps, request.actionContext(), profileInputOf(request.body)));
  if (!outcome.ok) return viewProfile(deps, request, reply, request.body, outcome.errors);
  request.session.flash = 'Your profile has been saved.';
  return reply.redirect('/provider/profile', 303);
}

export function registerProfilePages(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get('/provider/profile', (request, reply) => viewProfile(deps, request, reply), PROVIDER_PEOPLE),
    post('/provider/profile', (request, reply) => submitProfile(deps, request, reply), PROVIDER_ADMIN),
  ]);
}
