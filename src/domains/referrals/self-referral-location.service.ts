/** The first step of a self-referral: from the patient's postcode and GP surgery (or "not registered") to the services their commissioner lets them refer themselves to. */
import { DomainError, type FieldError, validationFailed } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import { findOrganisationByOdsCode, type Organisation, searchOrganisations } from '../identity/organisation.repo.ts';
import { postcodeOrError } from './referral-decision.service.ts';
import {
  allowsSelfReferral,
  type OfferedService,
  offeredService,
  type PatientSetting,
  patientSettingFor,
  servicesOfferedTo,
} from './referral-offer.service.ts';

export interface PatientLocation {
  postcode: string;
  /** A practice's ODS code, or words to search practices by (name, postcode or town). */
  practice: string;
  unregistered: boolean;
}

export type LocationAnswer =
  | { kind: 'services'; setting: PatientSetting; postcode: string; services: OfferedService[] }
  | { kind: 'practices'; postcode: string; practices: Organisation[]; total: number };

function locationErrors(location: PatientLocation): FieldError[] {
  if (location.unregistered || location.practice.trim()) return [];
  return [
    { field: 'practice', message: 'Enter the name, postcode or code of your GP surgery, or select that you are not registered with a GP' },
  ];
}

/** The patient's setting when the practice is a GP practice's ODS code (or they are unregistered); undefined when the practice text needs a search. */
async function settingOf(deps: Deps, location: PatientLocation): Promise<{ setting: PatientSetting; postcode: string } | undefined> {
  const postcode = await postcodeOrError(deps, location.postcode, 'Enter your postcode');
  const errors = [...('field' in postcode ? [postcode] : []), ...locationErrors(location)];
  if (errors.length || 'field' in postcode) throw validationFailed(errors);
  if (location.unregistered)
    return { setting: await patientSettingFor(deps, { practiceOdsCode: null, postcode }), postcode: postcode.postcode };
  const exact = await findOrganisationByOdsCode(deps.db, location.practice.trim().slice(0, 12));
  if (exact?.kind !== 'gp-practice') return undefined;
  return { setting: await patientSettingFor(deps, { practiceOdsCode: exact.odsCode, postcode }), postcode: postcode.postcode };
}

/** The self-referral services for the patient's commissioner, or one page of GP surgeries matching the words they typed, to pick theirs from. */
export async function selfReferralServicesFor(
  deps: Deps,
  location: PatientLocation,
  page: { limit: number; offset: number },
): Promise<LocationAnswer> {
  const located = await settingOf(deps, location);
  if (located)
    return { kind: 'services', ...located, services: (await servicesOfferedTo(deps, located.setting)).filter(allowsSelfReferral) };
  const { rows, total } = await searchOrganisations(deps.db, { query: location.practice.slice(0, 100), kind: 'gp-practice', ...page });
  if (total === 0)
    throw validationFailed([
      {
        field: 'practice',
        message: `No GP surgery matches “${location.practice.trim().slice(0, 100)}”. Check the spelling, or try its postcode.`,
      },
    ]);
  return { kind: 'practices', postcode: location.postcode, practices: rows, total };
}

/** The setting and service a self-referral form is for; the location must name a practice by its code (or be unregistered), and the service must be offered there. */
export async function selfReferralFormFor(
  deps: Deps,
  location: PatientLocation,
  serviceCode: string,
): Promise<{ setting: PatientSetting; postcode: string; service: OfferedService }> {
  const located = await settingOf(deps, location);
  if (!located) throw validationFailed([{ field: 'practice', message: 'Choose your GP surgery from the list' }]);
  try {
    return { ...located, service: await offeredService(deps, located.setting, serviceCode) };
  } catch (error) {
    if (error instanceof DomainError && error.code === 'validation-failed')
      throw new DomainError('not-found', `${located.setting.commissioner.name} does not offer that service through AQP`);
    throw error;
  }
}
