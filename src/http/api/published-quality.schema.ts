/** The measured quality published beside waits in the directory and choice lists (decision 0057), as API schemas. */
import { Type } from 'typebox';
import { FFT_MINIMUM_RESPONSES } from '../../domains/provider-quality/feedback.rules.ts';

const Kpi = Type.Object({
  code: Type.String(),
  name: Type.String({ description: 'As the pack names it, e.g. Seen within 16 working days' }),
  measureKind: Type.String(),
  period: Type.Union([Type.Literal('month'), Type.Literal('quarter'), Type.Literal('rolling-12-months')]),
  periodFrom: Type.String({ format: 'date' }),
  endMonth: Type.String({ description: 'The month the period ends with, YYYY-MM' }),
  thresholdPercent: Type.Integer(),
  direction: Type.Union([Type.Literal('at-least'), Type.Literal('at-most')]),
  figure: Type.Union(
    [
      Type.Object({
        numerator: Type.Integer(),
        denominator: Type.Integer(),
        percentTenths: Type.Integer({ description: 'The value in tenths of a percent (805 is 80.5%)' }),
        met: Type.Boolean(),
      }),
      Type.Null(),
    ],
    { description: 'null when fewer than the minimum count were counted: new provider, not enough data yet' },
  ),
});

const Feedback = Type.Union(
  [
    Type.Object({ published: Type.Literal(true), responses: Type.Integer(), positivePercent: Type.Integer() }),
    Type.Object({ published: Type.Literal(false) }),
  ],
  {
    description: `The Friends and Family Test over the last 12 months: the share answering good or very good, published from ${FFT_MINIMUM_RESPONSES} responses`,
  },
);

/** The latest stored result of each KPI for the service, and patients' feedback. */
export const MeasuredQualityProperties = {
  kpis: Type.Array(Kpi, { description: 'The latest stored result of each KPI for the service (rolling 12 months where measured)' }),
  feedback: Feedback,
};
