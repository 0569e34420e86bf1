/** How a message's email went, in a line staff can read under the message (decision 0066). */
import type { EmailDelivery } from '../../../domains/compliance/outbox.service.ts';
import { formatDateTime } from '../format.ts';

/** "Email: sent …", "Email: not sent yet …" or "Email: failed after 6 attempts: …"; nothing before the first try or for older messages. */
export function emailDeliveryLine(email: EmailDelivery): string | undefined {
  switch (email.status) {
    case 'sent':
      return `Email: sent ${formatDateTime(email.sentAt)} to ${email.to ?? 'your organisation'}`;
    case 'retrying':
      return `Email: not sent yet. Attempt ${email.attempts} failed: ${email.lastError ?? 'no reason given'}. Trying again ${formatDateTime(email.nextAttemptAt)}`;
    case 'failed':
      return email.attempts === 0
        ? `Email: not sent: ${email.lastError ?? 'no reason given'}`
        : `Email: failed after ${email.attempts} attempts: ${email.lastError ?? 'no reason given'}`;
    default:
      return undefined;
  }
}
