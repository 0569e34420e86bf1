/** How guesses at a referral's access code are limited (decision 0024): per reference and client address, and per IPv6 /48, under a ceiling per reference that no single address or /48 can reach. */
import { addressGroupOf } from '../../lib/client-address.ts';

/** Wrong guesses one address may make at one reference in the window before it must wait. */
export const GUESSES_PER_ADDRESS = 5;
export const ADDRESS_WINDOW_MINUTES = 15;

/** Wrong guesses at one reference from all addresses together in the window: more than one address can make (5 per 15 minutes is 480 a day), so one address cannot lock a patient out. */
export const GUESSES_PER_REFERENCE = 1000;
/** Wrong guesses at one reference from one IPv6 /48 (a site's allocation, 65,536 /64 networks) in the address window: 960 a day, below the ceiling, so one allocation cannot lock a patient out. */
export const GUESSES_PER_IPV6_SITE = 10;
export const REFERENCE_WINDOW_HOURS = 24;

/** Which limit refused a guess. */
export type GuessLimit = 'address' | 'network' | 'reference';

/** The plain words shown for each limit; they are the same whether or not the reference exists. */
export const GUESS_LIMIT_MESSAGES: Record<GuessLimit, string> = {
  address: `There have been too many attempts for this reference. Wait ${ADDRESS_WINDOW_MINUTES} minutes, then try again.`,
  network: `There have been too many attempts for this reference. Wait ${ADDRESS_WINDOW_MINUTES} minutes, then try again.`,
  reference: `There have been too many attempts for this reference in the last ${REFERENCE_WINDOW_HOURS} hours. Try again tomorrow.`,
};

/** Why a guess may not be checked now, or null when it may: the reference's ceiling first, because it is the longer wait. */
export function guessLimitReached(counts: { forReference: number; fromAddress: number; fromNetwork?: number }): GuessLimit | null {
  if (counts.forReference >= GUESSES_PER_REFERENCE) return 'reference';
  if ((counts.fromNetwork ?? 0) >= GUESSES_PER_IPV6_SITE) return 'network';
  if (counts.fromAddress >= GUESSES_PER_ADDRESS) return 'address';
  return null;
}

/** The address guesses are counted against: IPv4 as it is, IPv6 by its /64 network (see `addressGroupOf`). */
export const guessingAddressOf = addressGroupOf;
