/** National admins publish a new implementation pack version from the catalogue: edit it, preview what changes against the current version, then publish. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { findServiceByCode, packVersionsOf, type ServiceRecord } from '../../../domains/catalogue/catalogue.repo.ts';
import { publishPackVersion } from '../../../domains/catalogue/catalogue.service.ts';
import { packChanges } from '../../../domains/catalogue/pack-changes.rules.ts';
import type { Deps } from '../../../domains/deps.ts';
import { DomainError } from '../../../lib/errors.ts';
import { wordDiff } from '../../../lib/word-diff.ts';
import { field, type FormErrors, formErrors, validationErrorsOf } from '../form.ts';
import { type PackFormValues, packFormValues, packFromForm } from './pack-form.ts';
import { packFormView } from './pack-form.presenter.ts';

const NATIONAL = { config: { roles: ['national-admin'] as const } };

interface PackDraft { code: string; basedOnVersion: number | null; changeNote: string; values: PackFormValues }

declare module '@fastify/session' {
  interface FastifySessionObject {
    /** The pack version a national admin is preparing, kept between the form, the preview and publishing. */
    packDraft?: PackDraft;
  }
}

async function nationalService(deps: Deps, request: FastifyRequest): Promise<ServiceRecord> {
  const service = await findServiceByCode(deps.db, (request.params as { code: string }).code);
  if (!service || service.local) throw new DomainError('not-found', 'There is no such service on the national list');
  return service;
}

/** The posted form as values: repeated fields (the checkboxes) stay lists, everything else text. */
function postedValues(body: unknown): PackFormValues {
  const values: PackFormValues = {};
  for (const [name, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (name === '_csrf' || name === 'changeNote') continue;
    if (typeof value === 'string') values[name] = value;
    else if (Array.isArray(value)) values[name] = value.filter((item): item is string => typeof item === 'string');
  }
  for (const name of ['routes', 'priorities', 'sexes']) if (typeof values[name] === 'string') values[name] = [values[name] as string];
  return values;
}

/** Long text shows a word diff; short values show before and after. */
function changeView(change: ReturnType<typeof packChanges>[number]) {
  const long = (change.before?.length ?? 0) > 60 || (change.after?.length ?? 0) > 60;
  return { ...change, diff: change.kind === 'changed' && long ? wordDiff(change.before!, change.after!) : undefined };
}

export function registerPackPages(app: FastifyInstance, deps: Deps): void {
  const renderForm = async (reply: FastifyReply, service: ServiceRecord, draft: PackDraft, options: { status?: number; errors?: FormErrors } = {}) =>
    reply.status(options.status ?? 200).render('pages/catalogue/pack-form.njk', {
      pageTitle: `${options.errors ? 'Error: ' : ''}New pack version for ${service.name}`, service, changeNote: draft.changeNote, nextVersion: (service.currentPackVersion ?? 0) + 1,
      ...packFormView(draft.values), ...options.errors,
    });

  app.get('/catalogue/:code/packs/new', NATIONAL, async (request, reply) => {
    const service = await nationalService(deps, request);
    const kept = request.session.packDraft;
    if (kept?.code === service.code) return renderForm(reply, service, kept);
    const current = (await packVersionsOf(deps.db, service.id))[0];
    return renderForm(reply, service, { code: service.code, basedOnVersion: service.currentPackVersion, changeNote: '', values: packFormValues(current?.content) });
  });

  app.post('/catalogue/:code/packs/new', NATIONAL, async (request, reply) => {
    const service = await nationalService(deps, request);
    const changeNote = field(request.body, 'changeNote').trim();
    const draft: PackDraft = { code: service.code, basedOnVersion: service.currentPackVersion, changeNote, values: postedValues(request.body) };
    const { errors } = packFromForm(draft.values);
    const all = [...(changeNote ? [] : [{ field: 'changeNote', message: 'Say what changed in this version' }]), ...(changeNote.length > 1000 ? [{ field: 'changeNote', message: 'What changed must be 1,000 characters or fewer' }] : []), ...errors];
    if (all.length) return renderForm(reply, service, draft, { status: 400, errors: formErrors(all) });
    request.session.packDraft = draft;
    return reply.redirect(`/catalogue/${service.code}/packs/preview`, 303);
  });

  const renderPreview = async (reply: FastifyReply, service: ServiceRecord, draft: PackDraft, options: { status?: number; errors?: FormErrors } = {}) => {
    const current = (await packVersionsOf(deps.db, service.id))[0];
    const changes = packChanges(current?.content, packFromForm(draft.values).content).map(changeView);
    return reply.status(options.status ?? 200).render('pages/catalogue/pack-preview.njk', {
      pageTitle: `${options.errors ? 'Error: ' : ''}Check the changes to ${service.name}’s pack`, service, current, changes, changeNote: draft.changeNote, nextVersion: (service.currentPackVersion ?? 0) + 1, ...options.errors,
    });
  };

  app.get('/catalogue/:code/packs/preview', NATIONAL, async (request, reply) => {
    const service = await nationalService(deps, request);
    const draft = request.session.packDraft;
    if (draft?.code !== service.code) return reply.redirect(`/catalogue/${service.code}/packs/new`, 303);
    return renderPreview(reply, service, draft);
  });

  app.post('/catalogue/:code/packs/preview', NATIONAL, async (request, reply) => {
    const service = await nationalService(deps, request);
    const draft = request.session.packDraft;
    if (draft?.code !== service.code) return reply.redirect(`/catalogue/${service.code}/packs/new`, 303);
    try {
      const { version } = await publishPackVersion(deps, request.actionContext(), service.code, packFromForm(draft.values).content, draft.changeNote, { basedOnVersion: draft.basedOnVersion });
      request.session.packDraft = undefined;
      request.session.flash = `Version ${version} of the implementation pack has been published. Offers that adopted an earlier version keep it.`;
      return reply.redirect(`/catalogue/${service.code}`, 303);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'conflict') {
        const rebased = { ...draft, basedOnVersion: (error.details.currentVersion as number | null) ?? null };
        request.session.packDraft = rebased;
        return renderPreview(reply, await nationalService(deps, request), rebased, { status: 409, errors: formErrors([{ field: 'publish', message: error.message }]) });
      }
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      return renderForm(reply, service, draft, { status: 400, errors });
    }
  });
}
