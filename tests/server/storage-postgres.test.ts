import { openPostgres } from '../../src/server/db.js';
import { SqlStorage } from '../../src/server/storage.js';
import { scaleOutServices } from './services.js';
import { storageContract } from './storage-contract.js';

storageContract('PostgreSQL', async () => {
  const services = await scaleOutServices();
  if (!services) return null;
  const opened: SqlStorage[] = [];
  return {
    open: () => {
      const s = new SqlStorage(openPostgres(services.databaseUrl), true);
      opened.push(s);
      return s;
    },
    close: async () => {
      for (const s of opened) s.sql.close();
      await services.drop();
    },
  };
});
