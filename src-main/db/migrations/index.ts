import type { Migration } from '../migrate';
import { migration001 } from './001-initial';
import { migration004 } from './004-survey';
import { migration005 } from './005-review';
import { migration006 } from './006-survey-score-cache';
import { migration007 } from './007-order-lines';
import { migration008 } from './008-peer-ratings';

/** Every migration, in order. Append only: a shipped migration is never edited. */
export const MIGRATIONS: readonly Migration[] = [migration001, migration004, migration005, migration006, migration007, migration008];
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
