/**
 * Reads the database settings from the environment and refuses wrong ones with one readable
 * sentence that names the variable, so that a misconfigured start-up never ends in a stack trace.
 */
import path from 'node:path';

export type DatabaseClient = 'sqlite' | 'postgres';

export type SqliteSettings = { client: 'sqlite'; filename: string };
export type PostgresSettings = {
  client: 'postgres';
  connectionString?: string;
  host: string;
  port: number;
  database: string;
  user: string;
  password: string;
  schema: string;
  ssl: boolean;
};
export type DatabaseSettings = SqliteSettings | PostgresSettings;

export class DatabaseSettingsError extends Error {
  readonly code = 'DATABASE_SETTINGS';
  readonly variable: string;
  constructor(variable: string, message: string) {
    super(message);
    this.name = 'DatabaseSettingsError';
    this.variable = variable;
  }
}

type Env = Record<string, string | undefined>;

const clients: readonly DatabaseClient[] = ['sqlite', 'postgres'];

function value(env: Env, name: string): string | undefined {
  const raw = env[name];
  return raw === undefined || raw.trim() === '' ? undefined : raw.trim();
}

function port(env: Env): number {
  const raw = value(env, 'DATABASE_PORT');
  if (raw === undefined) return 5432;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 1 || n > 65535) {
    throw new DatabaseSettingsError('DATABASE_PORT', `DATABASE_PORT must be a port number from 1 to 65535, not "${raw}".`);
  }
  return n;
}

function bool(env: Env, name: string): boolean {
  const raw = value(env, name);
  if (raw === undefined) return false;
  if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
  if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
  throw new DatabaseSettingsError(name, `${name} must be true or false, not "${raw}".`);
}

function postgres(env: Env): PostgresSettings {
  const url = value(env, 'DATABASE_URL');
  if (url !== undefined) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new DatabaseSettingsError('DATABASE_URL', 'DATABASE_URL is not a valid URL (expected postgres://user:password@host:port/database).');
    }
    if (!['postgres:', 'postgresql:'].includes(parsed.protocol)) {
      throw new DatabaseSettingsError('DATABASE_URL', `DATABASE_URL must start with postgres:// or postgresql://, not "${parsed.protocol}//".`);
    }
  }
  const required = (name: string): string => {
    const v = value(env, name);
    if (v === undefined && url === undefined) {
      throw new DatabaseSettingsError(
        name,
        `${name} is not set: PostgreSQL needs DATABASE_HOST, DATABASE_NAME, DATABASE_USERNAME and DATABASE_PASSWORD, or one DATABASE_URL.`,
      );
    }
    return v ?? '';
  };
  return {
    client: 'postgres',
    connectionString: url,
    host: required('DATABASE_HOST'),
    port: port(env),
    database: required('DATABASE_NAME'),
    user: required('DATABASE_USERNAME'),
    password: value(env, 'DATABASE_PASSWORD') ?? '',
    schema: value(env, 'DATABASE_SCHEMA') ?? 'public',
    ssl: bool(env, 'DATABASE_SSL'),
  };
}

/** `appRoot` is the CMS folder; a relative DATABASE_FILENAME is taken from there. */
export function readDatabaseSettings(env: Env, appRoot: string): DatabaseSettings {
  const client = (value(env, 'DATABASE_CLIENT') ?? 'sqlite').toLowerCase();
  if (!clients.includes(client as DatabaseClient)) {
    throw new DatabaseSettingsError('DATABASE_CLIENT', `DATABASE_CLIENT must be "sqlite" or "postgres", not "${client}".`);
  }
  if (client === 'postgres') return postgres(env);
  const filename = value(env, 'DATABASE_FILENAME') ?? '.tmp/data.db';
  return { client: 'sqlite', filename: path.isAbsolute(filename) ? filename : path.join(appRoot, filename) };
}

/** Turns a driver's connection failure into one sentence naming what to check. */
export function explainConnectionError(error: unknown, settings: DatabaseSettings): string | undefined {
  const e = error as { code?: string; message?: string };
  const message = e?.message ?? '';
  if (settings.client === 'sqlite') {
    if (e?.code === 'SQLITE_CANTOPEN' || /unable to open database|directory does not exist/i.test(message)) {
      return `Cannot open the SQLite file ${settings.filename}: check DATABASE_FILENAME.`;
    }
    return undefined;
  }
  const where = settings.connectionString ? 'DATABASE_URL' : `${settings.host}:${settings.port}`;
  const hostVars = settings.connectionString ? 'DATABASE_URL' : 'DATABASE_HOST and DATABASE_PORT';
  if (e?.code === 'ECONNREFUSED' || e?.code === 'ENOTFOUND' || e?.code === 'EAI_AGAIN' || e?.code === 'ETIMEDOUT') {
    return `Cannot reach PostgreSQL at ${where} (${e.code}): check ${hostVars}, and that the server runs.`;
  }
  if (e?.code === '28P01' || e?.code === '28000' || /password authentication failed/i.test(message)) {
    return `PostgreSQL refused the log-in of user "${settings.user}": check DATABASE_USERNAME and DATABASE_PASSWORD.`;
  }
  if (e?.code === '3D000' || /database .* does not exist/i.test(message)) {
    return `PostgreSQL has no database "${settings.database}": check DATABASE_NAME or create it.`;
  }
  if (/Knex: Timeout acquiring a connection/i.test(message)) {
    return `PostgreSQL at ${where} did not answer in time: check ${hostVars}.`;
  }
  return undefined;
}
