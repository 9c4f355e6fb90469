/**
 * The PostgreSQL and Redis of the scale-out tests: DATABASE_URL_TEST / REDIS_URL_TEST from the
 * environment or from out/ci-services.env (written by scripts/ci-services.sh). When they are
 * missing or do not answer, `scaleOutServices()` says so loudly and returns null (tests skip).
 * Each call gets its own PostgreSQL schema, so test runs never see each other's rows.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';

/** Connection strings of the services. */
export interface Services {
  /** A database URL whose search_path is a fresh schema. */
  databaseUrl: string;
  redisUrl: string;
  /** Drops the schema. */
  drop(): Promise<void>;
}

export const SKIP_MESSAGE = 'scale-out tests not run: no PostgreSQL/Redis; run scripts/ci-services.sh';

function fromFile(): Record<string, string> {
  const file = join(import.meta.dirname, '../../out/ci-services.env');
  if (!existsSync(file)) return {};
  const out: Record<string, string> = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^(\w+)=(.*)$/.exec(line.trim());
    if (m?.[1] && m[2] !== undefined) out[m[1]] = m[2];
  }
  return out;
}

/** The services, or null (with a loud message) when they are absent. */
export async function scaleOutServices(): Promise<Services | null> {
  const file = fromFile();
  const dbUrl = process.env.DATABASE_URL_TEST || file.DATABASE_URL_TEST;
  const redisUrl = process.env.REDIS_URL_TEST || file.REDIS_URL_TEST;
  if (!dbUrl || !redisUrl) {
    console.warn(`\n*** ${SKIP_MESSAGE} (DATABASE_URL_TEST / REDIS_URL_TEST unset) ***\n`);
    return null;
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: dbUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query(`CREATE SCHEMA ${schema}`);
    const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 3000 });
    try {
      await redis.connect();
      await redis.ping();
    } finally {
      redis.disconnect();
    }
  } catch (e) {
    console.warn(`\n*** ${SKIP_MESSAGE} (${e instanceof Error ? e.message : String(e)}) ***\n`);
    await client.end().catch(() => {});
    return null;
  }
  await client.end();
  const url = new URL(dbUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    databaseUrl: url.toString(),
    redisUrl,
    drop: async () => {
      const c = new pg.Client({ connectionString: dbUrl });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}
