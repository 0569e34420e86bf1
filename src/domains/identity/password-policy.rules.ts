/** What makes a new password acceptable, after NCSC password guidance and NIST SP 800-63B §3.1.1 (decision 25). */
import { dictionary } from '@zxcvbn-ts/language-common';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;

/** Whose password it is: the words a guesser would try first for this person. */
export interface PasswordOwner {
  email: string;
  displayName: string;
}

/** About 49,000 passwords seen most often in breaches, lower case, from zxcvbn-ts's common list. */
const COMMON_PASSWORDS: ReadonlySet<string> = new Set(dictionary['passwords-common']);
const PADDING = /^[^\p{L}]+|[^\p{L}]+$/gu;
const LEET: Record<string, string> = { '@': 'a', '4': 'a', '3': 'e', '1': 'i', '!': 'i', '0': 'o', $: 's', '5': 's', '7': 't' };
const CONTROL = /\p{Cc}/u;

/** How many common passwords are refused, so the deny-list's size can be checked. */
export function commonPasswordCount(): number {
  return COMMON_PASSWORDS.size;
}

/** The one problem to show next to a new password, or undefined when it may be used; checks run from the plainest fault to the subtlest. */
export function passwordProblem(password: string, owner: PasswordOwner): string | undefined {
  const length = [...password].length;
  if (length === 0) return 'Enter a password';
  if (!password.trim()) return 'Password must include letters, numbers or symbols, not only spaces';
  if (length < MIN_PASSWORD_LENGTH) return `Password must be ${MIN_PASSWORD_LENGTH} characters or more`;
  if (length > MAX_PASSWORD_LENGTH) return `Password must be ${MAX_PASSWORD_LENGTH} characters or fewer`;
  if (CONTROL.test(password)) return 'Password must not include line breaks or other control characters';
  const lower = password.toLowerCase();
  if (emailWords(owner.email).some((word) => lower.includes(word)))
    return 'Password must not include your email address or the part before the @';
  if (nameWords(owner.displayName).some((word) => lower.includes(word))) return 'Password must not include your name';
  if (isRepetitiveOrSequential(lower)) return 'Password must not be a repeated or sequential pattern, like aaaa or 1234';
  if (isCommon(lower)) return 'This password is too common. Choose one that is harder to guess, such as three random words';
  return undefined;
}

/** The whole address and the part before the @, when that part has three characters or more. */
function emailWords(email: string): string[] {
  const address = email.trim().toLowerCase();
  const local = address.split('@')[0] ?? '';
  return [address, local].filter((word) => [...word].length >= 3);
}

/** Parts of a name of three letters or more: "Dr Rosa Referrer" gives rosa and referrer. */
function nameWords(displayName: string): string[] {
  return displayName
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((word) => [...word].length >= 3);
}

/** In the deny-list as typed, or once digits and symbols around it and simple letter swaps (p@ssw0rd) are undone. */
function isCommon(lower: string): boolean {
  const core = lower.replace(PADDING, '');
  const candidates = [lower, lower.replace(/\s+/g, ''), core, unLeet(lower), unLeet(core), unLeet(lower).replace(PADDING, '')];
  return candidates.some((candidate) => COMMON_PASSWORDS.has(candidate));
}

function unLeet(text: string): string {
  return [...text].map((character) => LEET[character] ?? character).join('');
}

/** One short unit repeated (dragondragon), few different characters, or mostly runs such as aaaa, abcd or 4321. */
function isRepetitiveOrSequential(lower: string): boolean {
  const characters = [...lower];
  if (new Set(characters).size < 5) return true;
  if (/^(.+?)\1+$/su.test(lower)) return true;
  return characters.length - charactersInRuns(characters) < 4;
}

/** How many characters sit in runs of three or more that repeat one character or step by one (aaa, abc, 321). */
function charactersInRuns(characters: string[]): number {
  const points = characters.map((character) => character.codePointAt(0)!);
  const inRun = new Set<number>();
  for (let index = 2; index < points.length; index += 1) {
    const step = points[index - 1]! - points[index - 2]!;
    if (Math.abs(step) <= 1 && points[index]! - points[index - 1]! === step) [index - 2, index - 1, index].forEach((at) => inRun.add(at));
  }
  return inRun.size;
}
