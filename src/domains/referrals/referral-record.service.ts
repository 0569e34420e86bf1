/** What the referral pages read beside the referral itself: its history, the episode rules of its offer, the choice list last offered and how to reach the provider chosen. */
import type { Deps } from '../deps.ts';
import { latestChoiceList, type StoredChoiceList } from './choice-list.repo.ts';
import { type ChosenProviderContact, chosenProviderContact } from './chosen-provider.repo.ts';
import { type EpisodeRules, episodeRulesOf, sessionCapOf } from './referral-episode.repo.ts';
import { type ReferralContact, referralAidsFitted, referralContacts, type ReferralEvent, referralEvents } from './referral-history.repo.ts';

/** The referral's events (status changes, returns, replies), oldest first, for its history and the latest return's reason. */
export async function referralEventsOf(deps: Deps, referralId: string): Promise<ReferralEvent[]> {
  return referralEvents(deps.db, referralId);
}

/** The appointments and sessions recorded for the referral. */
export async function referralContactsOf(deps: Deps, referralId: string): Promise<ReferralContact[]> {
  return referralContacts(deps.db, referralId);
}

/** The hearing aids fitted recorded at discharge, or null. */
export async function aidsFittedOf(deps: Deps, referralId: string): Promise<number | null> {
  return referralAidsFitted(deps.db, referralId);
}

/** The session cap and minimum pathway of the offer the referral is under, from its pack. */
export async function episodeRulesOfOffer(deps: Deps, offerId: string): Promise<EpisodeRules> {
  return episodeRulesOf(deps.db, offerId);
}

/** The offer's session cap, shown beside the sessions attended when recording one. */
export async function sessionCapOfOffer(deps: Deps, offerId: string): Promise<number | undefined> {
  return sessionCapOf(deps.db, offerId);
}

/** The choice list last offered for the referral, as stored, for printing it exactly as it was shown. */
export async function latestChoiceListOf(deps: Deps, referralId: string): Promise<StoredChoiceList | undefined> {
  return latestChoiceList(deps.db, referralId);
}

/** How the patient reaches the provider they chose. */
export async function chosenProviderContactOf(deps: Deps, referralId: string): Promise<ChosenProviderContact | undefined> {
  return chosenProviderContact(deps.db, referralId);
}
