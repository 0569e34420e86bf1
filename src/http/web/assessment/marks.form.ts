/** Reads the assessor's criteria form: each criterion has its own "Save mark" button, and every mark typed on the page is saved with it so nothing is lost. */
import type { MarkInput } from '../../../domains/applications/assessment.service.ts';
import type { FieldError } from '../../../lib/errors.ts';

const MAX_NOTE_LENGTH = 2000;

export interface MarksForm {
  /** The marks to save: the pressed criterion's and any other that differs from what is saved. */
  marks: MarkInput[];
  errors: FieldError[];
  /** The index of the criterion whose button was pressed, or -1. */
  pressed: number;
}

interface Criterion {
  id: string;
  title: string;
}
interface SavedMark {
  criterion: string;
  passed: boolean;
  note: string;
}

function pressedIndex(value: unknown, count: number): number {
  const index = typeof value === 'string' && /^\d{1,3}$/.test(value) ? Number(value) : -1;
  return index < count ? index : -1;
}

/** The marks a post asks to save and the problems with it; a note typed without a mark is an error rather than silently dropped. */
export function marksFromForm(criteria: readonly Criterion[], saved: readonly SavedMark[], posted: Record<string, unknown>): MarksForm {
  const pressed = pressedIndex(posted.save, criteria.length);
  const marks: MarkInput[] = [];
  const errors: FieldError[] = [];
  criteria.forEach((criterion, index) => {
    const choice = posted[`mark-${index}`];
    const note = typeof posted[`note-${index}`] === 'string' ? (posted[`note-${index}`] as string).trim() : '';
    const before = saved.find((mark) => mark.criterion === criterion.id);
    if (note.length > MAX_NOTE_LENGTH)
      errors.push({
        field: `note-${index}`,
        message: `The note on “${criterion.title}” must be ${MAX_NOTE_LENGTH.toLocaleString('en-GB')} characters or fewer`,
      });
    if (choice === 'pass' || choice === 'fail') {
      const passed = choice === 'pass';
      if (index === pressed || !before || before.passed !== passed || before.note !== note)
        marks.push({ criterion: criterion.id, passed, note });
    } else if (note && note !== (before?.note ?? '')) {
      errors.push({ field: `mark-${index}`, message: `Select pass or fail for “${criterion.title}” to save its note` });
    }
  });
  const unmarked = pressed >= 0 && !marks.some((mark) => mark.criterion === criteria[pressed]!.id);
  if (unmarked && marks.length === 0 && !errors.some((error) => error.field === `mark-${pressed}`))
    errors.unshift({ field: `mark-${pressed}`, message: `Select pass or fail for “${criteria[pressed]!.title}”` });
  if (pressed < 0 && marks.length === 0 && errors.length === 0)
    errors.push({ field: 'mark-0', message: 'Mark at least one criterion pass or fail' });
  return { marks, errors, pressed };
}
