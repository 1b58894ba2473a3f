import assert from 'node:assert/strict';
import { requireCms } from '../../scripts/lib/strapi.mjs';
import { ctx } from '../setup/context.ts';

describe('database settings', () => {
  const lib = () => requireCms(ctx.distDir, 'src/lib/database-settings.js');
  const read = (env: Record<string, string>) => lib().readDatabaseSettings(env, '/srv/qabilet/cms');
  const refusal = (env: Record<string, string>) => {
    try {
      read(env);
    } catch (error) {
      return error as { variable: string; message: string };
    }
    assert.fail('expected the settings to be refused');
  };

  it('defaults to SQLite under the CMS folder, and takes an absolute file as given', () => {
    assert.deepEqual(read({}), { client: 'sqlite', filename: '/srv/qabilet/cms/.tmp/data.db' });
    assert.equal(read({ DATABASE_FILENAME: '/var/lib/q.db' }).filename, '/var/lib/q.db');
  });

  it('reads PostgreSQL from separate variables or one URL', () => {
    const pg = read({
      DATABASE_CLIENT: 'postgres',
      DATABASE_HOST: 'db',
      DATABASE_PORT: '5433',
      DATABASE_NAME: 'q',
      DATABASE_USERNAME: 'u',
      DATABASE_PASSWORD: 'p',
    });
    assert.equal(pg.host, 'db');
    assert.equal(pg.port, 5433);
    assert.equal(pg.schema, 'public');
    assert.equal(read({ DATABASE_CLIENT: 'postgres', DATABASE_URL: 'postgres://u:p@db/q' }).connectionString, 'postgres://u:p@db/q');
  });

  const wrong: Array<[Record<string, string>, string]> = [
    [{ DATABASE_CLIENT: 'oracle' }, 'DATABASE_CLIENT'],
    [{ DATABASE_CLIENT: 'postgres', DATABASE_NAME: 'q', DATABASE_USERNAME: 'u' }, 'DATABASE_HOST'],
    [{ DATABASE_CLIENT: 'postgres', DATABASE_HOST: 'db', DATABASE_USERNAME: 'u' }, 'DATABASE_NAME'],
    [{ DATABASE_CLIENT: 'postgres', DATABASE_HOST: 'db', DATABASE_NAME: 'q' }, 'DATABASE_USERNAME'],
    [{ DATABASE_CLIENT: 'postgres', DATABASE_URL: 'postgres://u@db/q', DATABASE_PORT: 'abc' }, 'DATABASE_PORT'],
    [{ DATABASE_CLIENT: 'postgres', DATABASE_URL: 'postgres://u@db/q', DATABASE_PORT: '70000' }, 'DATABASE_PORT'],
    [{ DATABASE_CLIENT: 'postgres', DATABASE_URL: 'mysql://u@db/q' }, 'DATABASE_URL'],
    [{ DATABASE_CLIENT: 'postgres', DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ DATABASE_CLIENT: 'postgres', DATABASE_URL: 'postgres://u@db/q', DATABASE_SSL: 'sometimes' }, 'DATABASE_SSL'],
  ];
  for (const [env, variable] of wrong) {
    it(`refuses ${JSON.stringify(env)} naming ${variable}`, () => {
      const error = refusal(env);
      assert.equal(error.variable, variable);
      assert.ok(error.message.startsWith(variable) || error.message.includes(variable));
      assert.ok(!error.message.includes('\n'), 'one line');
    });
  }

  it('explains connection failures by the variable to check', () => {
    const { explainConnectionError } = lib();
    const pg = read({ DATABASE_CLIENT: 'postgres', DATABASE_HOST: 'db', DATABASE_NAME: 'q', DATABASE_USERNAME: 'u' });
    assert.match(explainConnectionError({ code: 'ECONNREFUSED' }, pg), /DATABASE_HOST and DATABASE_PORT/);
    assert.match(explainConnectionError({ code: '28P01', message: 'password authentication failed' }, pg), /DATABASE_PASSWORD/);
    assert.match(explainConnectionError({ code: '3D000' }, pg), /DATABASE_NAME/);
    assert.equal(explainConnectionError(new Error('something else'), pg), undefined);
  });
});
