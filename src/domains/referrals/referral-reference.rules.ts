/** The patient's two keys to a referral: a 12-digit reference like the e-Referral UBRN, and a short access code kept only as a hash. */
import { randomInt } from 'node:crypto';

/** Letters and digits that cannot be mistaken for each other when read aloud or printed (no 0/O, 1/I/L, 5/S, 2/Z, 8/B). */
const CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
const CODE_LENGTH = 8;

/** A random 12-digit reference; uniqueness is the database's to enforce, and the caller retries on a collision. */
export function newUbrn(): string {
  return Array.from({ length: 12 }, () => String(randomInt(10))).join('');
}

/** The 12 digits of a reference typed with spaces or dashes ("1234 5678 9012"), or undefined when it is not one. */
export function normaliseUbrn(text: string): string | undefined {
  const digits = text.replace(/[\s-]/g, '');
  return /^\d{12}$/.test(digits) ? digits : undefined;
}

/** "1234 5678 9012", the way a reference is printed for a patient. */
export function formatUbrn(ubrn: string): string {
  return `${ubrn.slice(0, 4)} ${ubrn.slice(4, 8)} ${ubrn.slice(8)}`;
}

/** A random access code of 8 characters from a 25-character alphabet (about 37 bits), shown once as "ACDE-FGHJ". */
export function newAccessCode(): string {
  const code = Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** An access code as typed, reduced to the form that is hashed: capitals, no spaces or dashes. */
export function normaliseAccessCode(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9]/g, '');
}
