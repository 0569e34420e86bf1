/** What a browser session remembers of a sign-in through an identity provider: the checks for the answer while the person is away, and a patient NHS login verified. */
import type { FastifyRequest } from 'fastify';
import type { VerifiedPatient } from '../../../domains/referrals/verified-patient.service.ts';
import type { PendingAuthorization, RelyingParty } from './oidc-relying-party.ts';

/** The identity providers this deployment signs people in through (src/config, decision 0065); absent ones are off. */
export interface FederatedSignIn {
  cis2?: RelyingParty;
  nhsLogin?: RelyingParty;
}

/** A patient's NHS login lasts as long as access by reference and code does. */
export const VERIFIED_PATIENT_MINUTES = 30;

declare module 'fastify' {
  interface FastifyInstance {
    /** Which identity providers are on, for the pages that offer them. */
    federatedSignIn: { cis2: boolean; nhsLogin: boolean };
  }
}

declare module '@fastify/session' {
  interface FastifySessionObject {
    /** A sign-in sent to an identity provider and not yet back: which provider, its checks and where to go after. */
    pendingAuthorization?: PendingAuthorization & { provider: keyof FederatedSignIn; returnTo: string };
    /** The patient NHS login verified to P9, until the time given (ms since the epoch). */
    verifiedPatient?: VerifiedPatient & { until: number };
  }
}

/** Takes the pending sign-in for this provider out of the session (an answer is used once), or undefined when there is none. */
export function takePendingAuthorization(request: FastifyRequest, provider: keyof FederatedSignIn) {
  const pending = request.session.pendingAuthorization;
  request.session.pendingAuthorization = undefined;
  return pending?.provider === provider ? pending : undefined;
}

/** The patient NHS login verified in this session, while that lasts. */
export function verifiedPatientOf(request: FastifyRequest): VerifiedPatient | undefined {
  const patient = request.session.verifiedPatient;
  if (!patient || patient.until < Date.now()) return undefined;
  return { subject: patient.subject, nhsNumber: patient.nhsNumber, dateOfBirth: patient.dateOfBirth };
}

/** Starts a fresh session (against fixation) once a person is signed in. */
export function regenerateSession(request: FastifyRequest): Promise<void> {
  return new Promise((resolve, reject) => request.session.regenerate((error) => (error ? reject(error) : resolve())));
}
