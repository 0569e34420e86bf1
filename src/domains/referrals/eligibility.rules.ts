/** The eligibility engine (PRODUCT.md §3.5): an offer's referral protocol judged against one referral, with every reason and the advice to give. */
import type { ReferralProtocol } from '../catalogue/referral-protocol.schema.ts';

export type ReferralRoute = ReferralProtocol['routes'][number];

export interface EarlierReferral {
  referredOn: string;
  bodyArea: string | null;
}

export interface ReferralFacts {
  referralDate: string;
  dateOfBirth: string;
  sex: 'female' | 'male' | 'unknown';
  route: ReferralRoute;
  priority: string;
  /** Answers by question id: true means "yes". */
  exclusionAnswers: Record<string, boolean | undefined>;
  prerequisiteAnswers: Record<string, boolean | undefined>;
  bodyArea: string | null;
  /** The patient's earlier referrals to this service that still count (not cancelled in error). */
  earlierReferrals: EarlierReferral[];
}

export type ReasonCode =
  | 'too-young'
  | 'too-old'
  | 'sex'
  | 'route'
  | 'priority'
  | 'exclusion'
  | 'prerequisite'
  | 'unanswered'
  | 'repeat-limit'
  | 'body-area-missing';

export interface IneligibilityReason {
  code: ReasonCode;
  message: string;
  /** What to do instead, from the protocol where it gives advice: written for referrers. */
  advice?: string;
  /** What a patient referring themselves is told instead, where the protocol gives patient wording. */
  patientAdvice?: string;
  /** True when the protocol marks the exclusion as a safety one: the person may need help now. */
  urgent?: boolean;
  questionId?: string;
}

export interface EligibilityResult {
  eligible: boolean;
  ageOnReferralDate: number;
  reasons: IneligibilityReason[];
}

/** Whole years between a date of birth and a date; a birthday on 29 February falls on 1 March in other years. */
export function ageOn(dateOfBirth: string, onDate: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  const hadBirthday = m > bm || (m === bm && d >= bd);
  return y - by - (hadBirthday ? 0 : 1);
}

function monthsBefore(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

const ROUTE_NAMES: Record<ReferralRoute, string> = {
  gp: 'a GP',
  'other-clinician': 'another clinician',
  self: 'the patient (self-referral)',
};

function ageReasons(protocol: ReferralProtocol, age: number): IneligibilityReason[] {
  if (protocol.ageMin !== undefined && age < protocol.ageMin)
    return [
      {
        code: 'too-young',
        message: `The patient is ${age} on the referral date; this service is for people aged ${protocol.ageMin}${protocol.ageMax !== undefined ? ` to ${protocol.ageMax}` : ' and over'}`,
      },
    ];
  if (protocol.ageMax !== undefined && age > protocol.ageMax)
    return [
      {
        code: 'too-old',
        message: `The patient is ${age} on the referral date; this service is for people aged ${protocol.ageMax} and under`,
      },
    ];
  return [];
}

/** The reason a protocol refuses a referral route, if it does: self-referral is allowed only where the protocol lists 'self'. */
export function routeReasons(protocol: ReferralProtocol, route: ReferralRoute): IneligibilityReason[] {
  if (protocol.routes.includes(route)) return [];
  return [
    {
      code: 'route',
      message: `This service does not accept referrals from ${ROUTE_NAMES[route]}; it accepts referrals from ${protocol.routes.map((allowed) => ROUTE_NAMES[allowed]).join(' or ')}`,
    },
  ];
}

function questionReasons(protocol: ReferralProtocol, facts: ReferralFacts): IneligibilityReason[] {
  const reasons: IneligibilityReason[] = [];
  for (const exclusion of protocol.exclusions) {
    const answer = facts.exclusionAnswers[exclusion.id];
    if (answer === undefined) reasons.push({ code: 'unanswered', message: `Answer: ${exclusion.question}`, questionId: exclusion.id });
    else if (answer) {
      reasons.push({
        code: 'exclusion',
        message: `Answered yes: ${exclusion.question}`,
        advice: exclusion.redirectAdvice,
        questionId: exclusion.id,
        ...(exclusion.patientAdvice && { patientAdvice: exclusion.patientAdvice }),
        ...(exclusion.urgent && { urgent: true }),
      });
    }
  }
  for (const prerequisite of protocol.prerequisites) {
    const answer = facts.prerequisiteAnswers[prerequisite.id];
    if (answer === undefined)
      reasons.push({ code: 'unanswered', message: `Answer: ${prerequisite.question}`, questionId: prerequisite.id });
    else if (!answer)
      reasons.push({
        code: 'prerequisite',
        message: `Not done: ${prerequisite.question}`,
        advice: prerequisite.adviceIfNotMet,
        questionId: prerequisite.id,
      });
  }
  return reasons;
}

function repeatReasons(protocol: ReferralProtocol, facts: ReferralFacts): IneligibilityReason[] {
  const limit = protocol.repeatLimit;
  if (!limit) return [];
  if (limit.per === 'body-area' && !facts.bodyArea)
    return [{ code: 'body-area-missing', message: 'Say which body area the referral is for: this service limits referrals per body area' }];
  const since = monthsBefore(facts.referralDate, limit.withinMonths);
  const counted = facts.earlierReferrals.filter(
    (earlier) =>
      earlier.referredOn > since &&
      earlier.referredOn <= facts.referralDate &&
      (limit.per === 'service' || earlier.bodyArea === facts.bodyArea),
  );
  if (counted.length < limit.maxReferrals) return [];
  const scope = limit.per === 'body-area' ? ` for the ${facts.bodyArea}` : '';
  return [
    {
      code: 'repeat-limit',
      message: `The patient has had ${counted.length} referral${counted.length === 1 ? '' : 's'}${scope} in the last ${limit.withinMonths} months; the limit is ${limit.maxReferrals}`,
      advice: 'Review the patient’s earlier episode with the provider, or refer to another service.',
    },
  ];
}

/** Judges a referral against a protocol: eligible only with no reason against it; every reason is returned, not just the first. */
export function evaluateEligibility(protocol: ReferralProtocol, facts: ReferralFacts): EligibilityResult {
  const age = ageOn(facts.dateOfBirth, facts.referralDate);
  const reasons: IneligibilityReason[] = [...ageReasons(protocol, age)];
  if (protocol.sexes.length && !protocol.sexes.includes(facts.sex as 'female' | 'male'))
    reasons.push({ code: 'sex', message: `This service is for ${protocol.sexes.join(' and ')} patients only` });
  reasons.push(...routeReasons(protocol, facts.route));
  if (!(protocol.priorities as string[]).includes(facts.priority))
    reasons.push({ code: 'priority', message: `This service takes ${protocol.priorities.join(' or ')} referrals only` });
  reasons.push(...questionReasons(protocol, facts), ...repeatReasons(protocol, facts));
  return { eligible: reasons.length === 0, ageOnReferralDate: age, reasons };
}
