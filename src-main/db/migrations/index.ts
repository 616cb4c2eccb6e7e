import type { Migration } from '../migrate';
import { migration001 } from './001-initial';

/** Every migration, in order. Append only: a shipped migration is never edited. */
export const MIGRATIONS: readonly Migration[] = [migration001];
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
