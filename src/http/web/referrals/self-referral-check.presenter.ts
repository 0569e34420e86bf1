/** The check-your-answers page of a self-referral: every answer as an NHS summary list row whose Change link returns to the form, answers kept. */
import { INFORMATION_FORMATS, ACCESS_NEEDS, type PatientContactInput } from '../../../domains/referrals/patient-contact.rules.ts';
import type { SelfReferralInput } from '../../../domains/referrals/self-referral-input.rules.ts';
import { formatDate } from '../format.ts';
import { ACCESS_LABELS, FORMAT_LABELS } from './patient-contact.presenter.ts';
import type { SelfReferralForm } from './self-referral-page.ts';
import { locationQuery } from './self-referral-form.ts';

const SEXES: Record<string, string> = { female: 'Female', male: 'Male', unknown: 'I would rather not say' };
const DELIVERIES: Record<string, string> = { email: 'By email', text: 'By text message' };

interface Row {
  key: { text: string };
  value: { text: string };
  actions: { items: { href: string; text: string; visuallyHiddenText: string }[] };
}

function needsText(contact: PatientContactInput) {
  const formats = INFORMATION_FORMATS.filter((format) => contact.formats.includes(format)).map((format) => FORMAT_LABELS[format]);
  const access = ACCESS_NEEDS.filter((need) => contact.access.includes(need)).map((need) =>
    ACCESS_LABELS[need].replace('Someone with them', 'Someone with me'),
  );
  return {
    interpreter: contact.interpreterLanguage.trim() ? `Yes: ${contact.interpreterLanguage.trim()}` : 'Not needed',
    formats: formats.join(', ') || 'None',
    access: access.join(', ') || 'None',
    other: contact.otherNeeds.trim() || 'None',
  };
}

/** The rows of the check-your-answers page, grouped as the form is: about you, contact, health questions and help wanted, and needs. */
export function checkAnswersRows(form: SelfReferralForm, input: SelfReferralInput & PatientContactInput) {
  const formHref = `/self-referral/services/${form.service.serviceCode}?${locationQuery(form.location)}`;
  const row = (key: string, value: string, fieldId: string, hidden = key.toLowerCase()): Row => ({
    key: { text: key },
    value: { text: value || 'Not given' },
    actions: { items: [{ href: `${formHref}#${fieldId}`, text: 'Change', visuallyHiddenText: hidden }] },
  });
  const startHref = `/self-referral?${locationQuery(form.location)}`;
  const where = (key: string, value: string): Row => ({
    key: { text: key },
    value: { text: value },
    actions: { items: [{ href: startHref, text: 'Change', visuallyHiddenText: key.toLowerCase() }] },
  });
  const protocol = form.service.protocol.content;
  const needs = needsText(input);
  return {
    you: [
      where('Your postcode', form.postcode),
      where('Your GP surgery', form.setting.practice?.name ?? 'Not registered with a GP'),
      row('NHS number', input.nhsNumber.trim(), 'nhsNumber'),
      row('Name', `${input.givenName.trim()} ${input.familyName.trim()}`, 'givenName'),
      row('Date of birth', formatDate(input.dateOfBirth), 'dateOfBirth-day'),
      row('Sex', SEXES[input.sex] ?? '', 'sex'),
    ],
    contact: [
      row('Phone number', input.phone.trim(), 'phone'),
      row('Email address', input.email.trim(), 'email'),
      row(
        'Postal address',
        input.addressLines
          .map((line) => line.trim())
          .filter(Boolean)
          .join(', '),
        'addressLine1',
      ),
      row(
        'Send me my reference and access code',
        DELIVERIES[input.sendReferenceBy ?? ''] ?? 'No, I will write them down',
        'sendReferenceBy',
        'how to send your reference and access code',
      ),
    ],
    health: [
      ...(protocol.repeatLimit?.per === 'body-area' ? [row('Part of your body', input.bodyArea?.trim() ?? '', 'bodyArea')] : []),
      ...[...protocol.exclusions, ...protocol.prerequisites].map((question) =>
        row(question.question, input.answers[question.id] ? 'Yes' : 'No', `answer-${question.id}`, `your answer to: ${question.question}`),
      ),
      row('What help you are looking for', input.helpWanted.trim(), 'helpWanted'),
    ],
    needs: [
      row('Interpreter', needs.interpreter, 'interpreterLanguage'),
      row('Information in another format', needs.formats, 'formats'),
      row('Help at appointments', needs.access, 'access'),
      row('Anything else that would help you', needs.other, 'otherNeeds'),
    ],
  };
}
