/**
 * Tenants in PostgreSQL (DATABASE_URL), for an ISV with many merchants whose session keys change: one
 * row per tenant, its record as JSONB in the same shape as a TENANTS_FILE entry. Polled on every
 * refresh, so an updated row takes effect within TENANTS_REFRESH_MS.
 */
import pg from 'pg';
import type { TenantSource, WarningSink } from './tenantSource';

/** Applied in order, each once, recorded in gateway_schema_migrations. */
const MIGRATIONS: ReadonlyArray<{ version: number; sql: (schema: string) => string }> = [
  {
    version: 1,
    sql: (s) => `CREATE TABLE IF NOT EXISTS ${s}.gateway_tenants (
      id text PRIMARY KEY,
      record jsonb NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`,
  },
];

/** Serializes concurrent start-ups of several gateways on one database (an arbitrary fixed key). */
const MIGRATION_LOCK = 716_016;

export interface PgTenantSourceOptions {
  connectionString: string;
  /** The PostgreSQL schema holding the tables (`TENANTS_DB_SCHEMA`, default public). */
  schema: string;
  warn: WarningSink;
}

export interface PgTenantSource extends TenantSource {
  /** Creates or upgrades the tables; safe to run at every start-up. */
  migrate(): Promise<void>;
  /** Inserts or replaces a tenant's record (tests and admin scripts). */
  put(id: string, record: unknown): Promise<void>;
}

export function pgTenantSource(options: PgTenantSourceOptions): PgTenantSource {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(options.schema)) throw new Error('the tenants schema name must be a lower-case SQL identifier');
  const schema = `"${options.schema}"`;
  const pool = new pg.Pool({ connectionString: options.connectionString, max: 2 });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', (err) => options.warn(`tenants database: idle connection failed: ${err.message}`));
  return {
    description: `PostgreSQL schema ${options.schema}`,
    async migrate() {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
        await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
        await client.query(
          `CREATE TABLE IF NOT EXISTS ${schema}.gateway_schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
        );
        const done = await client.query<{ version: number }>(`SELECT version FROM ${schema}.gateway_schema_migrations`);
        const applied = new Set(done.rows.map((r) => r.version));
        for (const m of MIGRATIONS.filter((m) => !applied.has(m.version))) {
          await client.query(m.sql(schema));
          await client.query(`INSERT INTO ${schema}.gateway_schema_migrations (version) VALUES ($1)`, [m.version]);
        }
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    async load() {
      const result = await pool.query<{ id: string; record: unknown }>(`SELECT id, record FROM ${schema}.gateway_tenants ORDER BY id`);
      return result.rows.map((row) => ({ ...(row.record as object), id: row.id }));
    },
    async put(id, record) {
      await pool.query(
        `INSERT INTO ${schema}.gateway_tenants (id, record) VALUES ($1, $2)
         ON CONFLICT (id) DO UPDATE SET record = EXCLUDED.record, updated_at = now()`,
        [id, JSON.stringify(record)],
      );
    },
    close: () => pool.end(),
  };
}
