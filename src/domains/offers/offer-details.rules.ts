/** What an offer's own details must satisfy: a title, a contract term and a qualification window that make sense together. */
import type { FieldError } from '../../lib/errors.ts';
import { isIsoDate } from '../../lib/iso-date.ts';

export interface OfferDetails {
  title: string;
  summary: string;
  contractStart: string | null;
  contractEnd: string | null;
  windowKind: 'fixed' | 'rolling';
  windowOpens: string | null;
  windowCloses: string | null;
}

function dateError(field: string, value: string | null, label: string): FieldError | undefined {
  if (value !== null && !isIsoDate(value)) return { field, message: `${label} must be a real date` };
  return undefined;
}

/** Field errors for an offer's details, in the order the form shows the fields. */
export function offerDetailsFieldErrors(details: OfferDetails): FieldError[] {
  const errors: FieldError[] = [];
  if (!details.title) errors.push({ field: 'title', message: 'Enter a title for the offer' });
  else if (details.title.length > 200) errors.push({ field: 'title', message: 'The title must be 200 characters or fewer' });
  if (details.summary.length > 2000) errors.push({ field: 'summary', message: 'The summary must be 2,000 characters or fewer' });
  const dates = [
    dateError('contractStart', details.contractStart, 'The contract start date'),
    dateError('contractEnd', details.contractEnd, 'The contract end date'),
    dateError('windowOpens', details.windowOpens, 'The date the window opens'),
    dateError('windowCloses', details.windowCloses, 'The date the window closes'),
  ].filter((error): error is FieldError => Boolean(error));
  errors.push(...dates);
  if (dates.length) return errors;
  if ((details.contractStart === null) !== (details.contractEnd === null))
    errors.push({
      field: details.contractStart ? 'contractEnd' : 'contractStart',
      message: 'Enter both the contract start and end dates, or neither yet',
    });
  else if (details.contractStart && details.contractEnd && details.contractEnd <= details.contractStart)
    errors.push({ field: 'contractEnd', message: 'The contract must end after it starts' });
  if (!['fixed', 'rolling'].includes(details.windowKind))
    errors.push({ field: 'windowKind', message: 'Select whether the qualification window is fixed or rolling' });
  if (details.windowKind === 'fixed' && details.windowOpens && !details.windowCloses)
    errors.push({ field: 'windowCloses', message: 'Enter the date a fixed window closes' });
  if (details.windowKind === 'rolling' && details.windowCloses)
    errors.push({ field: 'windowCloses', message: 'A rolling window has no closing date: leave it empty or choose a fixed window' });
  if (details.windowOpens && details.windowCloses && details.windowCloses < details.windowOpens)
    errors.push({ field: 'windowCloses', message: 'The window must close on or after the day it opens' });
  if (details.windowCloses && details.contractEnd && details.windowCloses > details.contractEnd)
    errors.push({ field: 'windowCloses', message: 'The window must close before the contract ends' });
  return errors;
}
