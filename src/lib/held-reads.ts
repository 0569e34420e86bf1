/** Values a node holds under a stamp (the versions they were read under): one read per key and stamp, shared by everyone asking meanwhile. */
import type { RecentMap } from './recent-map.ts';

/** A value as read under a stamp, settled or still being read. */
export interface Held<T> {
  stamp: string;
  value: Promise<T>;
}

/**
 * The value held under this stamp, else one read shared by every request asking meanwhile. A read that fails, or whose value
 * `keep` refuses (an unknown key, say), is not held after it settles; those who shared it still get its answer.
 */
export async function heldOrRead<T>(
  map: RecentMap<string, Held<T>>,
  key: string,
  stamp: string,
  read: () => Promise<T>,
  keep: (value: T) => boolean = () => true,
): Promise<T> {
  const held = map.get(key);
  if (held?.stamp === stamp) return held.value;
  const value = read();
  map.set(key, { stamp, value });
  const forget = () => {
    if (map.get(key)?.value === value) map.delete(key);
  };
  try {
    const settled = await value;
    if (!keep(settled)) forget();
    return settled;
  } catch (error) {
    forget();
    throw error;
  }
}
