/** A referral protocol as data (PRODUCT.md §3.5): who may be referred, by whom, and what sends a patient elsewhere. */
import { type Static, Type } from 'typebox';

export const REFERRAL_ROUTES = ['gp', 'other-clinician', 'self'] as const;
export const PRIORITIES = ['routine', 'urgent'] as const;
export const SEXES = ['female', 'male'] as const;

const Id = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 60 });
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });

export const ExclusionQuestion = Type.Object(
  {
    id: Id,
    question: Text(300),
    /** Where to send the patient instead when answered "yes", e.g. "Refer to ENT": written for referrers. */
    redirectAdvice: Text(300),
    /** What a patient referring themselves is told instead when answered "yes", in plain words: what to do now (decision 0031). */
    patientAdvice: Type.Optional(Text(600)),
    /** True for a safety exclusion: "yes" may mean the person needs help now, so patients see the advice as urgent care advice. */
    urgent: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const Prerequisite = Type.Object(
  {
    id: Id,
    question: Text(300),
    /** What must happen first when answered "no", e.g. "Clear the wax before referring". */
    adviceIfNotMet: Text(300),
  },
  { additionalProperties: false },
);

export const ReferralProtocol = Type.Object(
  {
    schemaVersion: Type.Literal(1),
    ageMin: Type.Optional(Type.Integer({ minimum: 0, maximum: 120 })),
    ageMax: Type.Optional(Type.Integer({ minimum: 0, maximum: 120 })),
    /** Empty means any sex. */
    sexes: Type.Array(Type.Enum(SEXES), { uniqueItems: true }),
    routes: Type.Array(Type.Enum(REFERRAL_ROUTES), { minItems: 1, uniqueItems: true }),
    exclusions: Type.Array(ExclusionQuestion, { maxItems: 40 }),
    prerequisites: Type.Array(Prerequisite, { maxItems: 20 }),
    repeatLimit: Type.Optional(
      Type.Object(
        {
          maxReferrals: Type.Integer({ minimum: 1, maximum: 20 }),
          withinMonths: Type.Integer({ minimum: 1, maximum: 60 }),
          per: Type.Enum(['service', 'body-area']),
        },
        { additionalProperties: false },
      ),
    ),
    priorities: Type.Array(Type.Enum(PRIORITIES), { minItems: 1, uniqueItems: true }),
    /** A provider must accept or return a referral within this many working days. */
    acceptanceDeadlineWorkingDays: Type.Integer({ minimum: 1, maximum: 60 }),
  },
  { additionalProperties: false },
);

export type ReferralProtocol = Static<typeof ReferralProtocol>;
