import { describe, expect, it } from 'vitest';
import { RecentMap } from '../../src/lib/recent-map.ts';

describe('the bound on a node’s caches', () => {
  it('keeps at most its capacity, dropping the least recently read or written first', () => {
    const held = new RecentMap<string, number>(2);
    held.set('calderdale', 1);
    held.set('kirklees', 2);
    expect(held.get('calderdale')).toBe(1);
    held.set('leeds', 3);
    expect(held.size).toBe(2);
    expect(held.get('kirklees')).toBeUndefined();
    expect([held.get('calderdale'), held.get('leeds')]).toEqual([1, 3]);
  });

  it('replaces a value written again without counting it twice', () => {
    const held = new RecentMap<string, number>(2);
    held.set('calderdale', 1);
    held.set('calderdale', 4);
    held.set('kirklees', 2);
    expect([held.size, held.get('calderdale'), held.get('kirklees')]).toEqual([2, 4, 2]);
  });
});
