/**
 * Receiving a provider's CSV file of activity lines (issue #14 item 2; decision 0046): the whole file is one submission in one transaction,
 * all or nothing, validated and recorded by the same code as an API batch; the report gives every row's outcome by its line number.
 */
import { validationFailed } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import type { ActionContext } from '../identity/principal.ts';
import { safeFileName, type UploadedFile } from '../providers/document-type.rules.ts';
import { readActivityFile } from './activity-csv.rules.ts';
import { type FileReport, fileReportOf } from './activity-file-report.rules.ts';
import { providerSubmitter, recordSubmission } from './activity-submission.service.ts';

/** The field a file problem is reported against: the page's file input, and the API's CSV body. */
export const FILE_FIELD = 'file';

/**
 * Reads and records an activity file: a file that is not a readable CSV with the template's headings, or has too many lines, is refused
 * with a field error and nothing is stored. `named` asks for a .csv file name (a page upload; the API declares text/csv instead).
 */
export async function submitActivityFile(
  deps: Deps,
  context: ActionContext,
  file: UploadedFile | undefined,
  named: boolean,
): Promise<FileReport> {
  const fileName = file?.fileName ? safeFileName(file.fileName) : null;
  const submitter = providerSubmitter(deps, context, 'csv', fileName);
  if (!file) throw validationFailed([{ field: FILE_FIELD, message: 'Select a CSV file of activity lines' }]);
  const parsed = readActivityFile(file, named);
  if (!parsed.ok) throw validationFailed([{ field: FILE_FIELD, message: parsed.problem }]);
  const lines = parsed.rows.flatMap((row) => (row.storable ? [row.line] : []));
  const unreadable = new Set(parsed.rows.flatMap((row) => (row.storable && row.problem ? [row.line.lineId] : [])));
  const notRecorded = parsed.rows.length - lines.length;
  const report = await recordSubmission(deps, context, submitter, lines, {
    unreadable,
    audit: { fileName, fileLines: parsed.rows.length, notRecorded },
  });
  return fileReportOf(parsed.rows, report, fileName);
}
