/** API keys for systems: shown once at creation, stored hashed, scoped to one organisation and role, revocable. */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { DomainError, validationFailed } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import { liveKeyByPrefix } from './api-key-cache.ts';
import { findApiKey, insertApiKey, listApiKeys, markRevoked, type ApiKeySummary, touchApiKey } from './api-key.repo.ts';
import { recordAudit } from './audit.repo.ts';
import { RecentMap } from '../../lib/recent-map.ts';
import { findOrganisationById, isUuid } from './organisation.repo.ts';
import type { ActionContext, ApiKeyPrincipal, Principal } from './principal.ts';
import { isRole, mayHoldRole, mayManageApiKeys, ROLE_LABELS, type Role } from './roles.rules.ts';

export type { ApiKeySummary } from './api-key.repo.ts';

const TOKEN = /^aqp_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

/** SHA-256 suffices for high-entropy random secrets (unlike passwords) and keeps authentication fast. */
function hashSecret(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function randomPrefix(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(randomBytes(12), (byte) => alphabet[byte % alphabet.length]).join('');
}

/** True when the principal may create or revoke keys for that organisation. */
export function mayManageKeysOf(principal: Principal | null, organisationId: string): boolean {
  if (!principal) return false;
  if (principal.role === 'platform-admin') return true;
  return principal.organisationId === organisationId && mayManageApiKeys(principal.role);
}

/** Creates a key and returns its token once; only its hash is kept. CLI callers pass a null principal. */
export async function createApiKey(
  deps: Deps,
  context: ActionContext,
  input: { organisationId: string; name: string; role: string },
  options: { trusted?: boolean } = {},
): Promise<{ key: ApiKeySummary; token: string }> {
  const errors = [];
  const name = input.name.trim();
  if (!name) errors.push({ field: 'name', message: 'Enter a name for the key, such as the system that will use it' });
  else if (name.length > 100) errors.push({ field: 'name', message: 'Name must be 100 characters or fewer' });
  if (!isRole(input.role)) errors.push({ field: 'role', message: 'Select the role the key acts in' });
  if (errors.length) throw validationFailed(errors);
  if (context.principal?.kind === 'api-key')
    throw new DomainError(
      'forbidden',
      'API keys are created by people, on the API keys page or with aqp api-keys create, never by another key',
    );
  const organisation = isUuid(input.organisationId) ? await findOrganisationById(deps.db, input.organisationId) : undefined;
  if (!organisation) throw new DomainError('not-found', 'Organisation not found');
  if (!options.trusted && !mayManageKeysOf(context.principal, organisation.id)) {
    throw new DomainError('forbidden', 'You cannot manage API keys for this organisation');
  }
  const role = input.role as Role;
  if (!mayHoldRole(organisation.kind, role)) {
    throw validationFailed([{ field: 'role', message: `${organisation.name} cannot give the role ${ROLE_LABELS[role]}` }]);
  }
  const prefix = randomPrefix();
  const token = `aqp_${prefix}_${randomBytes(32).toString('base64url')}`;
  const createdByUserId = context.principal?.kind === 'user' ? context.principal.userId : null;
  const key = await deps.db.transaction().execute(async (trx) => {
    const created = await insertApiKey(trx, {
      organisationId: organisation.id,
      name,
      role,
      prefix,
      secretHash: hashSecret(token),
      createdByUserId,
    });
    await recordAudit(trx, context, {
      action: 'api-key.create',
      entityType: 'api-key',
      entityId: created.id,
      details: { organisationId: organisation.id, role },
    });
    return created;
  });
  return { key, token };
}

/** An organisation's keys, live and revoked, for the people who manage them. */
export async function apiKeysOf(deps: Deps, organisationId: string): Promise<ApiKeySummary[]> {
  return listApiKeys(deps.db, organisationId);
}

/** Revokes a key at once; later requests with it are refused. */
export async function revokeApiKey(deps: Deps, context: ActionContext, keyId: string, options: { trusted?: boolean } = {}): Promise<void> {
  const key = isUuid(keyId) ? await findApiKey(deps.db, keyId) : undefined;
  if (!key) throw new DomainError('not-found', 'API key not found');
  if (!options.trusted && !mayManageKeysOf(context.principal, key.organisationId)) {
    throw new DomainError('forbidden', 'You cannot manage API keys for this organisation');
  }
  if (key.revokedAt) throw new DomainError('conflict', 'This API key has already been revoked');
  await deps.db.transaction().execute(async (trx) => {
    await markRevoked(trx, key.id, deps.clock.now());
    await recordAudit(trx, context, { action: 'api-key.revoke', entityType: 'api-key', entityId: key.id });
  });
}

/** How often a key's use is written down; within it a key in steady use costs no write and, on this node, no round trip. */
const USE_RECORDED_EVERY_MS = 5 * 60_000;

/** When this node last recorded each key's use, per database (bounded: the least recently used keys are forgotten first). */
const usesRecorded = new WeakMap<Deps['db'], RecentMap<string, number>>();

/** Records a key's use at most every five minutes: the database skips a fresh one, and this node skips the query when it wrote one itself. */
async function recordUse(deps: Deps, keyId: string): Promise<void> {
  const at = deps.clock.now();
  const recorded = usesRecorded.get(deps.db) ?? new RecentMap<string, number>(10_000);
  usesRecorded.set(deps.db, recorded);
  const last = recorded.get(keyId);
  if (last !== undefined && at.getTime() - last < USE_RECORDED_EVERY_MS && at.getTime() >= last) return;
  await touchApiKey(deps.db, keyId, at, USE_RECORDED_EVERY_MS);
  recorded.set(keyId, at.getTime());
}

/** Resolves a bearer token to its principal, or undefined when it is malformed, unknown or revoked. */
export async function authenticateApiKey(deps: Deps, token: string): Promise<ApiKeyPrincipal | undefined> {
  const match = TOKEN.exec(token);
  if (!match) return undefined;
  const key = await liveKeyByPrefix(deps.db, match[1]!);
  if (!key) return undefined;
  const expected = Buffer.from(key.secretHash, 'hex');
  const actual = Buffer.from(hashSecret(token), 'hex');
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return undefined;
  await recordUse(deps, key.id);
  return {
    kind: 'api-key',
    apiKeyId: key.id,
    name: key.name,
    organisationId: key.organisationId,
    organisationName: key.organisationName,
    role: key.role,
  };
}
