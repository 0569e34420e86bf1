/** What each page says when signing in through an identity provider does not let someone in: why, and what they can do (decision 0065). */
import type { Cis2SignInRefusal } from '../../../domains/identity/cis2-sign-in.service.ts';
import type { NhsLoginRefusal } from '../../../domains/referrals/verified-patient.service.ts';

export interface SignInProblem {
  heading: string;
  paragraphs: string[];
  steps: string[];
  next: { href: string; text: string };
  roleNames?: string[];
}

const TRY_CIS2_AGAIN = { href: '/sign-in', text: 'Go back to sign in' };
const RA = 'Ask your registration authority (the team that manages smartcards where you work) to check your roles.';

const CIS2_REFUSALS: Record<Cis2SignInRefusal['reason'], Omit<SignInProblem, 'next'>> = {
  'unknown-organisation': {
    heading: 'Your organisation does not use this service',
    paragraphs: [
      'You signed in with NHS Care Identity Service 2, but the organisation in your role is not registered with Any Qualified Provider, so we cannot give you an account.',
    ],
    steps: [
      'If you work for more than one organisation, sign in again and choose the role for the organisation that uses this service.',
      'If your organisation should be using this service, ask its commissioner (your integrated care board) to register it.',
    ],
  },
  'unmapped-role': {
    heading: 'Your role does not give access to this service',
    paragraphs: [
      'You signed in with NHS Care Identity Service 2 and your organisation uses this service, but your role there is not one that can use it, so we cannot give you an account.',
    ],
    steps: ['If you have another role at your organisation, sign in again and choose that role.', RA],
  },
  'no-roles': {
    heading: 'Your account has no roles',
    paragraphs: ['You signed in with NHS Care Identity Service 2, but it told us of no role you hold at any organisation.'],
    steps: [RA],
  },
  'account-disabled': {
    heading: 'Your account has been switched off',
    paragraphs: ['A platform administrator has switched off your account on this service.'],
    steps: ['Ask the administrator of this service at your organisation to switch it back on.'],
  },
  'no-subject': {
    heading: 'Sign-in did not finish',
    paragraphs: ['NHS Care Identity Service 2 did not tell us who you are.'],
    steps: ['Try signing in again.'],
  },
};

/** The page for a CIS2 sign-in refused here. */
export function cis2Refusal(refusal: Cis2SignInRefusal): SignInProblem {
  return { ...CIS2_REFUSALS[refusal.reason], roleNames: refusal.roleNames, next: TRY_CIS2_AGAIN };
}

const NHS_LOGIN_REFUSALS: Record<NhsLoginRefusal, Omit<SignInProblem, 'next'>> = {
  'below-p9': {
    heading: 'You need to prove who you are to see your referrals',
    paragraphs: [
      'You signed in with NHS login, but you have not yet proved who you are with photo ID, so we cannot show you your referrals.',
    ],
    steps: [
      'Prove who you are in the NHS App or on the NHS login website, then sign in here again.',
      'Or check your referral with the reference and access code in your referral letter.',
    ],
  },
  incomplete: {
    heading: 'We could not find your details',
    paragraphs: ['NHS login did not give us your NHS number and date of birth, which we need to find your referrals.'],
    steps: ['Check your referral with the reference and access code in your referral letter.'],
  },
};

/** The page for an NHS login that does not let the patient see referrals. */
export function nhsLoginRefusal(reason: NhsLoginRefusal): SignInProblem {
  return { ...NHS_LOGIN_REFUSALS[reason], next: { href: '/referral-status', text: 'Check your referral another way' } };
}

/** The page for an answer from the provider that failed its checks, or a provider that could not be reached. */
export function signInDidNotFinish(provider: 'NHS Care Identity Service 2' | 'NHS login', next: SignInProblem['next']): SignInProblem {
  return {
    heading: 'Sign-in did not finish',
    paragraphs: [
      `We could not complete your sign-in with ${provider}. This can happen if you cancelled, took too long or used the back button.`,
    ],
    steps: ['Try signing in again.'],
    next,
  };
}
