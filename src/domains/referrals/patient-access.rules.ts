/** How guesses at a referral's access code are limited (decision 0024): per reference and client address, under a ceiling per reference that no single address can reach. */

/** Wrong guesses one address may make at one reference in the window before it must wait. */
export const GUESSES_PER_ADDRESS = 5;
export const ADDRESS_WINDOW_MINUTES = 15;

/** Wrong guesses at one reference from all addresses together in the window: more than one address can make (5 per 15 minutes is 480 a day), so one address cannot lock a patient out. */
export const GUESSES_PER_REFERENCE = 1000;
export const REFERENCE_WINDOW_HOURS = 24;

/** Which limit refused a guess. */
export type GuessLimit = 'address' | 'reference';

/** The plain words shown for each limit; they are the same whether or not the reference exists. */
export const GUESS_LIMIT_MESSAGES: Record<GuessLimit, string> = {
  address: `There have been too many attempts for this reference. Wait ${ADDRESS_WINDOW_MINUTES} minutes, then try again.`,
  reference: `There have been too many attempts for this reference in the last ${REFERENCE_WINDOW_HOURS} hours. Try again tomorrow.`,
};

/** Why a guess may not be checked now, or null when it may: the reference's ceiling first, because it is the longer wait. */
export function guessLimitReached(counts: { forReference: number; fromAddress: number }): GuessLimit | null {
  if (counts.forReference >= GUESSES_PER_REFERENCE) return 'reference';
  if (counts.fromAddress >= GUESSES_PER_ADDRESS) return 'address';
  return null;
}

/** The address guesses are counted against: IPv4 as it is (also when written IPv4-mapped), IPv6 by its /64 network, because one household or device is given a whole /64 and could otherwise change address for every guess. */
export function guessingAddressOf(clientAddress: string | null): string {
  if (!clientAddress) return 'unknown';
  const address = clientAddress.trim().toLowerCase().split('%')[0]!;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(':')) return address;
  return `${ipv6Groups(address).slice(0, 4).join(':')}::/64`;
}

/** The eight groups of an IPv6 address, with `::` expanded and leading zeros dropped. */
function ipv6Groups(address: string): string[] {
  const [head = '', tail] = address.split('::');
  const groupsOf = (part: string) => (part ? part.split(':') : []);
  const width = (groups: string[]) => groups.reduce((sum, group) => sum + (group.includes('.') ? 2 : 1), 0);
  const left = groupsOf(head);
  const right = tail === undefined ? [] : groupsOf(tail);
  const zeros = tail === undefined ? [] : Array<string>(Math.max(0, 8 - width(left) - width(right))).fill('0');
  return [...left, ...zeros, ...right].map((group) => group.replace(/^0+(?=.)/, ''));
}
