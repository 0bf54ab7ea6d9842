// Ordered schema migrations. A workspace records the version it is at in tijian_meta; opening it
// applies the ones after that, in one transaction.
import { v001 } from './v001.js';
import { v002 } from './v002.js';
import { v003 } from './v003.js';
import { v004 } from './v004.js';
import { v005 } from './v005.js';
import { v006 } from './v006.js';
import { v007 } from './v007.js';
import { v008 } from './v008.js';
import { v009 } from './v009.js';

export interface Migration {
  version: number;
  description: string;
  /** The SQL, or a function making it when the migration is applied (a value made per workspace). */
  sql: string | (() => string);
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, description: 'canonical tables, import log, rejected rows', sql: v001 },
  { version: 2, description: 'remembered header mappings', sql: v002 },
  { version: 3, description: 'saved evaluation runs', sql: v003 },
  { version: 4, description: 'reviewer marks on discipline-review hits', sql: v004 },
  { version: 5, description: 'permit approval matters kept as written', sql: v005 },
  { version: 6, description: 'penalty_case.extension_days: the days an approved extension adds', sql: v006 },
  { version: 7, description: 'rectification ledger: items, their history, checks against later data', sql: v007 },
  { version: 8, description: 'import_log.sheet: a workbook sheet imported as a batch of its own', sql: v008 },
  { version: 9, description: "the workspace's id and the secret its feedback forms are signed with", sql: v009 },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
