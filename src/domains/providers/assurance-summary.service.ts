/** The read other workstreams use: a provider's national assurance, kind by kind, as at a date. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import {
  EVIDENCE_KINDS,
  type EvidenceSummaryItem,
  isAssuranceComplete,
  isAssuranceValid,
  summariseEvidence,
} from './evidence-kinds.rules.ts';
import { currentEvidenceOf } from './assurance.repo.ts';

export type { EvidenceSummaryItem } from './evidence-kinds.rules.ts';

export interface AssuranceSummary {
  items: EvidenceSummaryItem[];
  /** Every requirement has pending or verified evidence; a Monitor licence OR an exemption counts as one. */
  complete: boolean;
  /** Every requirement is verified, unexpired and (for CQC) still registered. */
  valid: boolean;
}

/**
 * Summarises a provider's current evidence for each of the seven kinds as at `today` (ISO date), so
 * applications can check assurance is complete and the compliance job can find expiring evidence.
 */
export async function assuranceSummary(db: Kysely<Database>, providerOrganisationId: string, today: string): Promise<AssuranceSummary> {
  const rows = await currentEvidenceOf(db, providerOrganisationId);
  const items = EVIDENCE_KINDS.map((kind) =>
    summariseEvidence(
      kind,
      rows.find((row) => row.kind === kind),
      today,
    ),
  );
  return { items, complete: isAssuranceComplete(items, today), valid: isAssuranceValid(items, today) };
}
