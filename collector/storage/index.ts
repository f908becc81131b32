import type { CollectorOptions } from '../options.js';
import { openPostgres } from './postgres.js';
import { openSqlite } from './sqlite.js';
import type { Storage } from './types.js';

export type { InsertOutcome, ResponsesSnapshot, Storage, StoredResponse } from './types.js';

export function openStorage(options: Pick<CollectorOptions, 'databaseUrl' | 'dataDir'>): Promise<Storage> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openSqlite(options.dataDir);
}
