/** Budget plans imported from a CSV file (issue #14 item 7; decision 0048): every plan saved, or none, with each problem's line number. */
import { validationFailed } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import type { ActionContext } from '../identity/principal.ts';
import { describeSize, MAX_DOCUMENT_BYTES, type UploadedFile } from '../providers/document-type.rules.ts';
import { parseBudgetCsv } from './budget-csv.rules.ts';
import { budgetHolderOf, savePlans } from './budget.service.ts';

/** The plans in an uploaded CSV file, saved as new versions for the principal's own commissioner; problems are reported against the field `file`. */
export async function importBudgetCsv(deps: Deps, context: ActionContext, file: UploadedFile | undefined): Promise<{ saved: number }> {
  budgetHolderOf(context);
  const fail = (message: string) => validationFailed([{ field: 'file', message }]);
  if (!file) throw fail('Choose a CSV file of budget plans');
  if (file.truncated || file.content.length > MAX_DOCUMENT_BYTES)
    throw fail(`The file must be smaller than ${describeSize(MAX_DOCUMENT_BYTES)}`);
  const text = new TextDecoder('utf-8').decode(file.content);
  if (text.includes('\u0000')) throw fail('The file must be a CSV file (text), not a spreadsheet or other document');
  const parsed = parseBudgetCsv(text);
  if (!parsed.ok) throw validationFailed(parsed.errors);
  const saved = await savePlans(
    deps,
    context,
    parsed.rows.map((row) => row.plan),
    'csv',
    (index) => ({ field: 'file', prefix: `Line ${parsed.rows[index]!.line}: ` }),
  );
  return { saved: saved.length };
}
