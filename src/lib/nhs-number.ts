/** NHS numbers: ten digits whose last is a modulus 11 check digit (NHS Data Dictionary). */

/** The digits of an NHS number typed with or without spaces, or undefined when it is not ten digits. */
export function normaliseNhsNumber(text: string): string | undefined {
  const digits = text.replace(/[\s-]/g, '');
  return /^\d{10}$/.test(digits) ? digits : undefined;
}

/** True when the ten digits pass the modulus 11 check (a remainder giving 10 is never valid). */
export function isValidNhsNumber(text: string): boolean {
  const digits = normaliseNhsNumber(text);
  if (!digits) return false;
  const sum = [...digits.slice(0, 9)].reduce((total, digit, index) => total + Number(digit) * (10 - index), 0);
  const check = 11 - (sum % 11);
  const expected = check === 11 ? 0 : check;
  return expected !== 10 && expected === Number(digits[9]);
}

/** "943 476 5919", the way the NHS writes it. */
export function formatNhsNumber(digits: string): string {
  return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
}

/** Nine digits completed with their modulus 11 check digit, or undefined for the nine digits that no valid number starts with. */
export function withNhsCheckDigit(nineDigits: string): string | undefined {
  const sum = [...nineDigits].reduce((total, digit, index) => total + Number(digit) * (10 - index), 0);
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? undefined : `${nineDigits}${check}`;
}
