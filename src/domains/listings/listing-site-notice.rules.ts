/** The notice a lead commissioner receives when a provider adds or removes a site on its listing (issue #12 item 11), so the change is never learnt only from the directory. */
import type { ListingStatus } from './listing-lifecycle.rules.ts';

export interface SiteChangeNotice {
  subject: string;
  body: string;
}

/** Says which provider changed which site on which offer, and what it means for patients now. */
export function siteChangeNotice(
  change: 'added' | 'removed',
  input: {
    providerName: string;
    siteName: string;
    postcode: string;
    offerReference: string;
    offerTitle: string;
    listingStatus: ListingStatus;
  },
): SiteChangeNotice {
  const live = input.listingStatus === 'live';
  const effect =
    change === 'added'
      ? live
        ? 'Patients can choose the provider at this site from today.'
        : 'Patients can choose the provider at this site once the listing is live.'
      : 'Patients can no longer choose the provider at this site; referrals already sent there stay with the provider.';
  return {
    subject: change === 'added' ? 'Provider site added to a listing' : 'Provider site removed from a listing',
    body: `${input.providerName} has ${change} ${input.siteName} (${input.postcode}) ${change === 'added' ? 'to' : 'from'} its listing on ${input.offerReference} ${input.offerTitle}. ${effect}`,
  };
}
