/** Reads the "record an appointment or session" form: the kind, a date and time in England, the attendance, a note, and the outcomes its service records (decision 0053). */
import type { ContactInput } from '../../../domains/referrals/referral-session.service.ts';
import { londonInstant } from '../../../lib/clock.ts';
import type { FieldError } from '../../../lib/errors.ts';
import { parseTimeOfDay } from '../../../lib/time-of-day.ts';
import { datePartsOf, isoDateFromParts } from '../date-input.ts';
import { field } from '../form.ts';

/** A whole number as typed, NaN for anything else (the service says what is wrong), undefined when left empty. */
function scoreFrom(body: unknown, name: string): number | undefined {
  const text = field(body, name).trim();
  if (!text) return undefined;
  return /^\d{1,3}$/.test(text) ? Number(text) : Number.NaN;
}

/** The outcomes typed (the service refuses them for a contact the patient did not attend). */
function outcomesFrom(body: unknown, errors: FieldError[]): Pick<ContactInput, 'phq9Score' | 'gad7Score' | 'reportedOn'> {
  const reported = isoDateFromParts(datePartsOf(body, 'reportedOn'), 'reportedOn', 'The date the report was sent');
  if (reported.error) errors.push(reported.error);
  const [phq9Score, gad7Score] = [scoreFrom(body, 'phq9Score'), scoreFrom(body, 'gad7Score')];
  return {
    ...(phq9Score !== undefined ? { phq9Score } : {}),
    ...(gad7Score !== undefined ? { gad7Score } : {}),
    ...(reported.value ? { reportedOn: reported.value } : {}),
  };
}

/** The contact as the service takes it, or every field error at once; the date and time are both required. */
export function contactInputFrom(body: unknown): { input?: ContactInput; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const kind = field(body, 'kind');
  if (kind !== 'appointment' && kind !== 'session')
    errors.push({ field: 'kind', message: 'Select whether you are recording an appointment or a session' });
  const date = isoDateFromParts(datePartsOf(body, 'when'), 'when', 'Date');
  if (date.error) errors.push(date.error);
  else if (!date.value) errors.push({ field: 'when', message: 'Enter the date' });
  const timeText = field(body, 'time');
  const time = parseTimeOfDay(timeText);
  if (!time) errors.push({ field: 'time', message: timeText.trim() ? 'Enter a time like 14:30 or 2:30pm' : 'Enter the time' });
  const attendance = field(body, 'attendance');
  const outcomes = outcomesFrom(body, errors);
  if (errors.length) return { errors };
  return {
    errors,
    input: {
      kind: kind as ContactInput['kind'],
      scheduledFor: londonInstant(date.value!, time!).toISOString(),
      note: field(body, 'note'),
      ...(attendance === 'attended' || attendance === 'did-not-attend' ? { attendance } : {}),
      ...outcomes,
    },
  };
}
