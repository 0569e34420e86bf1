/** National admins publish a new implementation pack version from the catalogue: edit it, preview what changes against the current version, then publish. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServiceRecord } from '../../../domains/catalogue/catalogue.repo.ts';
import { nationalServiceByCode, packVersionsOfService, publishPackVersion } from '../../../domains/catalogue/catalogue.service.ts';
import { packChanges } from '../../../domains/catalogue/pack-changes.rules.ts';
import type { Deps } from '../../../domains/deps.ts';
import { wordDiff } from '../../../lib/word-diff.ts';
import { field, type FormErrors, formErrors, renderForm } from '../form.ts';
import { memoisedFragment } from '../fragment-memo.ts';
import { attemptRefusable, type Failure, renderFailure } from '../form-outcome.ts';
import { get, post, registerPages } from '../page-routes.ts';
import { type PackFormValues, packFormValues, packFromForm } from './pack-form.ts';
import { packFormView } from './pack-form.presenter.ts';

const NATIONAL = { config: { roles: ['national-admin'] as const } };

interface PackDraft {
  code: string;
  basedOnVersion: number | null;
  changeNote: string;
  values: PackFormValues;
}

declare module '@fastify/session' {
  interface FastifySessionObject {
    /** The pack version a national admin is preparing, kept between the form, the preview and publishing. */
    packDraft?: PackDraft;
  }
}

function nationalService(deps: Deps, request: FastifyRequest): Promise<ServiceRecord> {
  return nationalServiceByCode(deps, (request.params as { code: string }).code);
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

/** The pack form, from the draft kept or posted; its fields are rendered once per draft and errors (the same pack version gives the same fields). */
function viewPackForm(reply: FastifyReply, service: ServiceRecord, draft: PackDraft, errors?: FormErrors) {
  const fields = { changeNote: draft.changeNote, ...packFormView(draft.values), fieldErrors: errors?.fieldErrors };
  return renderForm(
    reply,
    'pages/catalogue/pack-form.njk',
    `New pack version for ${service.name}`,
    {
      service,
      nextVersion: (service.currentPackVersion ?? 0) + 1,
      fieldsHtml: memoisedFragment(reply, 'pages/catalogue/pack-form-fields.njk', fields),
    },
    errors,
  );
}

/** The form for the next version: the draft being prepared, or the current version as the starting point. */
async function viewNewPack(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const service = await nationalService(deps, request);
  const kept = request.session.packDraft;
  if (kept?.code === service.code) return viewPackForm(reply, service, kept);
  const current = (await packVersionsOfService(deps, service.id))[0];
  return viewPackForm(reply, service, {
    code: service.code,
    basedOnVersion: service.currentPackVersion,
    changeNote: '',
    values: packFormValues(current?.content),
  });
}

/** Keeps the draft and goes on to the preview, or shows the form again with its errors. */
async function submitNewPack(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const service = await nationalService(deps, request);
  const changeNote = field(request.body, 'changeNote').trim();
  const draft: PackDraft = {
    code: service.code,
    basedOnVersion: service.currentPackVersion,
    changeNote,
    values: postedValues(request.body),
  };
  const { errors } = packFromForm(draft.values);
  const all = [
    ...(changeNote ? [] : [{ field: 'changeNote', message: 'Say what changed in this version' }]),
    ...(changeNote.length > 1000 ? [{ field: 'changeNote', message: 'What changed must be 1,000 characters or fewer' }] : []),
    ...errors,
  ];
  if (all.length) return viewPackForm(reply, service, draft, formErrors(all));
  request.session.packDraft = draft;
  return reply.redirect(`/catalogue/${service.code}/packs/preview`, 303);
}

/** What the draft changes against the current version, with the button to publish. */
async function viewPackPreview(deps: Deps, reply: FastifyReply, service: ServiceRecord, draft: PackDraft, failure?: Failure) {
  const current = (await packVersionsOfService(deps, service.id))[0];
  const changes = packChanges(current?.content, packFromForm(draft.values).content).map(changeView);
  return renderFailure(
    reply,
    'pages/catalogue/pack-preview.njk',
    `Check the changes to ${service.name}’s pack`,
    {
      service,
      current,
      changes,
      changeNote: draft.changeNote,
      nextVersion: (service.currentPackVersion ?? 0) + 1,
    },
    failure,
  );
}

/** The draft being prepared for this service, or a way back to its form when there is none. */
async function draftOf(deps: Deps, request: FastifyRequest) {
  const service = await nationalService(deps, request);
  const draft = request.session.packDraft;
  return { service, draft: draft?.code === service.code ? draft : undefined };
}

/** Publishes the draft; a version published since the preview shows the preview again against it, and bad content the form with its errors. */
async function submitPackPreview(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const { service, draft } = await draftOf(deps, request);
  if (!draft) return reply.redirect(`/catalogue/${service.code}/packs/new`, 303);
  const outcome = await attemptRefusable(['conflict'], 'publish', () =>
    publishPackVersion(deps, request.actionContext(), service.code, packFromForm(draft.values).content, draft.changeNote, {
      basedOnVersion: draft.basedOnVersion,
    }),
  );
  if (!outcome.ok && outcome.refusal) {
    const rebased = { ...draft, basedOnVersion: (outcome.refusal.details.currentVersion as number | null) ?? null };
    request.session.packDraft = rebased;
    return viewPackPreview(deps, reply, await nationalService(deps, request), rebased, outcome);
  }
  if (!outcome.ok) return viewPackForm(reply, service, draft, outcome.errors);
  request.session.packDraft = undefined;
  request.session.flash = `Version ${outcome.value.version} of the implementation pack has been published. Offers that adopted an earlier version keep it.`;
  return reply.redirect(`/catalogue/${service.code}`, 303);
}

export function registerPackPages(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get('/catalogue/:code/packs/new', (request, reply) => viewNewPack(deps, request, reply), NATIONAL),
    post('/catalogue/:code/packs/new', (request, reply) => submitNewPack(deps, request, reply), NATIONAL),
    get(
      '/catalogue/:code/packs/preview',
      async (request, reply) => {
        const { service, draft } = await draftOf(deps, request);
        return draft ? viewPackPreview(deps, reply, service, draft) : reply.redirect(`/catalogue/${service.code}/packs/new`, 303);
      },
      NATIONAL,
    ),
    post('/catalogue/:code/packs/preview', (request, reply) => submitPackPreview(deps, request, reply), NATIONAL),
  ]);
}
