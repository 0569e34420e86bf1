import { describe, expect, it } from 'vitest';
import { type Held, heldOrRead } from '../../src/lib/held-reads.ts';
import { RecentMap } from '../../src/lib/recent-map.ts';

describe('values held under a stamp', () => {
  it('shares one read between everyone asking meanwhile, and reads again under a new stamp', async () => {
    const map = new RecentMap<string, Held<number>>(10);
    let reads = 0;
    const read = async () => ++reads;
    expect(await Promise.all([1, 2, 3].map(() => heldOrRead(map, 'k', 'v1', read)))).toEqual([1, 1, 1]);
    expect(await heldOrRead(map, 'k', 'v1', read)).toBe(1);
    expect(await heldOrRead(map, 'k', 'v2', read)).toBe(2);
  });

  it('holds neither a failed read nor a value `keep` refuses, though those who shared the read get its answer', async () => {
    const map = new RecentMap<string, Held<number | undefined>>(10);
    const failing = heldOrRead(map, 'k', 'v1', () => Promise.reject(new Error('refused')));
    await expect(failing).rejects.toThrow('refused');
    expect(await heldOrRead(map, 'k', 'v1', async () => 7)).toBe(7);
    const unknown = () => Promise.resolve(undefined);
    const keep = (value: number | undefined) => value !== undefined;
    expect(await Promise.all([heldOrRead(map, 'u', 'v1', unknown, keep), heldOrRead(map, 'u', 'v1', unknown, keep)])).toEqual([
      undefined,
      undefined,
    ]);
    expect(await heldOrRead(map, 'u', 'v1', async () => 9, keep), 'a key created since is found').toBe(9);
  });
});
