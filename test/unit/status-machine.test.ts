import { describe, expect, it } from 'vitest';
import { statusMachine } from '../../src/lib/status-machine.ts';

const LAMP_STATUSES = ['off', 'on', 'broken'] as const;
type Lamp = (typeof LAMP_STATUSES)[number];
const lamp = statusMachine<Lamp>(LAMP_STATUSES, {
  labels: { off: 'Switched off', on: 'Switched on', broken: 'Broken' },
  moves: { off: ['on', 'broken'], on: ['off', 'broken'], broken: [] },
  refusal: ({ from, to, allowed }) =>
    `A lamp that is ${from} cannot become ${to}${allowed.length ? `; it can become ${allowed.join(' or ')}` : ''}`,
});

describe('a status machine built from a table', () => {
  it('names each status and knows which values are statuses', () => {
    expect(lamp.label('on')).toBe('Switched on');
    expect(lamp.labels.broken).toBe('Broken');
    expect(lamp.statuses).toEqual(['off', 'on', 'broken']);
    expect([lamp.is('off'), lamp.is('dimmed'), lamp.is(1), lamp.is(null)]).toEqual([true, false, false, false]);
  });

  it('allows exactly the moves in the table, and none from a final status', () => {
    expect(lamp.next('off')).toEqual(['on', 'broken']);
    expect([lamp.canMove('off', 'on'), lamp.canMove('off', 'off'), lamp.canMove('broken', 'on')]).toEqual([true, false, false]);
    expect(() => lamp.assertMove('on', 'off')).not.toThrow();
  });

  it('refuses any other move with invalid-transition, the statuses in words and the move as details', () => {
    expect(() => lamp.assertMove('broken', 'on')).toThrowError(
      expect.objectContaining({
        name: 'DomainError',
        code: 'invalid-transition',
        message: 'A lamp that is broken cannot become switched on',
        details: { from: 'broken', to: 'on' },
      }),
    );
    expect(() => lamp.assertMove('on', 'on')).toThrow(
      'A lamp that is switched on cannot become switched on; it can become switched off or broken',
    );
  });
});
