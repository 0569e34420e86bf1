/** The schema of one currency a pack pays (issue #14 item 1; decision 0042), apart from the pack so its rules can use it. */
import { type Static, Type } from 'typebox';

/** What one payable currency counts: `item` is a thing supplied or done outside a visit (a hearing-aid repair). */
export const PAYABLE_UNITS = ['pathway', 'episode', 'session', 'test', 'item', 'provision'] as const;

/** A currency's code: kebab-case (`aftercare-visit`) or a National Cost Collection code (`AS05`). */
export const CURRENCY_CODE_PATTERN = '^([a-z0-9]+(-[a-z0-9]+)*|[A-Z][A-Z0-9]{2,5})$';

/** One unit the offer pays for (issue #14 item 1; decision 0042): a pack pays one or more of these. */
export const PayableCurrency = Type.Object(
  {
    code: Type.String({ pattern: CURRENCY_CODE_PATTERN, maxLength: 40 }),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    unit: Type.Enum(PAYABLE_UNITS),
    /** The National Cost Collection currency it is counted as, where one fits (AS05, RD40Z). */
    nationalCostCode: Type.Optional(Type.String({ pattern: '^[A-Z][A-Z0-9]{2,5}$' })),
    /** Paid at most once for one referral (a hearing pathway, a scan). */
    oncePerReferral: Type.Boolean(),
    /** The national default for paying a did-not-attend (DNA); an offer's price schedule may say otherwise. */
    dnaPayable: Type.Boolean(),
    /** The most units of this currency one referral pays for (back and neck pain: 8 sessions). */
    sessionCap: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    description: Type.String({ minLength: 1, maxLength: 1000 }),
  },
  { additionalProperties: false },
);
export type PayableCurrency = Static<typeof PayableCurrency>;
