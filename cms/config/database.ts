import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { readDatabaseSettings } from '../src/lib/database-settings';
import { oneQueryAtATime, type PgConnection } from '../src/lib/one-query-at-a-time';

// Strapi loads the compiled copy, dist/config/database.js: the CMS folder is two levels up.
const appRoot = path.resolve(__dirname, '..', '..');

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Database => {
  const settings = readDatabaseSettings(process.env, appRoot);
  const timeout = env.int('DATABASE_CONNECTION_TIMEOUT', 15000);

  if (settings.client === 'sqlite') {
    return {
      connection: {
        client: 'sqlite',
        connection: { filename: settings.filename },
        useNullAsDefault: true,
        acquireConnectionTimeout: timeout,
      },
    };
  }
  return {
    connection: {
      client: 'postgres',
      connection: {
        connectionString: settings.connectionString,
        host: settings.host,
        port: settings.port,
        database: settings.database,
        user: settings.user,
        password: settings.password,
        schema: settings.schema,
        ssl: settings.ssl ? { rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true) } : false,
      },
      pool: {
        min: env.int('DATABASE_POOL_MIN', 0),
        max: env.int('DATABASE_POOL_MAX', 10),
        // Strapi sends some queries of one transaction at once: see one-query-at-a-time.ts.
        afterCreate: (connection: unknown, done: (error?: Error, connection?: unknown) => void) => {
          oneQueryAtATime(connection as PgConnection);
          done(undefined, connection);
        },
      },
      acquireConnectionTimeout: timeout,
    },
  };
};

export default config;
