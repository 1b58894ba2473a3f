/**
 * The platform's signing key (RS256), shared by every CMS instance through the database: it signs
 * LTI id_tokens, the access tokens of Assignment and Grade Services and the signed redirects to
 * partners. Its public half is published as a JWKS; the private half is kept encrypted.
 */
import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import { decrypt, encrypt } from './crypto';
import { KEYS, isUniqueViolation } from './tables';

export const ALG = 'RS256';
type Key = Awaited<ReturnType<typeof importJWK>>;
type Loaded = { kid: string; privateKey: Key; publicKey: Key; publicJwk: JWK };
let loaded: Loaded | undefined;

/** Makes the key on first boot; a second instance booting at once keeps the one stored first. */
export async function ensurePlatformKey(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection;
  if (!(await knex(KEYS).first('kid'))) {
    const { publicKey, privateKey } = await generateKeyPair(ALG, { extractable: true, modulusLength: 2048 });
    const kid = crypto.randomUUID();
    const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: ALG, use: 'sig' };
    try {
      await knex(KEYS).insert({
        kid,
        public_jwk: JSON.stringify(publicJwk),
        private_enc: encrypt(JSON.stringify(await exportJWK(privateKey))),
        created_at: Date.now(),
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  loaded = undefined;
}

export async function signingKey(strapi: Core.Strapi): Promise<Loaded> {
  if (loaded) return loaded;
  // The oldest key signs on every instance (two instances booting at once may each have stored one).
  const row = await strapi.db.connection(KEYS).orderBy('created_at', 'asc').orderBy('kid', 'asc').first();
  if (!row) throw new Error('The platform key is missing: the partners plugin did not boot');
  const publicJwk = JSON.parse(row.public_jwk) as JWK;
  const privateKey = await importJWK(JSON.parse(decrypt(row.private_enc)) as JWK, ALG, { extractable: true });
  const publicKey = await importJWK(publicJwk, ALG, { extractable: true });
  loaded = { kid: row.kid, privateKey, publicKey, publicJwk };
  return loaded;
}

export async function jwks(strapi: Core.Strapi): Promise<{ keys: JWK[] }> {
  const rows: Array<{ public_jwk: string }> = await strapi.db.connection(KEYS).select('public_jwk');
  return { keys: rows.map((r) => JSON.parse(r.public_jwk) as JWK) };
}
