import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../../src/server/db.js';
import { SqlStorage } from '../../src/server/storage.js';
import { SqliteSql } from '../../src/server/sql.js';
import { removeDir } from './helpers.js';
import { storageContract } from './storage-contract.js';

storageContract('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gigawatt-contract-'));
  const opened: SqlStorage[] = [];
  return {
    open: () => {
      const s = new SqlStorage(new SqliteSql(openDb(dir)), true);
      opened.push(s);
      return s;
    },
    close: async () => {
      for (const s of opened) s.sql.close();
      removeDir(dir);
    },
  };
});
