/**
 * The email that tells an organisation a message is waiting on AQP (decision 0066). It is built from the message's kind and the
 * organisation's name only, never from the message's subject or body, which can name a patient: an email leaves the NHS's
 * systems, so it says only that there is something to read and where to sign in to read it.
 */

/** What each kind of message (its `entity_type`) is about, in words that identify no one. */
const ABOUT: Record<string, string> = {
  referral: 'a referral',
  application: 'an application to provide a service',
  'assurance-evidence': 'your national assurance',
  invitation: 'an invitation to join AQP',
  listing: 'a listing',
  breach: 'a contract performance notice',
  'line-query': 'a query on an activity line',
  statement: 'a payment statement',
  'budget-plan': 'a budget',
};

export interface MessageEmailInput {
  /** The message's kind (`outbox_messages.entity_type`); an unknown kind gets the general wording. */
  kind: string | null;
  /** The organisation the message is for (not patient data). */
  organisationName: string;
  /** Where people sign in, without a trailing slash (AQP_PUBLIC_BASE_URL). */
  baseUrl: string;
}

export interface MessageEmail {
  subject: string;
  text: string;
}

/** The subject and plain-text body of the notification: kind and organisation only, so no patient can be named in it. */
export function messageEmail(input: MessageEmailInput): MessageEmail {
  const about = (input.kind && ABOUT[input.kind]) || 'your organisation’s work on AQP';
  return {
    subject: `New message on AQP about ${about}`,
    text: [
      'Hello,',
      '',
      `There is a new message for ${input.organisationName} on AQP (Any Qualified Provider) about ${about}.`,
      '',
      'To keep patients’ information safe, we do not put messages in emails. Sign in to read it:',
      `${input.baseUrl}/messages`,
      '',
      'This email was sent automatically. Do not reply to it.',
    ].join('\n'),
  };
}
