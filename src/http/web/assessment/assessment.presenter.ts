/** View-models for the assessor's pages: the queue, the criteria with their marks, the national assurance and the decision form. */
import { REFUSAL_GROUNDS, REFUSAL_GROUND_LABELS } from '../../../domains/applications/application-status.rules.ts';
import type { AssessmentView } from '../../../domains/applications/application-view.service.ts';
import { formatDate, formatDateTime } from '../format.ts';

const ASSURANCE_STATES: Record<string, string> = {
  missing: 'Missing',
  pending: 'Not yet verified',
  verified: 'Verified',
  rejected: 'Rejected',
};

/** Each criterion with the answer it is judged on and its current mark, indexed for the form (`mark-<n>`, `note-<n>`); what was posted wins, so nothing typed is lost on an error. */
export function criteriaRows(view: AssessmentView, posted?: Record<string, string>, savedIndex?: number) {
  const answers = view.application.answers;
  const declared = (yes: boolean, text: string) => (yes ? `Declared: ${text}` : `Not declared: ${text}`);
  const evidence: Record<string, string> = {
    'standard-contract': declared(answers.acceptsContract, 'we accept the terms of the NHS Standard Contract'),
    price: declared(answers.acceptsPrice, 'we accept the offer’s price schedule'),
    capability: answers.capability,
    'referral-protocol': `${declared(answers.compliesWithProtocol, 'we will comply with the referral protocol')}. ${answers.protocolCompliance}`,
    'local-schedules': declared(answers.agreesToLocalSchedules, 'we agree to the local schedules'),
  };
  return view.criteria.map((criterion, index) => {
    const mark = view.marks.find((candidate) => candidate.criterion === criterion.id);
    const chosen = posted ? posted[`mark-${index}`] : mark ? (mark.passed ? 'pass' : 'fail') : '';
    return {
      index,
      id: criterion.id,
      title: criterion.title,
      evidence: evidence[criterion.id] ?? answers.questionAnswers[criterion.id.replace(/^question:/, '')] ?? '',
      note: posted ? (posted[`note-${index}`] ?? '') : (mark?.note ?? ''),
      marked: mark ? (mark.passed ? 'Pass' : 'Fail') : 'Not marked',
      savedNow: savedIndex === index && Boolean(mark),
      items: [
        { value: 'pass', text: 'Pass', checked: chosen === 'pass' },
        { value: 'fail', text: 'Fail', checked: chosen === 'fail' },
      ],
    };
  });
}

export function assuranceRows(view: AssessmentView) {
  return view.assurance.items.map((item) => ({
    key: { text: item.label },
    value: {
      text: `${ASSURANCE_STATES[item.state] ?? item.state}${item.expiresOn ? `, expires ${formatDate(item.expiresOn)}${item.expired ? ' (expired)' : ''}` : ''}`,
    },
  }));
}

export function groundItems(chosen: string) {
  return REFUSAL_GROUNDS.map((ground) => ({ value: ground, text: REFUSAL_GROUND_LABELS[ground], checked: chosen === ground }));
}

/** The marks as the "Check your decision" page lists them, each with a link back to change it. */
export function markSummaryRows(view: AssessmentView) {
  return criteriaRows(view).map((row) => ({
    key: { text: row.title },
    value: { text: `${row.marked}${row.note ? `: ${row.note}` : ''}` },
    actions: {
      items: [
        {
          href: `/assessment/${view.application.id}#criterion-${row.index}`,
          text: 'Change',
          visuallyHiddenText: `the mark for ${row.title}`,
        },
      ],
    },
  }));
}

/** The application's history as rows of a table that reflows at 320 px (nhsuk-frontend's responsive table). */
export function historyRows(view: AssessmentView) {
  return view.history.map((entry) => [
    { text: formatDateTime(entry.at) },
    { text: entry.toStatus },
    { text: entry.by },
    { text: entry.reason },
  ]);
}
