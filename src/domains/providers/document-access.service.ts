/** Downloading an evidence document: only the provider's own people and the national qualification centre, and every download is audited. */
import { DomainError } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext } from '../identity/principal.ts';
import { findDocument, type StoredDocument } from './document.repo.ts';
import { isVerifier } from './provider-access.ts';

const PROVIDER_ROLES = ['provider-admin', 'provider-clinician'];

/** The assurance document for a permitted reader; to anyone else, and for a referral reply's attachment (read only through its referral), it does not exist (and the refusal is audited). */
export async function downloadDocument(deps: Deps, context: ActionContext, id: string): Promise<StoredDocument> {
  const principal = context.principal;
  if (!principal) throw new DomainError('unauthenticated', 'Sign in to download documents');
  const document = await findDocument(deps.db, id);
  const ownProvider = document && PROVIDER_ROLES.includes(principal.role) && principal.organisationId === document.organisationId;
  if (!document || document.purpose !== 'assurance' || !(ownProvider || (await isVerifier(deps.db, principal)))) {
    await recordAudit(deps.db, context, {
      action: 'document.download',
      outcome: 'denied',
      entityType: 'document',
      entityId: document?.id ?? null,
    });
    throw new DomainError('not-found', 'There is no such document');
  }
  await recordAudit(deps.db, context, {
    action: 'document.download',
    entityType: 'document',
    entityId: document.id,
    details: { organisationId: document.organisationId, sha256: document.sha256 },
  });
  return document;
}
