/** Provider administrators add, change and close their sites, each placed at a real, live postcode. */
import { DomainError, type FieldError, isDomainError, validationFailed } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext } from '../identity/principal.ts';
import { lookupPostcode } from '../reference/postcode.service.ts';
import { administeredProviderOf, ownProviderOf } from './provider-access.ts';
import { checkSite, type SiteInput } from './provider-site.rules.ts';
import {
  closeProviderSite,
  findProviderSite,
  insertProviderSite,
  type PlacedSite,
  type ProviderSite,
  siteNameTaken,
  sitesOfProvider,
  updateProviderSite,
} from './provider-site.repo.ts';

/** The site's place from its postcode, or the postcode's problem as a field error beside the postcode. */
async function placeOf(
  deps: Deps,
  postcode: string,
): Promise<{ place?: { postcode: string; latitude: number; longitude: number }; error?: FieldError }> {
  if (!postcode.trim()) return {};
  try {
    const record = await lookupPostcode(deps, postcode);
    return { place: { postcode: record.postcode, latitude: record.latitude, longitude: record.longitude } };
  } catch (error) {
    if (!isDomainError(error) || !['postcode-unknown', 'postcode-terminated', 'validation-failed'].includes(error.code)) throw error;
    return {
      error: {
        field: 'postcode',
        message:
          error.code === 'validation-failed' ? 'Enter a full postcode, like HX1 1UJ' : error.message.replace(/ Postcodes have not.*$/, ''),
      },
    };
  }
}

const FORM_ORDER = ['name', 'siteCode', 'address', 'postcode', 'deliveryMode', 'accessibility', 'openingTimes', 'phone'];

/** Errors in the order the form shows its fields, so the error summary reads top to bottom. */
function inFormOrder(errors: FieldError[]): FieldError[] {
  const rank = (error: FieldError) => FORM_ORDER.indexOf(error.field.split('-')[0]!);
  return [...errors].sort((a, b) => rank(a) - rank(b));
}

/** Checks the form and the postcode together, so the person sees every problem at once. */
async function placedSite(deps: Deps, organisationId: string, input: SiteInput, exceptId?: string): Promise<PlacedSite> {
  const { details, errors } = checkSite(input);
  const { place, error } = await placeOf(deps, input.postcode);
  if (error) errors.push(error);
  if (details.name && (await siteNameTaken(deps.db, organisationId, details.name, exceptId)))
    errors.push({ field: 'name', message: `You already have a site called ${details.name}` });
  if (errors.length || !place) throw validationFailed(inFormOrder(errors), 'The site is not valid');
  return { ...details, ...place };
}

/** The acting person's provider's sites (clinicians read them too). */
export async function ownSites(deps: Deps, context: ActionContext): Promise<ProviderSite[]> {
  return sitesOfProvider(deps.db, ownProviderOf(context));
}

/** One of the acting person's provider's sites; another provider's site is not found. */
export async function ownSite(deps: Deps, context: ActionContext, id: string): Promise<ProviderSite> {
  const site = await findProviderSite(deps.db, ownProviderOf(context), id);
  if (!site) throw new DomainError('not-found', 'There is no such site');
  return site;
}

/** Adds a site at a real postcode. */
export async function addSite(deps: Deps, context: ActionContext, input: SiteInput): Promise<{ id: string }> {
  const organisationId = administeredProviderOf(context);
  const site = await placedSite(deps, organisationId, input);
  return deps.db.transaction().execute(async (trx) => {
    const id = await insertProviderSite(trx, organisationId, site);
    await recordAudit(trx, context, {
      action: 'site.add',
      entityType: 'site',
      entityId: id,
      details: { name: site.name, postcode: site.postcode },
    });
    return { id };
  });
}

/** Changes an open site's details or moves it to another postcode. */
export async function changeSite(deps: Deps, context: ActionContext, id: string, input: SiteInput): Promise<void> {
  const organisationId = administeredProviderOf(context);
  const existing = await findProviderSite(deps.db, organisationId, id);
  if (!existing) throw new DomainError('not-found', 'There is no such site');
  if (existing.closedOn)
    throw new DomainError('invalid-transition', `${existing.name} closed on ${existing.closedOn} and can no longer be changed`);
  const site = await placedSite(deps, organisationId, input, id);
  await deps.db.transaction().execute(async (trx) => {
    await updateProviderSite(trx, id, site);
    await recordAudit(trx, context, {
      action: 'site.change',
      entityType: 'site',
      entityId: id,
      details: { name: site.name, postcode: site.postcode },
    });
  });
}

/** Closes an open site from today; a closed site stays on record. */
export async function closeSite(deps: Deps, context: ActionContext, id: string): Promise<void> {
  const organisationId = administeredProviderOf(context);
  await deps.db.transaction().execute(async (trx) => {
    const site = await findProviderSite(trx, organisationId, id);
    if (!site) throw new DomainError('not-found', 'There is no such site');
    if (site.closedOn) throw new DomainError('invalid-transition', `${site.name} is already closed`);
    await closeProviderSite(trx, id, deps.clock.today());
    await recordAudit(trx, context, { action: 'site.close', entityType: 'site', entityId: id, details: { name: site.name } });
  });
}
