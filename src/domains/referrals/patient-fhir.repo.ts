/** FHIR reads of patients: only a patient one of whose referrals the principal may see (the referral pages' rule), each read audited in the caller's transaction. */
import type { Executor } from '../../db/executor.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext, Principal } from '../identity/principal.ts';
import type { PatientForFhir } from './patient.fhir.ts';
import { visibleReferrals } from './referral-fhir.repo.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function visiblePatients(db: Executor, principal: Principal | null) {
  return db
    .selectFrom('patients as pt')
    .leftJoin('organisations as gp', 'gp.id', 'pt.practice_organisation_id')
    .select([
      'pt.id',
      'pt.nhs_number',
      'pt.given_name',
      'pt.family_name',
      'pt.date_of_birth',
      'pt.sex',
      'pt.postcode',
      'gp.id as practice_id',
      'gp.ods_code as practice_ods',
      'gp.name as practice_name',
    ])
    .where('pt.id', 'in', visibleReferrals(db, principal).clearSelect().select('p.id'));
}

type PatientRow = NonNullable<Awaited<ReturnType<ReturnType<typeof visiblePatients>['executeTakeFirst']>>>;

const patientOf = (row: PatientRow): PatientForFhir => ({
  id: row.id,
  nhsNumber: row.nhs_number,
  givenName: row.given_name,
  familyName: row.family_name,
  dateOfBirth: row.date_of_birth,
  sex: row.sex,
  postcode: row.postcode,
  practice: row.practice_id ? { id: row.practice_id, odsCode: row.practice_ods, name: row.practice_name ?? '' } : null,
});

/** One patient if the principal may see one of their referrals, audited as seen (`patient.view`) or as refused. */
export async function patientSeenBy(trx: Executor, context: ActionContext, id: string): Promise<PatientForFhir | undefined> {
  const row = UUID.test(id) ? await visiblePatients(trx, context.principal).where('pt.id', '=', id).executeTakeFirst() : undefined;
  await recordAudit(trx, context, {
    action: 'patient.view',
    entityType: 'patient',
    ...(row ? { entityId: row.id } : { outcome: 'denied' as const, details: { id: id.slice(0, 40) } }),
    ...(row && { details: { page: 'fhir' } }),
  });
  return row && patientOf(row);
}

/** One page of the patients the principal may see, by NHS number where given, with the total; audited with every patient returned. */
export async function patientsFoundBy(
  trx: Executor,
  context: ActionContext,
  search: { nhsNumber?: string; offset: number; count: number },
): Promise<{ total: number; patients: PatientForFhir[] }> {
  const query = () => {
    const visible = visiblePatients(trx, context.principal);
    return search.nhsNumber === undefined ? visible : visible.where('pt.nhs_number', '=', search.nhsNumber);
  };
  const counted = await query()
    .clearSelect()
    .select(({ fn }) => fn.countAll<string>().as('total'))
    .executeTakeFirstOrThrow();
  const rows = await query().orderBy('pt.family_name').orderBy('pt.id').offset(search.offset).limit(search.count).execute();
  await recordAudit(trx, context, {
    action: 'patient.fhir-search',
    entityType: 'patient',
    details: {
      byNhsNumber: search.nhsNumber !== undefined,
      offset: search.offset,
      total: Number(counted.total),
      ids: rows.map((row) => row.id),
    },
  });
  return { total: Number(counted.total), patients: rows.map(patientOf) };
}

/** The details we hold for a patient registered at the practice, so its FHIR referral may name them by NHS number alone (decision 0063). */
export async function patientRegisteredAt(
  db: Executor,
  nhsNumber: string,
  practiceId: string,
): Promise<{ givenName: string; familyName: string; dateOfBirth: string; sex: string; postcode: string } | undefined> {
  const row = await db
    .selectFrom('patients')
    .select(['given_name', 'family_name', 'date_of_birth', 'sex', 'postcode'])
    .where('nhs_number', '=', nhsNumber)
    .where('practice_organisation_id', '=', practiceId)
    .executeTakeFirst();
  return (
    row && { givenName: row.given_name, familyName: row.family_name, dateOfBirth: row.date_of_birth, sex: row.sex, postcode: row.postcode }
  );
}
