/** Which commissioners an offer may cover: the leading organisation and its sub-ICB locations, so several can open one offer together. */
import type { FieldError } from '../../lib/errors.ts';
import type { Executor } from '../identity/audit.repo.ts';
import type { CoveredCommissioner } from './offer.repo.ts';

/** The lead commissioner and every commissioner directly beneath it. */
export async function coverableCommissioners(db: Executor, leadOrganisationId: string): Promise<CoveredCommissioner[]> {
  const rows = await db.selectFrom('organisations').select(['id', 'ods_code', 'name', 'parent_id'])
    .where('kind', '=', 'commissioner').where((eb) => eb.or([eb('id', '=', leadOrganisationId), eb('parent_id', '=', leadOrganisationId)]))
    .orderBy('name').execute();
  const lead = rows.filter((row) => row.id === leadOrganisationId);
  const children = rows.filter((row) => row.id !== leadOrganisationId);
  return [...children, ...lead].map((row) => ({ id: row.id, odsCode: row.ods_code, name: row.name }));
}

/** Resolves chosen ODS codes to organisation ids, or field errors naming each code that is not coverable. */
export function resolveCoverage(coverable: CoveredCommissioner[], odsCodes: string[]): { ids: string[]; errors: FieldError[] } {
  const wanted = [...new Set(odsCodes.map((code) => code.trim().toUpperCase()).filter(Boolean))];
  if (wanted.length === 0) return { ids: [], errors: [{ field: 'coverage', message: 'Choose at least one commissioner the offer covers' }] };
  const ids: string[] = [];
  const unknown: string[] = [];
  for (const code of wanted) {
    const match = coverable.find((commissioner) => commissioner.odsCode?.toUpperCase() === code);
    if (match) ids.push(match.id);
    else unknown.push(code);
  }
  const allowed = coverable.map((commissioner) => commissioner.odsCode).filter(Boolean).join(', ');
  return { ids, errors: unknown.length ? [{ field: 'coverage', message: `${unknown.join(', ')} cannot be covered by this offer: choose from ${allowed}` }] : [] };
}
