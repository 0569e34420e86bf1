/** Patient reads and searches over FHIR (issue #16 item 1): only for the people who may see one of the patient's referrals (the referral pages' rule), every read audited by the repository. */
import type { Patient } from '@medplum/fhirtypes';
import { DomainError } from '../../lib/errors.ts';
import { IDENTIFIER_SYSTEMS } from '../../lib/uk-core.rules.ts';
import { normaliseNhsNumber } from '../../lib/nhs-number.ts';
import type { Deps } from '../deps.ts';
import type { ActionContext } from '../identity/principal.ts';
import { tokenCode } from './fhir-search.rules.ts';
import { patientResourceOf } from './patient.fhir.ts';
import { patientSeenBy, patientsFoundBy } from './patient-fhir.repo.ts';
import type { SearchPage, SearchParams } from './referral-fhir.service.ts';

/** One Patient by id, for someone who may see one of their referrals; to anyone else it does not exist. */
export async function readPatient(deps: Deps, context: ActionContext, id: string): Promise<Patient> {
  const patient = await deps.db.transaction().execute((trx) => patientSeenBy(trx, context, id));
  if (!patient) throw new DomainError('not-found', `There is no Patient ${id.slice(0, 40)}`);
  return patientResourceOf(patient);
}

/** The Patients the caller may see, by NHS number (`identifier`) where given; one page with the total. */
export async function searchPatients(
  deps: Deps,
  context: ActionContext,
  params: SearchParams,
  page: SearchPage,
): Promise<{ total: number; resources: Patient[] }> {
  const code = params.identifier === undefined ? undefined : tokenCode(params.identifier, IDENTIFIER_SYSTEMS.nhsNumber);
  const nhsNumber = code === undefined ? undefined : code === null ? '' : (normaliseNhsNumber(code) ?? code);
  const found = await deps.db
    .transaction()
    .execute((trx) => patientsFoundBy(trx, context, { ...page, ...(nhsNumber !== undefined && { nhsNumber }) }));
  return { total: found.total, resources: found.patients.map(patientResourceOf) };
}
