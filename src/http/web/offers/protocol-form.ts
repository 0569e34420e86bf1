/** The referral protocol editor's form: reads the posted fields into a protocol and names each error after the box it belongs to. */
import type { ReferralProtocol } from '../../../domains/catalogue/referral-protocol.schema.ts';
import type { FieldError } from '../../../lib/errors.ts';
import { field } from '../form.ts';

/** Blank rows offered for new exclusion questions and prerequisites, since the page works without JavaScript. */
export const BLANK_ROWS = 2;

interface QuestionRow {
  row: number;
  id: string;
  question: string;
  answer: string;
}

/** Every value of a repeated field (checkboxes post one value per ticked box). */
export function fieldList(body: unknown, name: string): string[] {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return typeof value === 'string' && value ? [value] : [];
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 50)
      .replace(/-+$/, '') || 'question'
  );
}

function questionRows(body: unknown, prefix: string, answerName: string): QuestionRow[] {
  const rows: QuestionRow[] = [];
  const used = new Set<string>();
  for (let row = 0; row < 60; row += 1) {
    if ((body as Record<string, unknown>)[`${prefix}-${row}-question`] === undefined) break;
    const question = field(body, `${prefix}-${row}-question`).trim();
    const answer = field(body, `${prefix}-${row}-${answerName}`).trim();
    if (!question && !answer) continue;
    let id = field(body, `${prefix}-${row}-id`).trim() || slug(question);
    for (let n = 2; used.has(id); n += 1) id = `${slug(question)}-${n}`;
    used.add(id);
    rows.push({ row, id, question, answer });
  }
  return rows;
}

function wholeNumber(body: unknown, name: string, label: string, errors: FieldError[]): number | undefined {
  const text = field(body, name).trim();
  if (!text) return undefined;
  if (!/^\d{1,3}$/.test(text)) {
    errors.push({ field: name, message: `${label} must be a whole number` });
    return undefined;
  }
  return Number(text);
}

export interface ParsedProtocol {
  protocol: ReferralProtocol;
  exclusionRows: number[];
  prerequisiteRows: number[];
  errors: FieldError[];
}

/** Reads the editor's fields into a protocol; number boxes that are not whole numbers become errors here, the rest is left to the protocol rules. */
export function protocolFromForm(body: unknown): ParsedProtocol {
  const errors: FieldError[] = [];
  const exclusions = questionRows(body, 'exclusion', 'redirectAdvice');
  const prerequisites = questionRows(body, 'prerequisite', 'adviceIfNotMet');
  const maxReferrals = wholeNumber(body, 'repeatMaxReferrals', 'The number of referrals allowed', errors);
  const withinMonths = wholeNumber(body, 'repeatWithinMonths', 'The number of months', errors);
  const protocol = {
    schemaVersion: 1,
    ageMin: wholeNumber(body, 'ageMin', 'The minimum age', errors),
    ageMax: wholeNumber(body, 'ageMax', 'The maximum age', errors),
    sexes: fieldList(body, 'sexes'),
    routes: fieldList(body, 'routes'),
    exclusions: exclusions.map((row) => ({ id: row.id, question: row.question, redirectAdvice: row.answer })),
    prerequisites: prerequisites.map((row) => ({ id: row.id, question: row.question, adviceIfNotMet: row.answer })),
    ...(maxReferrals !== undefined || withinMonths !== undefined
      ? { repeatLimit: { maxReferrals, withinMonths, per: field(body, 'repeatPer') || 'service' } }
      : {}),
    priorities: fieldList(body, 'priorities'),
    acceptanceDeadlineWorkingDays: wholeNumber(body, 'acceptanceDeadlineWorkingDays', 'The acceptance deadline', errors),
  };
  for (const key of ['ageMin', 'ageMax', 'acceptanceDeadlineWorkingDays'] as const) if (protocol[key] === undefined) delete protocol[key];
  return {
    protocol: protocol as ReferralProtocol,
    exclusionRows: exclusions.map((row) => row.row),
    prerequisiteRows: prerequisites.map((row) => row.row),
    errors,
  };
}

const SIMPLE_MESSAGES: Record<string, [string, string]> = {
  ageMin: ['ageMin', 'Enter a minimum age from 0 to 120'],
  ageMax: ['ageMax', 'Enter a maximum age from 0 to 120'],
  sexes: ['sexes', 'Select female, male or neither'],
  routes: ['routes', 'Select who can refer: GP, other clinician or self-referral'],
  priorities: ['priorities', 'Select at least one priority'],
  acceptanceDeadlineWorkingDays: [
    'acceptanceDeadlineWorkingDays',
    'Enter the number of working days, from 1 to 60, a provider has to accept or return a referral',
  ],
  'repeatLimit.maxReferrals': ['repeatMaxReferrals', 'Enter how many referrals are allowed, from 1 to 20'],
  'repeatLimit.withinMonths': ['repeatWithinMonths', 'Enter the number of months, from 1 to 60'],
  'repeatLimit.per': ['repeatPer', 'Select whether the limit is per service or per body area'],
};

/** Moves a protocol rule's error onto the form box it concerns, in words a commissioner can act on. */
export function formErrorFor(error: FieldError, parsed: ParsedProtocol): FieldError {
  if (error.field === 'ageMax' && error.message.includes('cannot be below')) return error;
  const question = /^(exclusions|prerequisites)\.(\d+)\.(\w+)/.exec(error.field);
  if (question) {
    const isExclusion = question[1] === 'exclusions';
    const row = (isExclusion ? parsed.exclusionRows : parsed.prerequisiteRows)[Number(question[2])] ?? 0;
    const prefix = isExclusion ? 'exclusion' : 'prerequisite';
    const item = (isExclusion ? parsed.protocol.exclusions : parsed.protocol.prerequisites)[Number(question[2])];
    if (question[3] === 'question')
      return { field: `${prefix}-${row}-question`, message: `Enter the question for ${prefix} ${row + 1}, or clear its advice` };
    const what = isExclusion ? 'the advice shown when the answer is yes' : 'the advice shown when it has not been done';
    return { field: `${prefix}-${row}-${question[3]}`, message: `Enter ${what} to “${item?.question ?? ''}”` };
  }
  const key = Object.keys(SIMPLE_MESSAGES).find((name) => error.field === name || error.field.startsWith(`${name}.`));
  if (key) return { field: SIMPLE_MESSAGES[key]![0], message: SIMPLE_MESSAGES[key]![1] };
  if (error.field === 'exclusions') return { field: 'exclusion-0-question', message: error.message };
  return error;
}

/** The editor has no boxes for patient wording (decision 0031), so an exclusion kept with the same id and question keeps the previous version's patient wording and safety mark. */
export function keepPatientWording(previous: ReferralProtocol | undefined, protocol: ReferralProtocol): ReferralProtocol {
  const before = new Map((previous?.exclusions ?? []).map((exclusion) => [exclusion.id, exclusion]));
  return {
    ...protocol,
    exclusions: protocol.exclusions.map((exclusion) => {
      const earlier = before.get(exclusion.id);
      if (!earlier || earlier.question !== exclusion.question) return exclusion;
      return {
        ...exclusion,
        ...(earlier.patientAdvice && { patientAdvice: earlier.patientAdvice }),
        ...(earlier.urgent && { urgent: true }),
      };
    }),
  };
}
