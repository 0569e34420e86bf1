/** The choice list (PRODUCT.md §3.5): every provider under contract for the referral's commissioner and service with its nearest site, distance, wait and quality, in a fair order, stored as offered. */
import { DomainError } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import type { ListingStanding } from '../provider-quality/provider-standing.ts';
import { runningListingsWithStanding } from '../provider-quality/standing-cache.ts';
import { type AuditRow, auditRowOf, recordAuditRows } from '../identity/audit.repo.ts';
import { referralForChoiceList } from './referral-view.repo.ts';
import { normaliseUbrn } from './referral-reference.rules.ts';
import type { ActionContext } from '../identity/principal.ts';
import { pseudoPostcodeOf } from '../../lib/postcode.ts';
import { findOrganisationById } from '../identity/organisation.repo.ts';
import { findPostcode } from '../reference/postcode.repo.ts';
import {
  auditShownIfUnchanged,
  type ChoiceListEntry,
  type ChoiceListOrigin,
  storeChoiceListShown,
  type StoredChoiceList,
} from './choice-list.repo.ts';
import { RecentMap } from '../../lib/recent-map.ts';
import { choiceListContentHash, type ChoiceOrder, nearestSite, orderChoiceList, type Point } from './choice-list.rules.ts';
import { REFERRAL_STATUS_LABELS } from './referral-status.rules.ts';
import type { PatientPlace, ReferralRecord } from './referral.repo.ts';

/** A list as offered, with its entries' JSON (made once for every referral shown the same entries), so an answer need not write it again. */
export type OfferedChoiceList = StoredChoiceList & { readonly entriesJson: string };

/** Every provider under contract for the commissioner's service (on any of its offers, as the standings read) as an entry at its nearest open site; listings with no open site cannot be chosen and are left out. */
export function choiceEntries(standings: readonly ListingStanding[], origin: Point, order: ChoiceOrder): ChoiceListEntry[] {
  const entries: Omit<ChoiceListEntry, 'rank'>[] = [];
  for (const { listing, wait, firstAppointmentWait, quality } of standings) {
    const nearest = nearestSite(origin, listing.sites);
    if (!nearest) continue;
    entries.push({
      listingId: listing.id,
      siteId: nearest.site.id,
      providerOrganisationId: listing.provider.id,
      providerName: listing.provider.name,
      providerOdsCode: listing.provider.odsCode,
      siteName: nearest.site.name,
      siteAddress: nearest.site.address,
      sitePostcode: nearest.site.postcode,
      deliveryMode: nearest.site.deliveryMode,
      distanceKm: nearest.km,
      distanceMiles: nearest.miles,
      wait,
      firstAppointmentWait,
      quality,
    });
  }
  return orderChoiceList(entries, order).map((entry, index) => ({ rank: index + 1, ...entry }));
}

/** Where distances are measured from: the patient's postcode, or the referring GP practice's when the patient's postcode is an NHS pseudo-postcode such as ZZ99 3VZ (decision 0026). */
async function distanceOrigin(
  deps: Deps,
  referral: ReferralRecord,
  patientPlace: PatientPlace | undefined,
): Promise<{ origin: ChoiceListOrigin; point: PatientPlace }> {
  const pseudo = pseudoPostcodeOf(referral.patient.postcode);
  if (!pseudo) {
    const point = patientPlace ?? (await findPostcode(deps.db, referral.patient.postcode));
    if (!point)
      throw new DomainError(
        'unavailable',
        `The patient’s postcode ${referral.patient.postcode} is not in the postcode directory any more, so distances cannot be measured`,
      );
    return { origin: { kind: 'patient-postcode', postcode: point.postcode }, point };
  }
  const practice = referral.referrer.organisationId ? await findOrganisationById(deps.db, referral.referrer.organisationId) : undefined;
  const point = practice?.postcode ? await findPostcode(deps.db, practice.postcode) : undefined;
  if (!point)
    throw new DomainError(
      'unavailable',
      `The patient’s postcode ${pseudo.postcode} means ${pseudo.description}, and ${practice ? `the GP practice ${practice.name} has no postcode in the postcode directory` : 'no GP practice is recorded'}, so distances cannot be measured`,
    );
  return { origin: { kind: 'gp-practice', postcode: point.postcode }, point };
}

/** Builds the list for a referral awaiting choice from the patient's postcode (or GP practice), stores it when it differs from the last one shown, and audits the view; `patientPlace`, when the caller read it with the referral, saves a query. */
export async function offerChoiceList(
  deps: Deps,
  context: ActionContext,
  referral: ReferralRecord,
  order: ChoiceOrder,
  alsoAudited: readonly AuditRow[] = [],
  patientPlace?: PatientPlace,
): Promise<OfferedChoiceList> {
  if (referral.status !== 'awaiting-choice') {
    await recordAuditRows(deps.db, alsoAudited);
    throw new DomainError(
      'invalid-transition',
      `A provider has already been chosen for this referral: ${REFERRAL_STATUS_LABELS[referral.status].toLowerCase()}${referral.chosen ? ` (${referral.chosen.providerName})` : ''}`,
    );
  }
  const service = {
    commissionerId: referral.commissioner.id,
    serviceCode: referral.offer.serviceCode,
    preferredOfferId: referral.offer.id,
  };
  // Where the patient is and who is listed do not depend on each other: both are asked at once.
  const [{ origin, point }, standings] = await Promise.all([
    distanceOrigin(deps, referral, patientPlace),
    runningListingsWithStanding(deps.db, service, deps.clock.today()),
  ]);
  const { entries, entriesJson } = heldEntries(standings, point, order);
  const userId = context.principal?.kind === 'user' ? context.principal.userId : null;
  const contentHash = choiceListContentHash({ referralId: referral.id, orderedBy: order, origin }, entriesJson);
  const audit = auditRowOf(context, {
    action: 'referral.choice-list',
    entityType: 'referral',
    entityId: referral.id,
    details: { orderedBy: order, entries: entries.length, origin: origin.kind },
  });
  const unchanged =
    STORED_HASHES.get(referral.id) === contentHash
      ? await auditShownIfUnchanged(deps.db, { referralId: referral.id, contentHash }, audit, alsoAudited)
      : undefined;
  const shown =
    unchanged ??
    (await storeChoiceListShown(
      deps.db,
      { referralId: referral.id, orderedBy: order, origin, entriesJson, contentHash, at: deps.clock.now(), userId },
      audit,
      alsoAudited,
    ));
  STORED_HASHES.set(referral.id, contentHash);
  return { id: shown.id, offeredAt: shown.offeredAt, orderedBy: order, originPostcode: origin.postcode, origin, entries, entriesJson };
}

/**
 * The choice list for a referral by its reference, offered to its referrer only (anyone else is told there is no such referral,
 * audited as refused). The referral's view is audited in the list's own statement, so offering a list costs no transaction of its own.
 */
export async function offerChoiceListByReference(
  deps: Deps,
  context: ActionContext,
  reference: string,
  view: { order: ChoiceOrder; page: string },
): Promise<{ referral: ReferralRecord; list: OfferedChoiceList }> {
  const found = await referralForChoiceList(deps.db, context, reference, normaliseUbrn(reference), view.page);
  if (!found) throw new DomainError('not-found', 'There is no referral with that reference');
  return {
    referral: found.referral,
    list: await offerChoiceList(deps, context, found.referral, view.order, [found.viewed], found.patientPlace),
  };
}

/**
 * Lists' entries a node keeps (each ~25 kB of JSON with its objects, so about 6.5 MB at most), across every held standings and
 * place; the least recently asked go first. Enough for the views of a referral while it is being chosen for; 2,000 grew the
 * soak's heap by a fifth before it filled (decision 0079).
 */
const MAX_HELD_ENTRIES = 256;

/** A number for each held standings array (the standing cache hands back the same array until anything listed changes). */
const standingsIds = new WeakMap<readonly ListingStanding[], number>();
let lastStandingsId = 0;

/** The entries for each standings, place and order, with their JSON. */
const heldEntryLists = new RecentMap<string, { entries: ChoiceListEntry[]; entriesJson: string }>(MAX_HELD_ENTRIES);

/** The entries for a place and order and their JSON, worked out once while the standings are unchanged. */
function heldEntries(standings: readonly ListingStanding[], point: Point, order: ChoiceOrder) {
  const standingsId = standingsIds.get(standings) ?? ++lastStandingsId;
  standingsIds.set(standings, standingsId);
  const key = `${standingsId}|${order}|${point.latitude}|${point.longitude}`;
  const held = heldEntryLists.get(key);
  if (held) return held;
  // Every referral shown these entries shares them: frozen (each entry too, not its nested figures) so none is changed for another.
  const entries = Object.freeze(choiceEntries(standings, point, order).map((entry) => Object.freeze(entry))) as ChoiceListEntry[];
  const made = { entries, entriesJson: JSON.stringify(entries) };
  heldEntryLists.set(key, made);
  return made;
}

/**
 * The content hash of the list this node last stored or found stored for each referral: a hint only, so a view whose list it
 * believes unchanged sends no entries (the statement checks the hash against the database, and on a mismatch the list is stored).
 */
const STORED_HASHES = new RecentMap<string, string>(50_000);
