/** Activity lines as a CSV file over the API (issue #14 item 2; decision 0046): the body is the file, recorded whole or not at all. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Deps } from '../../domains/deps.ts';
import { ACTIVITY_CSV_HEADINGS, MAX_FILE_BYTES, MAX_FILE_LINES } from '../../domains/payments/activity-csv-format.rules.ts';
import { FILE_FIELD, submitActivityFile } from '../../domains/payments/activity-file.service.ts';
import { REJECTION_REASONS } from '../../domains/payments/activity-line.rules.ts';
import { validationFailed } from '../../lib/errors.ts';
import { problemResponses } from './schemas.ts';

const RowOutcome = Type.Object({
  lineNumber: Type.Integer({ description: 'The row’s line number in the file; the headings are line 1' }),
  lineId: Type.Union([Type.String(), Type.Null()]),
  outcome: Type.Union([Type.Literal('accepted'), Type.Literal('refused'), Type.Literal('already-received')]),
  recorded: Type.Boolean({ description: 'False for a line already received, and for a row that could not be stored as sent' }),
  reasonCode: Type.Optional(Type.String({ description: `One of ${Object.keys(REJECTION_REASONS).join(', ')}` })),
  reason: Type.Optional(Type.String()),
  detail: Type.Optional(Type.String({ description: 'What could not be read in the row (reason invalid-line)' })),
  pricePence: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
});
const FileReport = Type.Object({
  submissionId: Type.String(),
  fileName: Type.Union([Type.String(), Type.Null()]),
  received: Type.Integer(),
  accepted: Type.Integer(),
  refused: Type.Integer(),
  alreadyReceived: Type.Integer(),
  notRecorded: Type.Integer({
    description: 'Refused rows not stored: no usable line id, a value too long, kind and reversed line at odds',
  }),
  lines: Type.Array(RowOutcome),
});

export function registerActivityCsvApi(scope: FastifyInstance, deps: Deps): void {
  scope.register(async (csv) => {
    csv.addContentTypeParser('text/csv', { parseAs: 'buffer', bodyLimit: MAX_FILE_BYTES }, (_request, body, done) => done(null, body));
    csv.withTypeProvider<TypeBoxTypeProvider>().post(
      '/api/v1/activity-lines/csv',
      {
        bodyLimit: MAX_FILE_BYTES,
        config: { roles: ['provider-admin', 'provider-clinician'] as const },
        schema: {
          tags: ['payments'],
          consumes: ['text/csv'],
          summary: `Send a CSV file of up to ${MAX_FILE_LINES.toLocaleString('en-GB')} activity lines (Content-Type: text/csv, UTF-8, headings ${ACTIVITY_CSV_HEADINGS}); the whole file is recorded in one transaction or not at all, and each row is reported by its line number`,
          description:
            'The template is at /payments/activity/template.csv. A row with an unreadable value is refused as invalid-line and stored when it has a line id; a row with no usable line id is reported, not stored. A wrong heading line, or too many lines, refuses the whole file (400, field "file"). Sending the same file again adds nothing: its lines are already received.',
          querystring: Type.Object({
            fileName: Type.Optional(Type.String({ maxLength: 255, description: 'The file’s name, kept with the submission' })),
          }),
          response: { 200: FileReport, ...problemResponses },
        },
      },
      async (request) => {
        const body = request.body;
        if (!(body instanceof Buffer) || body.length === 0)
          throw validationFailed([{ field: FILE_FIELD, message: 'Send the CSV file as the request body, with Content-Type text/csv' }]);
        const file = { fileName: request.query.fileName ?? 'activity-lines.csv', content: body, truncated: false };
        return submitActivityFile(deps, request.actionContext(), file, false);
      },
    );
  });
}
