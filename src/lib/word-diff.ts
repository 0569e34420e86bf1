/** A word-level difference between two texts, so an amended specification shows exactly what was inserted and deleted. */

export interface DiffPart {
  kind: 'same' | 'inserted' | 'deleted';
  text: string;
}

const tokens = (text: string) => text.split(/(\s+)/).filter((token) => token.length > 0);

/** Longest-common-subsequence diff over words and spacing; inputs are a few thousand words at most. */
export function wordDiff(before: string, after: string): DiffPart[] {
  const a = tokens(before);
  const b = tokens(after);
  const lengths = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      lengths[i]![j] = a[i] === b[j] ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
    }
  }
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    const last = parts.at(-1);
    if (last?.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push('same', a[i]!);
      i += 1;
      j += 1;
    } else if (lengths[i + 1]![j]! >= lengths[i]![j + 1]!) {
      push('deleted', a[i]!);
      i += 1;
    } else {
      push('inserted', b[j]!);
      j += 1;
    }
  }
  while (i < a.length) {
    push('deleted', a[i]!);
    i += 1;
  }
  while (j < b.length) {
    push('inserted', b[j]!);
    j += 1;
  }
  return parts;
}
