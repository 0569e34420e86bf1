/** The outcome fields of the session and discharge bodies and the referral read (issue #15 item 3, decision 0053); which service needs which is in outcome-fields.rules.ts. */
import { Type } from 'typebox';
import type { ReferralOutcomes } from '../../domains/referrals/referral-outcomes.service.ts';
import { GAD7_MAX, PHQ9_MAX } from '../../domains/provider-quality/outcome.rules.ts';

const IsoDate = (description: string) => Type.String({ maxLength: 10, description: `YYYY-MM-DD: ${description}` });

export const ContactOutcomeFields = {
  phq9Score: Type.Optional(
    Type.Integer({ description: `PHQ-9, 0–${PHQ9_MAX}: required at an attended talking-therapies session, refused anywhere else` }),
  ),
  gad7Score: Type.Optional(
    Type.Integer({ description: `GAD-7, 0–${GAD7_MAX}: required at an attended talking-therapies session, refused anywhere else` }),
  ),
  reportedOn: Type.Optional(
    IsoDate('for a scan the patient attended, the day its report was sent, if it has been (not before the test, not in the future)'),
  ),
};

export const DischargeOutcomeFields = {
  aidsFitted: Type.Optional(Type.Integer({ description: 'Hearing aids fitted, 0, 1 or 2: required for adult hearing, refused otherwise' })),
};

export const ReportBody = Type.Object({ reportedOn: IsoDate('the day the report was sent: not before the test, not in the future') });

export const Report = Type.Object({
  ubrn: Type.String(),
  contactId: Type.String(),
  testOn: Type.String(),
  reportedOn: Type.String(),
});

const Nullable = <T extends ReturnType<typeof Type.String | typeof Type.Integer>>(schema: T) => Type.Union([schema, Type.Null()]);

export const Outcomes = Type.Object(
  {
    aidsFitted: Nullable(Type.Integer()),
    scoredSessions: Type.Array(
      Type.Object({ contactId: Type.String(), on: Type.String(), phq9Score: Type.Integer(), gad7Score: Type.Integer() }),
    ),
    tests: Type.Array(Type.Object({ contactId: Type.String(), testOn: Type.String(), reportedOn: Nullable(Type.String()) })),
    recovery: Type.Union([Type.Object({ atStart: Type.Boolean(), recovered: Type.Boolean() }), Type.Null()], {
      description: 'NHS Talking Therapies: at caseness at the first scored session, and below it on both measures at the last',
    }),
  },
  { description: 'Outcomes recorded: scores by session (talking therapies), tests and report dates (scans), hearing aids fitted' },
);

/** The outcomes as the API shows them. */
export function outcomesJson({ aidsFitted, scoredSessions, tests, recovery }: ReferralOutcomes) {
  return { aidsFitted, scoredSessions, tests, recovery };
}
