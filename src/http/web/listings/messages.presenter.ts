/** Messages in words for the page and its CSV (decision 0067), with how each one's email went (decision 0066). */
import type { EmailDelivery, Message } from '../../../domains/compliance/outbox.service.ts';
import { formatDateTime } from '../format.ts';
import type { ListColumns } from '../list-table.ts';

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

/** The messages as the page and its CSV both show them; the page adds its "Mark as read" button after these. */
export const MESSAGE_COLUMNS: ListColumns<Message> = [
  { heading: 'Sent', cell: (message) => formatDateTime(message.createdAt) },
  { heading: 'Subject', cell: (message) => message.subject },
  { heading: 'Message', cell: (message) => message.body },
  { heading: 'Status', cell: (message) => (message.readAt ? 'Read' : { text: 'Unread', tag: 'nhsuk-tag--blue' }) },
  { heading: 'Email', cell: (message) => emailDeliveryLine(message.email) ?? '' },
];
