/** What a repository function runs its queries on: the database itself or an open transaction, so callers choose the transaction's extent. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';

export type Executor = Kysely<Database> | Transaction<Database>;
