/** The referral form as the referrer last typed it, kept server-side in the session between "Check eligibility" and "Send referral", so nothing typed is lost and no patient detail travels in a link. */
import type { FastifyRequest } from 'fastify';

/** Enough for every field of the form with room to grow; anything beyond is not a form a browser sent. */
const MAX_FIELDS = 80;
const MAX_FIELD_LENGTH = 5000;

export type DraftForm = Record<string, string | string[]>;

declare module '@fastify/session' {
  interface FastifySessionObject {
    /** The last referral form checked, for one service; cleared once sent. */
    referralDraft?: { serviceCode: string; form: DraftForm };
  }
}

/** The posted form's text fields (and repeated fields such as checkboxes), without the CSRF token, capped in number and length. */
export function draftFormOf(body: unknown): DraftForm {
  const entries = Object.entries((body ?? {}) as Record<string, unknown>)
    .filter(([name]) => name !== '_csrf')
    .slice(0, MAX_FIELDS);
  const kept: DraftForm = {};
  for (const [name, value] of entries) {
    if (typeof value === 'string') kept[name] = value.slice(0, MAX_FIELD_LENGTH);
    else if (Array.isArray(value))
      kept[name] = value.filter((item): item is string => typeof item === 'string').map((item) => item.slice(0, MAX_FIELD_LENGTH));
  }
  return kept;
}

/** Keeps the checked form for this service, replacing any earlier draft. */
export function keepDraft(request: FastifyRequest, serviceCode: string, body: unknown): void {
  request.session.referralDraft = { serviceCode, form: draftFormOf(body) };
}

/** The draft for this service, or undefined when there is none (a new session, or another service's form). */
export function draftFor(request: FastifyRequest, serviceCode: string): DraftForm | undefined {
  const draft = request.session.referralDraft;
  return draft?.serviceCode === serviceCode ? draft.form : undefined;
}

/** Forgets the draft once the referral is sent. */
export function dropDraft(request: FastifyRequest): void {
  request.session.referralDraft = undefined;
}
