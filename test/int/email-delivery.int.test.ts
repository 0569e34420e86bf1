/** Email delivery of outbox messages (issue #16 item 5, decision 0066) against a real SMTP server on loopback. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sendDueEmails } from '../../src/domains/email/email-delivery.service.ts';
import { smtpMailer } from '../../src/domains/email/smtp-mailer.ts';
import { insertOutboxMessage } from '../../src/domains/providers/provider-outbox.repo.ts';
import { type Clock, londonDateOf } from '../../src/lib/clock.ts';
import { startSmtpInbox, type SmtpInbox } from '../support/smtp-inbox.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { apiKeyFor, WebClient } from '../support/web-client.ts';

let now = new Date();
const clock: Clock = { now: () => new Date(now), today: () => londonDateOf(now) };
const minutesLater = (minutes: number) => void (now = new Date(now.getTime() + minutes * 60_000));

/** The test's patient: nothing of theirs may reach an email. */
const PATIENT = { givenName: 'Ada', familyName: 'Lovelace', nhsNumber: '943 476 5919', postcode: 'HX1 1UJ', dateOfBirth: '1958-12-10' };
const PATIENT_TRACES = [
  PATIENT.givenName,
  PATIENT.familyName,
  PATIENT.nhsNumber,
  PATIENT.nhsNumber.replace(/ /g, ''),
  PATIENT.postcode,
  PATIENT.postcode.replace(' ', ''),
  PATIENT.dateOfBirth,
  '10 December 1958',
  '10/12/1958',
];

describe('emailing organisations that a message is waiting on AQP', () => {
  let t: TestApp;
  let inbox: SmtpInbox;
  let practiceId: string;
  let providerId: string;
  let providerKey: string;

  beforeAll(async () => {
    [t, inbox] = await Promise.all([createTestApp({ seed: 'region', clock }), startSmtpInbox()]);
    const idOf = async (odsCode: string) =>
      (await t.deps.db.selectFrom('organisations').select('id').where('ods_code', '=', odsCode).executeTakeFirstOrThrow()).id;
    [practiceId, providerId] = await Promise.all([idOf('B84001'), idOf('DEMO1')]);
    await t.deps.db
      .insertInto('provider_profiles')
      .values({ organisation_id: providerId, provider_type: 'independent', email: 'contact@pennine-hearing.example' })
      .execute();
    providerKey = await apiKeyFor(t.app, 'provider.admin@aqp.example', 'provider-admin');
  });
  afterAll(async () => {
    await inbox.close();
    await t.close();
  });
  beforeEach(() => {
    now = new Date();
    inbox.received.length = 0;
    inbox.accept();
  });

  const messageAboutThePatient = (organisationId: string) =>
    insertOutboxMessage(
      t.deps.db,
      {
        organisationId,
        entityType: 'referral',
        entityId: '00000000-0000-4000-8000-000000000001',
        subject: `Episode closed: ${PATIENT.givenName} ${PATIENT.familyName} needs re-referral`,
        body: `${PATIENT.givenName} ${PATIENT.familyName} (NHS number ${PATIENT.nhsNumber}, born ${PATIENT.dateOfBirth}, ${PATIENT.postcode}) has had all 6 sessions.`,
      },
      clock.now(),
    );
  const sendNow = () => {
    const mailer = smtpMailer(inbox.settings);
    return sendDueEmails(t.deps, mailer, inbox.settings.baseUrl).finally(() => mailer.close());
  };
  const messagesBy = async (key: string) =>
    (await t.app.inject({ url: '/api/v1/messages', headers: { authorization: `Bearer ${key}` } })).json().items as {
      subject: string;
      email: { status: string; attempts: number; lastError: string | null; nextAttemptAt: string | null; sentAt: string | null };
    }[];

  it('emails the address a GP practice gives that a message about a referral is waiting, with a link to sign in and nothing about the patient', async () => {
    const referrer = new WebClient(t.app);
    await referrer.signIn('referrer@aqp.example');
    const refused = await referrer.submit('/organisation/contact-email', { email: 'not an address' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Enter an email address in the correct format');
    expect((await referrer.submit('/organisation/contact-email', { email: 'team@station-road.example' })).statusCode).toBe(303);
    expect((await referrer.get('/organisation')).body).toContain('team@station-road.example');
    await messageAboutThePatient(practiceId);

    expect(await sendNow()).toEqual({ sent: 1, retrying: 0, failed: 0 });

    expect(inbox.received).toHaveLength(1);
    const [email] = inbox.received;
    expect(email!.to).toEqual(['team@station-road.example']);
    expect(email!.from).toBe('aqp-no-reply@aqp.example');
    expect(email!.subject).toBe('New message on AQP about a referral');
    expect(email!.text).toContain('There is a new message for Station Road Surgery on AQP (Any Qualified Provider) about a referral.');
    expect(email!.text).toContain('https://aqp.example.nhs.uk/messages');
    for (const trace of PATIENT_TRACES) {
      expect(email!.text.toLowerCase()).not.toContain(trace.toLowerCase());
      expect(email!.raw.toLowerCase()).not.toContain(trace.toLowerCase());
    }
    expect((await referrer.get('/messages')).body).toMatch(/Email: sent \d+ \w+ \d{4} at \d+:\d\d[ap]m to team@station-road.example/);
    expect(await sendNow()).toEqual({ sent: 0, retrying: 0, failed: 0 });
  });

  it('retries a message the server refuses after 1, 5, 30, 120 and 720 minutes, showing each try, then gives up after six attempts', async () => {
    inbox.refuseWith(451, 'Mailbox busy, try again later');
    await messageAboutThePatient(providerId);
    const delays = [1, 5, 30, 120, 720];
    for (const [index, delay] of delays.entries()) {
      if (index === 3) inbox.refuseWith(550, 'Relay access denied');
      expect(await sendNow()).toEqual({ sent: 0, retrying: 1, failed: 0 });
      const [listed] = await messagesBy(providerKey);
      expect(listed!.email).toMatchObject({ status: 'retrying', attempts: index + 1, sentAt: null });
      expect(listed!.email.nextAttemptAt).toBe(new Date(now.getTime() + delay * 60_000).toISOString());
      minutesLater(delay - 1);
      expect(await sendNow(), 'not due a minute early').toEqual({ sent: 0, retrying: 0, failed: 0 });
      minutesLater(1);
    }
    expect(inbox.refusals).toBe(5);
    expect(await sendNow()).toEqual({ sent: 0, retrying: 0, failed: 1 });

    expect(inbox.received).toHaveLength(0);
    expect(inbox.refusals).toBe(6);
    const [failed] = await messagesBy(providerKey);
    expect(failed!.email).toMatchObject({ status: 'failed', attempts: 6, nextAttemptAt: null });
    expect(failed!.email.lastError).toContain('550 Relay access denied');
    minutesLater(24 * 60);
    expect(await sendNow()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    now = new Date(); // back to the real time, for the session's cookie
    const provider = new WebClient(t.app);
    await provider.signIn('provider.admin@aqp.example');
    expect((await provider.get('/messages')).body).toMatch(/Email: failed after 6 attempts: .*550 Relay access denied/);
  });

  it('sends a refused message on its next try once the server accepts again, and shows the retry on the page until then', async () => {
    inbox.refuseWith(421, 'Service not available, closing channel');
    await messageAboutThePatient(providerId);
    expect(await sendNow()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const provider = new WebClient(t.app);
    await provider.signIn('provider.admin@aqp.example');
    expect((await provider.get('/messages')).body).toContain('Email: not sent yet. Attempt 1 failed: ');
    inbox.accept();
    minutesLater(1);
    expect(await sendNow()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(inbox.received.map((email) => email.to)).toEqual([['contact@pennine-hearing.example']]);
    expect((await messagesBy(providerKey))[0]!.email).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
  });

  it('never emails a message twice when two runs send at the same time', async () => {
    for (let count = 0; count < 8; count += 1) await messageAboutThePatient(providerId);

    const runs = await Promise.all([sendNow(), sendNow()]);

    expect(runs[0]!.sent + runs[1]!.sent).toBe(8);
    expect(inbox.received).toHaveLength(8);
    expect(inbox.received.every((email) => email.to[0] === 'contact@pennine-hearing.example')).toBe(true);
    expect(await sendNow()).toEqual({ sent: 0, retrying: 0, failed: 0 });
  });

  it('does not email an organisation that has given no address, and says so under the message', async () => {
    const national = await t.deps.db.selectFrom('organisations').select('id').where('ods_code', '=', 'X24').executeTakeFirstOrThrow();
    await insertOutboxMessage(
      t.deps.db,
      { organisationId: national.id, entityType: 'listing', entityId: national.id, subject: 'A listing', body: 'Read it' },
      clock.now(),
    );
    expect(await sendNow()).toEqual({ sent: 0, retrying: 0, failed: 1 });
    const admin = new WebClient(t.app);
    await admin.signIn('national.admin@aqp.example');
    expect((await admin.get('/messages')).body).toContain('Email: not sent: NHS England has not given an email address for messages');
  });
});
