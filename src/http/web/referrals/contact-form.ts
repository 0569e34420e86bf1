/** Reads the "record an appointment or session" form: the kind, a date and time in England, the attendance and a note. */
import type { ContactInput } from '../../../domains/referrals/referral-session.service.ts';
import { londonInstant } from '../../../lib/clock.ts';
import type { FieldError } from '../../../lib/errors.ts';
import { parseTimeOfDay } from '../../../lib/time-of-day.ts';
import { datePartsOf, isoDateFromParts } from '../date-input.ts';
import { field } from '../form.ts';

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
  if (errors.length) return { errors };
  return {
    errors,
    input: {
      kind: kind as ContactInput['kind'],
      scheduledFor: londonInstant(date.value!, time!).toISOString(),
      note: field(body, 'note'),
      ...(attendance === 'attended' || attendance === 'did-not-attend' ? { attendance } : {}),
    },
  };
}
