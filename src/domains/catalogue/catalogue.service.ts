/** National admins keep the catalogue: add and edit services, publish new pack versions (older versions never change). */
import { DomainError, type FieldError, validationFailed } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext } from '../identity/principal.ts';
import {
  findServiceByCode,
  insertPackVersion,
  insertService,
  listServices,
  nameTaken,
  packVersionsOf,
  type ServiceFields,
  type ServiceRecord,
  updateServiceFields,
} from './catalogue.repo.ts';
import { validatePack } from './implementation-pack.schema.ts';

export const PHASES: Record<string, string> = {
  '2012-13-priority': '2012/13 national priority',
  '2013-14-candidate': '2013/14 candidate',
  'wider-list': 'Wider list',
};

const CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export interface ServiceInput {
  code?: string;
  name: string;
  category: string;
  phase: string;
  definition: string;
  nationalEligibility?: string;
  sourceUrl?: string;
}

function clean(input: ServiceInput): ServiceFields {
  const optional = (value: string | undefined) => (value?.trim() ? value.trim() : null);
  return {
    code: (input.code ?? '').trim(),
    name: input.name.trim(),
    category: input.category.trim(),
    phase: input.phase,
    definition: input.definition.trim(),
    nationalEligibility: optional(input.nationalEligibility),
    sourceUrl: optional(input.sourceUrl),
  };
}

/** Field errors for a service, in the order the form shows the fields. */
export function serviceFieldErrors(fields: ServiceFields, options: { checkCode: boolean }): FieldError[] {
  const errors: FieldError[] = [];
  if (!fields.name) errors.push({ field: 'name', message: 'Enter the service name' });
  else if (fields.name.length > 120) errors.push({ field: 'name', message: 'Service name must be 120 characters or fewer' });
  if (options.checkCode && !CODE.test(fields.code))
    errors.push({ field: 'code', message: 'Enter a code of lower-case letters, numbers and hyphens, like adult-hearing' });
  if (!fields.category) errors.push({ field: 'category', message: 'Enter a category, like Audiology' });
  if (!(fields.phase in PHASES)) errors.push({ field: 'phase', message: 'Select the phase the service belongs to' });
  if (!fields.definition) errors.push({ field: 'definition', message: 'Enter the national definition of the service' });
  if (fields.sourceUrl && !/^https?:\/\/[^\s"'<>]+$/.test(fields.sourceUrl))
    errors.push({ field: 'sourceUrl', message: 'Enter the source as a web address starting with http:// or https://' });
  return errors;
}

/** National administrators keep the national list; a local service is kept by the commissioner that owns it (docs/decisions/0028-local-service-offers.md). */
function nationalServiceOrRefuse(service: ServiceRecord | undefined, code: string): ServiceRecord {
  if (!service) throw new DomainError('not-found', `There is no service with the code ${code}`);
  if (service.local)
    throw new DomainError(
      'forbidden',
      `${service.name} is a local service of ${service.local.owner.name}: only its commissioners change it`,
    );
  return service;
}

export async function createService(deps: Deps, context: ActionContext, input: ServiceInput): Promise<{ code: string }> {
  const fields = clean(input);
  const errors = serviceFieldErrors(fields, { checkCode: true });
  if (errors.length) throw validationFailed(errors);
  return deps.db.transaction().execute(async (trx) => {
    if (await findServiceByCode(trx, fields.code))
      throw validationFailed([{ field: 'code', message: `A service with the code ${fields.code} already exists` }]);
    if (await nameTaken(trx, fields.name)) throw validationFailed([{ field: 'name', message: 'A service with this name already exists' }]);
    const id = await insertService(trx, fields);
    await recordAudit(trx, context, { action: 'service.create', entityType: 'service', entityId: id, details: { code: fields.code } });
    return { code: fields.code };
  });
}

export async function updateService(deps: Deps, context: ActionContext, code: string, input: ServiceInput): Promise<void> {
  const fields = clean({ ...input, code });
  const errors = serviceFieldErrors(fields, { checkCode: false });
  if (errors.length) throw validationFailed(errors);
  await deps.db.transaction().execute(async (trx) => {
    const service = nationalServiceOrRefuse(await findServiceByCode(trx, code), code);
    if (await nameTaken(trx, fields.name, service.id))
      throw validationFailed([{ field: 'name', message: 'A service with this name already exists' }]);
    await updateServiceFields(trx, service.id, fields, deps.clock.now());
    await recordAudit(trx, context, { action: 'service.update', entityType: 'service', entityId: service.id, details: { code } });
  });
}

/** Publishes the next version of a service's pack; offers that adopted an older version keep it unchanged. `basedOnVersion` (the version a person previewed against) refuses to publish over a version published since. */
export async function publishPackVersion(
  deps: Deps,
  context: ActionContext,
  code: string,
  content: unknown,
  changeNote: string,
  options: { basedOnVersion?: number | null } = {},
): Promise<{ version: number }> {
  const pack = validatePack(content);
  if (!changeNote.trim()) throw validationFailed([{ field: 'changeNote', message: 'Say what changed in this version' }]);
  return deps.db.transaction().execute(async (trx) => {
    const service = nationalServiceOrRefuse(await findServiceByCode(trx, code), code);
    if (options.basedOnVersion !== undefined && options.basedOnVersion !== service.currentPackVersion) {
      throw new DomainError(
        'conflict',
        `Version ${service.currentPackVersion ?? 0} of this pack was published after you began: check the changes against it before publishing`,
        { currentVersion: service.currentPackVersion },
      );
    }
    const version = (service.currentPackVersion ?? 0) + 1;
    const userId = context.principal?.kind === 'user' ? context.principal.userId : null;
    const id = await insertPackVersion(trx, { serviceId: service.id, version, content: pack, changeNote: changeNote.trim(), userId });
    await recordAudit(trx, context, {
      action: 'pack.publish',
      entityType: 'implementation-pack',
      entityId: id,
      details: { code, version },
    });
    return { version };
  });
}

/** The national catalogue's services, optionally of one phase, for the catalogue page and API. */
export async function servicesInCatalogue(deps: Deps, filter: Parameters<typeof listServices>[1] = {}): Promise<ServiceRecord[]> {
  return listServices(deps.db, filter);
}

/** Every published implementation pack version of a service, newest first. */
export async function packVersionsOfService(deps: Deps, serviceId: string): Promise<Awaited<ReturnType<typeof packVersionsOf>>> {
  return packVersionsOf(deps.db, serviceId);
}

/** A service on the national list, for the pages that edit it and publish its packs; a local service or an unknown code is not found there. */
export async function nationalServiceByCode(deps: Deps, code: string): Promise<ServiceRecord> {
  const service = await findServiceByCode(deps.db, code);
  if (!service || service.local) throw new DomainError('not-found', 'There is no such service on the national list');
  return service;
}
