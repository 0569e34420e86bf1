/** One small mechanism for the lifecycles of offers, applications, listings and proposals: a table of statuses, their labels and allowed moves (decision 0038). */
import { DomainError } from './errors.ts';

/** A refused move in words: the labels of where it is, where it was asked to go and where it could go, in lower case for the middle of a sentence. */
export interface RefusedMove {
  from: string;
  to: string;
  allowed: string[];
}

/** A lifecycle as a table: what each status is called, the statuses it may move to next (none when final), and how a refusal reads. */
export interface StatusTable<S extends string> {
  labels: Readonly<Record<S, string>>;
  moves: Readonly<Record<S, readonly S[]>>;
  refusal: (move: RefusedMove) => string;
}

/** What a lifecycle answers: the name of a status, whether a value is one, and which moves it allows. */
export interface StatusMachine<S extends string> {
  readonly statuses: readonly S[];
  readonly labels: Readonly<Record<S, string>>;
  label: (status: S) => string;
  is: (value: unknown) => value is S;
  next: (from: S) => readonly S[];
  canMove: (from: S, to: S) => boolean;
  /** Refuses a move the table does not allow, with the `invalid-transition` code and `{ from, to }` as details, so nothing is changed. */
  assertMove: (from: S, to: S) => void;
}

/** Builds a lifecycle from its table, so every lifecycle names, lists and refuses its moves the same way. */
export function statusMachine<S extends string>(statuses: readonly S[], table: StatusTable<S>): StatusMachine<S> {
  const label = (status: S) => table.labels[status];
  const next = (from: S) => table.moves[from];
  const canMove = (from: S, to: S) => next(from).includes(to);
  const inWords = (status: S) => label(status).toLowerCase();
  return {
    statuses,
    labels: table.labels,
    label,
    is: (value: unknown): value is S => typeof value === 'string' && (statuses as readonly string[]).includes(value),
    next,
    canMove,
    assertMove: (from, to) => {
      if (canMove(from, to)) return;
      throw new DomainError(
        'invalid-transition',
        table.refusal({ from: inWords(from), to: inWords(to), allowed: next(from).map(inWords) }),
        { from, to },
      );
    },
  };
}
