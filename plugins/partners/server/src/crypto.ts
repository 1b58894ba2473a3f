/**
 * Partners' secrets at rest (R-NFR-7): AES-256-GCM with a key of the deployment's own, never the
 * secret in the database in clear. The key is `PARTNER_SECRETS_KEY` (32 bytes, base64) or, when
 * that is not set, derived with HKDF from Strapi's `ENCRYPTION_KEY`, which every deployment has.
 * A secret is shown once, when it is made; afterwards only its last four characters are.
 */
import crypto from 'node:crypto';

const VERSION = 'v1';

let cached: { source: string; key: Buffer } | undefined;

function key(): Buffer {
  const explicit = process.env.PARTNER_SECRETS_KEY;
  const source = explicit ? `k:${explicit}` : `d:${process.env.ENCRYPTION_KEY ?? ''}`;
  if (cached?.source === source) return cached.key;
  let value: Buffer;
  if (explicit) {
    value = Buffer.from(explicit, 'base64');
    if (value.length !== 32) throw new Error('PARTNER_SECRETS_KEY must be 32 bytes in base64');
  } else {
    const base = process.env.ENCRYPTION_KEY;
    if (!base) throw new Error('Set PARTNER_SECRETS_KEY or ENCRYPTION_KEY to keep partners’ secrets');
    value = Buffer.from(crypto.hkdfSync('sha256', base, 'qabilet', 'partners secrets v1', 32));
  }
  cached = { source, key: value };
  return value;
}

export function encrypt(plain: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key(), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

export function decrypt(sealed: string): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('Not a sealed partner secret');
  const decipher = crypto.createDecipheriv('aes-256-gcm', key(), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

/** A new secret: a readable prefix and 256 random bits. */
export const newSecret = (prefix: 'qps' | 'qpk') => `${prefix}_${crypto.randomBytes(32).toString('base64url')}`;

/** Compares two secrets in constant time. */
export function sameSecret(a: string, b: string): boolean {
  const x = crypto.createHash('sha256').update(a).digest();
  const y = crypto.createHash('sha256').update(b).digest();
  return crypto.timingSafeEqual(x, y) && a.length === b.length;
}

let hashKey: { source: string; key: Buffer } | undefined;

/** HMAC-SHA256 with a key derived from the secrets key: a fingerprint that cannot be guessed back. */
export function keyedHash(text: string): string {
  const base = key();
  const source = base.toString('base64');
  if (hashKey?.source !== source) hashKey = { source, key: Buffer.from(crypto.hkdfSync('sha256', base, 'qabilet', 'partners fingerprints v1', 32)) };
  return crypto.createHmac('sha256', hashKey.key).update(text).digest('hex');
}

/** A UUID-shaped id from sha256(text): the same input always names the same statement. */
export function uuidFrom(text: string): string {
  const h = crypto.createHash('sha256').update(text).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
