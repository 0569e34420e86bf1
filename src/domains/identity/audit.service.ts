/** The audit log as the web layer uses it: events only it sees (signing out, refused access) and the log's pages for platform administrators. */
import type { Deps } from '../deps.ts';
import { type AuditEventRow, listAuditEvents, recordAudit } from './audit.repo.ts';
import type { ActionContext } from './principal.ts';

/** Records that the acting person or key signed out. */
export async function recordSignOut(deps: Deps, context: ActionContext): Promise<void> {
  await recordAudit(deps.db, context, {
    action: 'sign-out',
    entityType: 'user',
    entityId: context.principal?.kind === 'user' ? context.principal.userId : null,
  });
}

/** Records that a patient signed out of their referral (on a shared computer, say), naming the referral. */
export async function recordPatientSignOut(deps: Deps, context: ActionContext, ubrn: string): Promise<void> {
  await recordAudit(deps.db, context, { action: 'referral.patient-sign-out', entityType: 'referral', entityId: null, details: { ubrn } });
}

/** Records a request refused because the principal's role may not use the route, naming the route and the path asked for. */
export async function recordAccessDenied(
  deps: Deps,
  context: ActionContext,
  request: { route: string; path: string | undefined },
): Promise<void> {
  await recordAudit(deps.db, context, {
    action: 'access-denied',
    outcome: 'denied',
    entityType: 'route',
    entityId: request.route,
    details: { path: request.path },
  });
}

/** One page of the audit log, newest first, with a total for pagination. */
export async function auditLogPage(deps: Deps, page: { limit: number; offset: number }): Promise<{ rows: AuditEventRow[]; total: number }> {
  return listAuditEvents(deps.db, page);
}
