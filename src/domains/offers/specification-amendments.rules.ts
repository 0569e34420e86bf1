/** Local amendments to a pack's specification (PRODUCT.md §3.2), kept as a difference from the pack so anyone can see what a commissioner changed and why. */
import { type FieldError, validationFailed } from '../../lib/errors.ts';
import type { PackContent } from '../catalogue/implementation-pack.schema.ts';

export type SpecificationSection = keyof PackContent['specification'];

/** The Schedule 2 headings, in contract order. */
export const SPECIFICATION_SECTIONS: Record<SpecificationSection, string> = {
  populationNeeds: 'Population needs',
  scope: 'Scope',
  outcomes: 'Outcomes',
  serviceDescription: 'Service description and pathway',
  applicableStandards: 'Applicable standards',
};

export interface Amendment {
  section: SpecificationSection;
  text: string;
  reason: string;
}

export function isSpecificationSection(value: string): value is SpecificationSection {
  return Object.hasOwn(SPECIFICATION_SECTIONS, value);
}

/** Keeps only real amendments (text differing from the pack), trimmed; field errors for any without a reason or too long. */
export function amendmentsFrom(pack: PackContent['specification'], proposed: Amendment[]): Amendment[] {
  const errors: FieldError[] = [];
  const kept: Amendment[] = [];
  for (const amendment of proposed) {
    if (!isSpecificationSection(amendment.section)) {
      errors.push({ field: 'section', message: `${amendment.section} is not a specification section` });
      continue;
    }
    const text = amendment.text.trim();
    const reason = amendment.reason.trim();
    const label = SPECIFICATION_SECTIONS[amendment.section];
    if (!text)
      errors.push({ field: amendment.section, message: `Enter the text of ${label.toLowerCase()}, or leave the pack’s text as it is` });
    else if (text.length > 8000) errors.push({ field: amendment.section, message: `${label} must be 8,000 characters or fewer` });
    if (!text || text === pack[amendment.section].trim()) continue;
    if (!reason)
      errors.push({ field: `${amendment.section}-reason`, message: `Say why ${label.toLowerCase()} differs from the national pack` });
    else if (reason.length > 1000)
      errors.push({ field: `${amendment.section}-reason`, message: 'The reason must be 1,000 characters or fewer' });
    kept.push({ section: amendment.section, text, reason });
  }
  if (errors.length) throw validationFailed(errors, 'The local specification is not valid');
  return kept;
}

/** The specification the offer's providers work to: the pack's, with the local amendments in place. */
export function localSpecification(pack: PackContent['specification'], amendments: Amendment[]): PackContent['specification'] {
  const local = { ...pack };
  for (const amendment of amendments) local[amendment.section] = amendment.text;
  return local;
}
