import type { Migration } from '../migrate';
import { migration001 } from './001-initial';
import { migration004 } from './004-survey';
import { migration005 } from './005-review';
import { migration006 } from './006-survey-score-cache';
import { migration007 } from './007-order-lines';
import { migration008 } from './008-peer-ratings';
import { migration009 } from './009-order-search-totals';
import { migration010 } from './010-customer-care';
import { migration011 } from './011-sales-process';
import { migration012 } from './012-plans-reports';
import { migration013 } from './013-recruitment-training';
import { migration014 } from './014-contract-product-line';
import { migration015 } from './015-news-lost-opportunities';
import { migration016 } from './016-training-feedback';
import { migration017 } from './017-order-number-trigrams';

/**
 * Every migration, in order. Append only: a shipped migration is never edited.
 *
 * A migration's version is the `user_version` a database has once it ran, so it can never change. There
 * is no 2 and no 3: those numbers were never given to a migration that shipped, and no workbench database
 * has ever been at version 2 or 3. Renumbering 4…8 to 2…6 now would make every existing database
 * (at version 8) look newer than the workbench, or run migrations again. The next migration takes
 * the highest number plus one; the runner (../migrate.ts) refuses a list that does not grow.
 */
export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
  migration012,
  migration013,
  migration014,
  migration015,
  migration016,
  migration017,
];
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
