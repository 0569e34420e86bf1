/** The terms the feed states for each listing on a page: the current protocol's ages and eligibility and the covered areas, read in a few queries for the whole page. */
import type { Deps } from '../deps.ts';
import { eligibilityInWords } from '../catalogue/referral-protocol-words.rules.ts';
import { currentProtocolsOf } from '../offers/offer-terms.repo.ts';
import { commissionerAreaNames } from '../reference/commissioner-area.service.ts';
import { offerCoverage, type OrukListing } from './open-referral.repo.ts';
import type { ListingTerms } from './service.oruk.ts';

/** Each listing's terms by listing id; listings on the same offer share one reading. */
export async function termsOfListings(deps: Deps, listings: readonly OrukListing[]): Promise<Map<string, ListingTerms>> {
  const offerIds = [...new Set(listings.map((listing) => listing.offerId))];
  const [protocols, coverage] = await Promise.all([currentProtocolsOf(deps.db, offerIds), offerCoverage(deps.db, offerIds)]);
  const areaNames = await commissionerAreaNames(
    deps,
    [...coverage.values()].flat().map((commissioner) => commissioner.id),
  );
  const byOffer = new Map(
    offerIds.map((offerId): [string, ListingTerms] => {
      const protocol = protocols.get(offerId)?.content;
      const areas = (coverage.get(offerId) ?? []).map((commissioner) => areaNames.get(commissioner.id) ?? commissioner.name);
      return [
        offerId,
        {
          ...(protocol?.ageMin !== undefined ? { ageMin: protocol.ageMin } : {}),
          ...(protocol?.ageMax !== undefined ? { ageMax: protocol.ageMax } : {}),
          eligibility: protocol ? eligibilityInWords(protocol) : null,
          areas: [...new Set(areas)],
        },
      ];
    }),
  );
  return new Map(listings.map((listing) => [listing.listingId, byOffer.get(listing.offerId)!]));
}
