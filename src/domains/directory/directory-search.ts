/** Reads a directory search: the service on the national list, the place typed (full postcode or district) and the NHS commissioner responsible there. */
import { DomainError, type DomainErrorCode, type FieldError, isDomainError } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import { findOrganisationByOdsCode } from '../identity/organisation.repo.ts';
import { findVisibleService } from '../offers/service-visibility.service.ts';
import { findDistrict } from '../reference/postcode.repo.ts';
import { lookupPlace, type Place } from '../reference/postcode.service.ts';
import {
  otherAreasOfNearbyPractices,
  type ResponsibleCommissioner,
  responsibleForDistrict,
  responsibleForResidence,
} from '../reference/responsible-commissioner.service.ts';

const PLACE_ERRORS: readonly DomainErrorCode[] = ['validation-failed', 'postcode-unknown', 'postcode-terminated'];

export interface ResolvedSearch {
  service: { code: string; name: string; publicName: string };
  place: { kind: Place['kind']; label: string; latitude: number; longitude: number };
  /** The responsible commissioner; `id` is null when it is not an organisation on AQP (so it has no offers). */
  commissioner: {
    id: string | null;
    odsCode: string;
    name: string;
    areaName: string;
    method: ResponsibleCommissioner['method'];
    explanation: string;
  };
  /** The other areas whose GP surgeries are among the nearest to the place: a patient registered there is referred by their GP's area. */
  gpAreasNearby: string[];
}

async function serviceFrom(deps: Deps, code: string): Promise<{ service?: ResolvedSearch['service']; error?: FieldError }> {
  if (!code.trim()) return { error: { field: 'service', message: 'Select a service' } };
  // The public directory sees a local service only once an offer for it is published (decision 0028).
  const service = await findVisibleService(deps, null, code.trim());
  return service
    ? { service: { code: service.code, name: service.name, publicName: service.publicName } }
    : { error: { field: 'service', message: 'Select a service from the list' } };
}

async function placeFrom(deps: Deps, text: string): Promise<{ place?: Place; error?: FieldError; code?: DomainErrorCode }> {
  try {
    return { place: await lookupPlace(deps, text) };
  } catch (error) {
    if (!isDomainError(error) || !PLACE_ERRORS.includes(error.code)) throw error;
    return { error: { field: 'postcode', message: error.message }, code: error.code };
  }
}

/** A field error beside the postcode with its own code, so the API says `postcode-unknown` and the page shows it next to the field. */
function postcodeProblem(code: DomainErrorCode, message: string): DomainError {
  return new DomainError(code, message, { fieldErrors: [{ field: 'postcode', message }] });
}

/** AQP's commissioners are in England: a Scottish or Welsh place is refused plainly rather than matched to a nearby English practice. */
export async function assertInEngland(deps: Deps, place: Place): Promise<void> {
  const inEngland =
    place.kind === 'postcode'
      ? !place.postcode?.countryCode || place.postcode.countryCode.startsWith('E')
      : ((await findDistrict(deps.db, place.label))?.country ?? 'England') === 'England';
  if (!inEngland)
    throw postcodeProblem(
      'validation-failed',
      `${place.label} is not in England. AQP lists providers for NHS commissioners in England only.`,
    );
}

/** The NHS commissioner responsible for a place (by residence for a postcode, by most of its postcodes for a district), as the directory names it. */
export async function commissionerAt(deps: Deps, place: Place): Promise<ResolvedSearch['commissioner']> {
  const responsible =
    place.kind === 'postcode'
      ? await responsibleForResidence(deps, place.postcode!)
      : await responsibleForDistrict(deps, { district: place.label, latitude: place.latitude, longitude: place.longitude });
  if (!responsible) {
    const advice = place.kind === 'postcode' ? 'Ask your GP surgery which services you can be referred to.' : 'Try a full postcode.';
    throw postcodeProblem('organisation-unknown', `We cannot tell which NHS commissioner is responsible for ${place.label}. ${advice}`);
  }
  const organisation = await findOrganisationByOdsCode(deps.db, responsible.subIcb.odsCode);
  const onAqp = organisation?.kind === 'commissioner' ? organisation : undefined;
  return {
    id: onAqp?.id ?? null,
    odsCode: responsible.subIcb.odsCode,
    name: onAqp?.name ?? responsible.subIcb.name,
    areaName: responsible.subIcb.areaName,
    method: responsible.method,
    explanation: responsible.explanation,
  };
}

/** Every input problem at once (service and postcode); an unknown or closed postcode alone keeps its own code. */
export async function resolveSearch(deps: Deps, query: { service: string; postcode: string }): Promise<ResolvedSearch> {
  const serviceResult = await serviceFrom(deps, query.service);
  const placeResult = await placeFrom(deps, query.postcode);
  const errors = [serviceResult.error, placeResult.error].filter((error): error is FieldError => Boolean(error));
  if (errors.length === 1 && placeResult.code && placeResult.code !== 'validation-failed')
    throw postcodeProblem(placeResult.code, placeResult.error!.message);
  if (errors.length) throw new DomainError('validation-failed', errors.map((error) => error.message).join('. '), { fieldErrors: errors });
  const place = placeResult.place!;
  await assertInEngland(deps, place);
  const commissioner = await commissionerAt(deps, place);
  return {
    service: serviceResult.service!,
    place: { kind: place.kind, label: place.label, latitude: place.latitude, longitude: place.longitude },
    commissioner,
    gpAreasNearby: await otherAreasOfNearbyPractices(deps, place, commissioner.odsCode),
  };
}
