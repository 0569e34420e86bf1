/** Appointments and sessions with attendance (issue #6 item 6); at the pack's session cap the episode closes and the referring practice is told the patient needs re-referral. */
import { londonDateOf } from '../../lib/clock.ts';
import { DomainError, type FieldError, validationFailed } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import type { Executor } from '../../db/executor.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext } from '../identity/principal.ts';
import { actingUserId } from '../offers/offer-access.ts';
import { recordContactActivity } from '../payments/platform-activity.service.ts';
import { insertOutboxMessage } from '../providers/provider-outbox.repo.ts';
import { contactOutcomeErrors, outcomeFieldsFor } from './outcome-fields.rules.ts';
import { countAttendedSession, episodeProgressOf, insertContact, sessionCapOf } from './referral-episode.repo.ts';
import { isInTreatment, REFERRAL_STATUS_LABELS, reachesSessionCap } from './referral-status.rules.ts';
import { lockReferral, type ReferralRecord } from './referral.repo.ts';
import { moveReferralIn } from './referral-transition.service.ts';

export interface ContactInput {
  kind: 'appointment' | 'session';
  scheduledFor?: string;
  attendance?: 'attended' | 'did-not-attend';
  note?: string;
  /** At an attended talking-therapies session (required there, decision 0053). */
  phq9Score?: number;
  gad7Score?: number;
  /** For a scan the patient attended: the day its report was sent, when it already has been. */
  reportedOn?: string;
}

export interface ContactOutcome {
  contactId: string;
  sessionsAttended: number;
  sessionCap: number | null;
  status: 'accepted' | 'episode-closed';
}

/** Field errors for a contact: a session needs its attendance and cannot be in the future; a date, when given, must be a real instant. */
export function contactErrors(input: ContactInput, today: string): FieldError[] {
  const errors: FieldError[] = [];
  if (input.kind === 'session' && !input.attendance)
    errors.push({ field: 'attendance', message: 'Say whether the patient attended the session' });
  if (input.scheduledFor && Number.isNaN(Date.parse(input.scheduledFor)))
    errors.push({ field: 'scheduledFor', message: 'Enter the date and time of the appointment' });
  else if (input.kind === 'session' && input.scheduledFor && londonDateOf(new Date(input.scheduledFor)) > today)
    errors.push({ field: 'scheduledFor', message: 'A session that has taken place must be today or in the past' });
  if ((input.note ?? '').length > 2000) errors.push({ field: 'note', message: 'The note must be 2000 characters or fewer' });
  return errors;
}

async function tellReferrerToReRefer(trx: Executor, referral: ReferralRecord, cap: number, at: Date): Promise<void> {
  if (!referral.referrer.organisationId) return;
  await insertOutboxMessage(
    trx,
    {
      organisationId: referral.referrer.organisationId,
      entityType: 'referral',
      entityId: referral.id,
      subject: `Episode closed: ${referral.patient.givenName} ${referral.patient.familyName} needs re-referral`,
      body: `${referral.chosen?.providerName ?? 'The provider'} has delivered all ${cap} sessions allowed for referral ${referral.ubrn} (${referral.offer.serviceName}). The episode is closed; if the patient needs more care, make a new referral.`,
    },
    at,
  );
}

/** Every field error of a contact at once: its own fields, then the outcomes its service records (decision 0053). */
function allContactErrors(input: ContactInput, serviceCode: string, today: string): FieldError[] {
  const errors = contactErrors(input, today);
  const testOn = input.scheduledFor && !errors.length ? londonDateOf(new Date(input.scheduledFor)) : today;
  return [...errors, ...contactOutcomeErrors(outcomeFieldsFor(serviceCode), input, testOn, today)];
}

/** The outcomes given with a contact, once checked: scores and a report date only where they were given. */
function outcomesOf(input: ContactInput): { phq9Score?: number; gad7Score?: number; reportedOn?: string } {
  return {
    ...(input.phq9Score !== undefined ? { phq9Score: input.phq9Score } : {}),
    ...(input.gad7Score !== undefined ? { gad7Score: input.gad7Score } : {}),
    ...(input.reportedOn !== undefined ? { reportedOn: input.reportedOn } : {}),
  };
}

function platformReferralOf(referral: ReferralRecord, providerId: string) {
  return { id: referral.id, ubrn: referral.ubrn, offerId: referral.offer.id, providerId };
}

/** Records an appointment or a session; an attended session that reaches the cap closes the episode in the same transaction. */
export async function recordContact(
  deps: Deps,
  context: ActionContext,
  referral: ReferralRecord,
  input: ContactInput,
): Promise<ContactOutcome> {
  const errors = allContactErrors(input, referral.offer.serviceCode, deps.clock.today());
  if (errors.length) throw validationFailed(errors);
  return deps.db.transaction().execute(async (trx) => {
    const current = await lockReferral(trx, referral.id);
    if (!isInTreatment(current.status))
      throw new DomainError(
        'invalid-transition',
        `Sessions can be recorded only for an accepted referral: this one is ${REFERRAL_STATUS_LABELS[current.status].toLowerCase()}`,
      );
    const at = deps.clock.now();
    const attendance = input.kind === 'session' ? input.attendance! : (input.attendance ?? null);
    const contactId = await insertContact(trx, {
      referralId: referral.id,
      kind: input.kind,
      scheduledFor: input.scheduledFor ? new Date(input.scheduledFor) : null,
      attendance,
      note: (input.note ?? '').trim(),
      at,
      userId: actingUserId(context),
      ...outcomesOf(input),
    });
    if (referral.chosen)
      await recordContactActivity(trx, deps, context, platformReferralOf(referral, referral.chosen.providerOrganisationId), {
        id: contactId,
        attendance,
        activityDate: input.scheduledFor ? londonDateOf(new Date(input.scheduledFor)) : deps.clock.today(),
      });
    const counts = input.kind === 'session' && attendance === 'attended';
    const attended = counts
      ? await countAttendedSession(trx, referral.id, at)
      : (await episodeProgressOf(trx, referral.id)).sessionsAttended;
    await recordAudit(trx, context, {
      action: 'referral.contact',
      entityType: 'referral',
      entityId: referral.id,
      details: {
        ubrn: referral.ubrn,
        contactId,
        kind: input.kind,
        attendance,
        sessionsAttended: attended,
        outcomes: Object.keys(outcomesOf(input)),
      },
    });
    const cap = await sessionCapOf(trx, referral.offer.id);
    if (!counts || !reachesSessionCap(attended, cap))
      return { contactId, sessionsAttended: attended, sessionCap: cap ?? null, status: 'accepted' };
    const locked = await lockReferral(trx, referral.id);
    await moveReferralIn(
      trx,
      deps,
      context,
      { ...referral, version: locked.version },
      {
        to: 'episode-closed',
        actor: 'system',
        action: 'referral.episode-close',
        comment: `Session cap of ${cap} reached: the patient needs re-referral`,
        details: { sessionCap: cap },
      },
    );
    await tellReferrerToReRefer(trx, referral, cap!, at);
    return { contactId, sessionsAttended: attended, sessionCap: cap!, status: 'episode-closed' };
  });
}
