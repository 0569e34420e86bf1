/** Runs the numbered, forward-only migrations with Kysely's Migrator; a failure is raised, never swallowed. */
import type { Kysely } from 'kysely';
import { type Migration, type MigrationProvider, type MigrationResult, Migrator } from 'kysely/migration';
import * as identity from './migrations/0001-identity.ts';
import * as referenceData from './migrations/0002-reference-data.ts';
import * as catalogue from './migrations/0003-catalogue.ts';
import * as offers from './migrations/0004-offers.ts';
import * as prioritisation from './migrations/0005-prioritisation.ts';
import * as localProposals from './migrations/0006-local-proposals.ts';
import * as qualification from './migrations/0007-qualification.ts';
import * as referrals from './migrations/0008-referrals.ts';
import * as choiceListIndexes from './migrations/0009-choice-list-indexes.ts';
import * as patientAccessAddresses from './migrations/0010-patient-access-addresses.ts';
import * as choiceListOrigin from './migrations/0011-choice-list-origin.ts';
import * as cqcNotApplicable from './migrations/0012-cqc-not-applicable.ts';
import * as signInThrottles from './migrations/0013-sign-in-throttles.ts';
import * as localServices from './migrations/0014-local-services.ts';
import * as signInThrottlesPerAddress from './migrations/0015-sign-in-throttles-per-address.ts';
import * as patientContactAndNeeds from './migrations/0016-patient-contact-and-needs.ts';
import * as referralReplies from './migrations/0017-referral-replies.ts';
import * as servicePublicNames from './migrations/0018-service-public-names.ts';
import * as referralListIndexes from './migrations/0019-referral-list-indexes.ts';
import * as offerPriceCurrencies from './migrations/0020-offer-price-currencies.ts';
import * as activityLines from './migrations/0021-activity-lines.ts';
import * as statements from './migrations/0022-statements.ts';
import * as budgets from './migrations/0023-budgets.ts';
import * as qualityMeasures from './migrations/0024-quality-measures.ts';
import * as offerKpiThresholds from './migrations/0025-offer-kpi-thresholds.ts';
import * as qualityReturns from './migrations/0026-quality-returns.ts';
import * as breaches from './migrations/0027-breaches.ts';
import * as federatedIdentities from './migrations/0029-federated-identities.ts';
import * as emailDelivery from './migrations/0030-email-delivery.ts';
import * as readModelVersions from './migrations/0031-read-model-versions.ts';
import * as firstSeenIndex from './migrations/0032-first-seen-index.ts';
import * as apiKeyVersions from './migrations/0033-api-key-versions.ts';
import * as openPracticesLatitudeIndex from './migrations/0034-open-practices-latitude-index.ts';
import * as acceptedReferralInsertTrigger from './migrations/0035-accepted-referral-insert-trigger.ts';
import * as contactSeenStatistics from './migrations/0036-contact-seen-statistics.ts';

/** The migrations in order; a new one is added here and never edited once released. */
const migrations: Record<string, Migration> = {
  '0001-identity': identity,
  '0002-reference-data': referenceData,
  '0003-catalogue': catalogue,
  '0004-offers': offers,
  '0005-prioritisation': prioritisation,
  '0006-local-proposals': localProposals,
  '0007-qualification': qualification,
  '0008-referrals': referrals,
  '0009-choice-list-indexes': choiceListIndexes,
  '0010-patient-access-addresses': patientAccessAddresses,
  '0011-choice-list-origin': choiceListOrigin,
  '0012-cqc-not-applicable': cqcNotApplicable,
  '0013-sign-in-throttles': signInThrottles,
  '0014-local-services': localServices,
  '0015-sign-in-throttles-per-address': signInThrottlesPerAddress,
  '0016-patient-contact-and-needs': patientContactAndNeeds,
  '0017-referral-replies': referralReplies,
  '0018-service-public-names': servicePublicNames,
  '0019-referral-list-indexes': referralListIndexes,
  '0020-offer-price-currencies': offerPriceCurrencies,
  '0021-activity-lines': activityLines,
  '0022-statements': statements,
  '0023-budgets': budgets,
  '0024-quality-measures': qualityMeasures,
  '0025-offer-kpi-thresholds': offerKpiThresholds,
  '0026-quality-returns': qualityReturns,
  '0027-breaches': breaches,
  '0029-federated-identities': federatedIdentities,
  '0030-email-delivery': emailDelivery,
  '0031-read-model-versions': readModelVersions,
  '0032-first-seen-index': firstSeenIndex,
  '0033-api-key-versions': apiKeyVersions,
  '0034-open-practices-latitude-index': openPracticesLatitudeIndex,
  '0035-accepted-referral-insert-trigger': acceptedReferralInsertTrigger,
  '0036-contact-seen-statistics': contactSeenStatistics,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the database to the latest schema and returns the names applied now. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the schema they build exists
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result: MigrationResult) => result.status === 'Error');
  if (error || failed) {
    const reason = error instanceof Error ? error.message : String(error ?? 'unknown error');
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${reason}`.replace('  ', ' '));
  }
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}
