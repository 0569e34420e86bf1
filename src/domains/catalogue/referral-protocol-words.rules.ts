/** Who a referral protocol is for, in the words a patient reads in the directory ("For adults 55 and over. Your GP refers you."). */
import type { ReferralProtocol } from './referral-protocol.schema.ts';

const ADULT_AGE = 18;

function ageInWords(ageMin: number | undefined, ageMax: number | undefined, people: string): string {
  if (ageMin !== undefined && ageMax !== undefined) return `${people} aged ${ageMin} to ${ageMax}`;
  if (ageMax !== undefined) return `${people} aged ${ageMax} and under`;
  if (ageMin === undefined || ageMin === 0) return `${people} of any age`;
  return `${people} ${ageMin} and over`;
}

function whoInWords(protocol: Pick<ReferralProtocol, 'ageMin' | 'ageMax' | 'sexes'>): string {
  const onlyOne = protocol.sexes.length === 1 ? protocol.sexes[0] : undefined;
  const adults = (protocol.ageMin ?? 0) >= ADULT_AGE;
  const people = onlyOne === 'female' ? 'women' : onlyOne === 'male' ? 'men' : adults ? 'adults' : 'people';
  if (adults && protocol.ageMin === ADULT_AGE && protocol.ageMax === undefined)
    return people === 'adults' ? 'adults' : `${people} 18 and over`;
  return ageInWords(protocol.ageMin, protocol.ageMax, people);
}

function routesInWords(routes: ReferralProtocol['routes']): string {
  const referrers = routes.includes('other-clinician') ? 'a GP or another clinician' : routes.includes('gp') ? 'a GP' : null;
  if (routes.includes('self')) return referrers ? `You can refer yourself, or be referred by ${referrers}.` : 'You refer yourself.';
  return `You need a referral from ${referrers ?? 'a GP'}.`;
}

/** The offer's eligibility in plain words, from the protocol's age, sex and referral-route rules. */
export function eligibilityInWords(protocol: Pick<ReferralProtocol, 'ageMin' | 'ageMax' | 'sexes' | 'routes'>): string {
  return `For ${whoInWords(protocol)}. ${routesInWords(protocol.routes)}`;
}
