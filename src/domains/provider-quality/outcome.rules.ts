/**
 * Recovery in talking therapies by the published rule (issue #15 item 3, decision 0051): a course that started at
 * "caseness" (PHQ-9 of 10 or more, or GAD-7 of 8 or more) has recovered when neither score is at caseness at its last
 * session. A course with fewer than two scored sessions is not counted, as NHS Talking Therapies counts only finished
 * courses of at least two treatment contacts.
 */

/** PHQ-9 scores run 0–27; 10 or more is caseness for depression. */
export const PHQ9_CASENESS = 10;
export const PHQ9_MAX = 27;
/** GAD-7 scores run 0–21; 8 or more is caseness for anxiety. */
export const GAD7_CASENESS = 8;
export const GAD7_MAX = 21;

export interface ScoredSession {
  on: string;
  phq9: number;
  gad7: number;
}

/** At caseness on either measure. */
export function atCaseness(session: Pick<ScoredSession, 'phq9' | 'gad7'>): boolean {
  return session.phq9 >= PHQ9_CASENESS || session.gad7 >= GAD7_CASENESS;
}

/** Caseness at the first scored session and recovery at the last, or null when fewer than two sessions were scored. */
export function recoveryOf(sessions: readonly ScoredSession[]): { atStart: boolean; recovered: boolean } | null {
  if (sessions.length < 2) return null;
  const ordered = [...sessions].sort((a, b) => a.on.localeCompare(b.on));
  const first = ordered[0]!;
  const last = ordered[ordered.length - 1]!;
  const atStart = atCaseness(first);
  return { atStart, recovered: atStart && !atCaseness(last) };
}
