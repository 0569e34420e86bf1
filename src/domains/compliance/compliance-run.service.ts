/** The daily compliance run (PRODUCT.md §3.3): contracts starting go live, ended ones expire, evidence problems raise alerts and, by the offer's rule, suspend listings. */
import type { Deps } from '../deps.ts';
import type { Executor } from '../../db/executor.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext } from '../identity/principal.ts';
import { moveListing } from '../listings/listing-change.ts';
import type { ListingRecord } from '../listings/listing.repo.ts';
import type { ListingStatus } from '../listings/listing-lifecycle.rules.ts';
import { leadOrganisationIdOf } from '../offers/offer.repo.ts';
import { hasComplianceRunOn, insertComplianceRun, lockComplianceRuns } from './compliance-run.repo.ts';
import { currentEvidenceOf, currentListings, raiseAlert, resolveAlertsExcept, rulesOf, sendMessage } from './compliance.repo.ts';
import { evidenceFindings, suspendingFindings } from './compliance.rules.ts';

export interface ComplianceRunResult {
  ranOn: string;
  skipped: boolean;
  listingsLive: number;
  listingsExpired: number;
  listingsSuspended: number;
  alertsRaised: number;
  alertsResolved: number;
}

/** Scheduled changes are made by the platform itself, not a person. */
const SYSTEM: ActionContext = { principal: null, clientAddress: null };

type ListingRow = Awaited<ReturnType<typeof currentListings>>[number];

function toRecord(row: ListingRow): ListingRecord {
  return {
    id: row.id,
    offerId: row.offer_id,
    providerOrganisationId: row.provider_organisation_id,
    applicationId: row.application_id,
    status: row.status as ListingStatus,
    contractStart: row.contract_start,
    contractEnd: row.contract_end,
    contractAcceptedAt: row.contract_accepted_at,
  };
}

async function applyDates(trx: Executor, listings: ListingRecord[], today: string, at: Date) {
  let live = 0;
  let expired = 0;
  for (const listing of listings) {
    if (listing.contractEnd && listing.contractEnd < today && ['contracted', 'live', 'suspended'].includes(listing.status)) {
      await moveListing(trx, SYSTEM, listing, 'expired', `The contract ended on ${listing.contractEnd}`, at);
      listing.status = 'expired';
      expired += 1;
    } else if (listing.status === 'contracted' && listing.contractStart && listing.contractStart <= today) {
      await moveListing(trx, SYSTEM, listing, 'live', `The contract started on ${listing.contractStart}`, at);
      listing.status = 'live';
      live += 1;
    }
  }
  return { live, expired };
}

/** Runs the checks for one day; without `force`, a day already run is skipped so many web nodes can schedule it safely. */
export async function runCompliance(deps: Deps, options: { triggeredBy: string; force?: boolean }): Promise<ComplianceRunResult> {
  const today = deps.clock.today();
  return deps.db.transaction().execute(async (trx) => {
    await lockComplianceRuns(trx);
    const empty = { ranOn: today, listingsLive: 0, listingsExpired: 0, listingsSuspended: 0, alertsRaised: 0, alertsResolved: 0 };
    if (!options.force && (await hasComplianceRunOn(trx, today))) return { ...empty, skipped: true };
    const at = deps.clock.now();
    const listings = (await currentListings(trx)).map(toRecord);
    const dates = await applyDates(trx, listings, today, at);
    const current = listings.filter((listing) => ['qualified', 'contracted', 'live', 'suspended'].includes(listing.status));
    const providerIds = [...new Set(current.map((listing) => listing.providerOrganisationId))];
    const [evidence, rules] = await Promise.all([
      currentEvidenceOf(trx, providerIds),
      rulesOf(trx, [...new Set(current.map((listing) => listing.offerId))]),
    ]);
    let alertsRaised = 0;
    let listingsSuspended = 0;
    const stillOpen: { evidenceId: string; kind: string }[] = [];
    for (const providerId of providerIds) {
      const findings = evidenceFindings(evidence.get(providerId) ?? [], today);
      for (const finding of findings) {
        stillOpen.push({ evidenceId: finding.evidenceId, kind: finding.kind });
        if (
          await raiseAlert(trx, {
            organisationId: providerId,
            kind: finding.kind,
            evidenceId: finding.evidenceId,
            listingId: null,
            detail: finding.detail,
            dueOn: finding.dueOn,
            today,
          })
        ) {
          alertsRaised += 1;
          await sendMessage(trx, {
            organisationId: providerId,
            subject: finding.kind === 'evidence-due' ? 'Assurance evidence due for renewal' : 'Assurance problem found',
            body: `${finding.detail}. Update your national assurance on AQP.`,
            entityType: 'assurance-evidence',
            entityId: finding.evidenceId,
          });
        }
      }
      for (const listing of current.filter(
        (candidate) => candidate.providerOrganisationId === providerId && ['contracted', 'live'].includes(candidate.status),
      )) {
        const reasons = suspendingFindings(findings, rules.get(listing.offerId)!, today).map((finding) => finding.detail);
        if (reasons.length === 0) continue;
        await moveListing(trx, SYSTEM, listing, 'suspended', `Suspended by the offer’s compliance rule: ${reasons.join('; ')}`, at);
        listingsSuspended += 1;
        await sendMessage(trx, {
          organisationId: providerId,
          subject: 'Listing suspended',
          body: `Your listing has been suspended: ${reasons.join('; ')}. Patients cannot choose you for this offer until the commissioner lifts the suspension.`,
          entityType: 'listing',
          entityId: listing.id,
        });
        await sendMessage(trx, {
          organisationId: await leadOrganisationIdOf(trx, listing.offerId),
          subject: 'A provider’s listing was suspended',
          body: `A listing on one of your offers was suspended by its compliance rule: ${reasons.join('; ')}.`,
          entityType: 'listing',
          entityId: listing.id,
        });
      }
    }
    const alertsResolved = await resolveAlertsExcept(trx, stillOpen, at);
    const result = {
      ranOn: today,
      skipped: false,
      listingsLive: dates.live,
      listingsExpired: dates.expired,
      listingsSuspended,
      alertsRaised,
      alertsResolved,
    };
    await insertComplianceRun(trx, {
      runOn: today,
      startedAt: at,
      finishedAt: deps.clock.now(),
      alertsRaised,
      listingsSuspended,
      listingsLive: dates.live,
      triggeredBy: options.triggeredBy,
    });
    await recordAudit(trx, SYSTEM, {
      action: 'compliance.run',
      entityType: 'platform',
      details: { ...result, triggeredBy: options.triggeredBy },
    });
    return result;
  });
}
