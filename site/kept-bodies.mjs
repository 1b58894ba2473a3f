// What the site server sends for a file, kept in memory so that no answer reads or compresses
// anything: the file in the encoding the visitor takes — the build's own .br/.gz copy
// (integrations/precompress.mjs) or the file itself — and a page with a visitor's visually-impaired
// settings applied, compressed once. Kept by file, build and settings: the build is the file's
// inode, size and modification time, which a rebuild changes (it swaps in new files), so an old page
// is never sent for a new one. The least recently used go first beyond `maxBytes`.
import fs from 'node:fs/promises';
import { compress, COPY_SUFFIX } from './integrations/precompress.mjs';
import { applyViPreferences, VI_OPTIONS } from './vi-preferences.mjs';

const PREFERENCE = ['br', 'gzip', 'identity'];
const negotiated = new Map();

/**
 * The encoding to send for an Accept-Encoding header: the one with the highest q, brotli before gzip
 * before none on a tie; none when the header names neither (or there is no header).
 * @returns {'br' | 'gzip' | 'identity'}
 */
export function negotiateEncoding(header = '') {
  const known = negotiated.get(header);
  if (known) return known;
  const q = new Map();
  for (const part of header.toLowerCase().split(',')) {
    const [name, ...params] = part.split(';').map((s) => s.trim());
    if (!name) continue;
    const weight = params.find((p) => p.startsWith('q='));
    const value = weight ? Number(weight.slice(2)) : 1;
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const weightOf = (name) => q.get(name) ?? q.get('*') ?? (name === 'identity' ? 1 : 0);
  let chosen = 'identity';
  let best = 0;
  for (const name of PREFERENCE) {
    if (weightOf(name) > best) [chosen, best] = [name, weightOf(name)];
  }
  if (negotiated.size < 100) negotiated.set(header, chosen);
  return chosen;
}

/** The settings as one stable name ('' for none): `size-150.theme-bw`. */
export const settingsName = (prefs) =>
  Object.keys(VI_OPTIONS)
    .filter((name) => prefs[name])
    .map((name) => `${name}-${prefs[name]}`)
    .join('.');

/** A copy is the build's when it is not older than its file (a file changed since has none). */
async function freshCopy(file, stat, encoding) {
  try {
    const copy = await fs.open(file + COPY_SUFFIX[encoding]);
    try {
      if ((await copy.stat()).mtimeMs < stat.mtimeMs) return undefined;
      return await copy.readFile();
    } finally {
      await copy.close();
    }
  } catch {
    return undefined;
  }
}

async function encode(file, stat, encoding, prefs, settings) {
  if (!settings && encoding !== 'identity') {
    const copy = await freshCopy(file, stat, encoding);
    if (copy) return { body: copy, encoding };
  }
  const source = await fs.readFile(file);
  // In one order whatever the cookie's, as the page is kept under the settings' one name.
  const ordered = Object.fromEntries(Object.keys(VI_OPTIONS).flatMap((name) => (prefs[name] ? [[name, prefs[name]]] : [])));
  const plain = settings ? Buffer.from(applyViPreferences(source.toString('utf8'), ordered)) : source;
  if (encoding === 'identity') return { body: plain, encoding };
  // No copy from the build (too small to gain, or built without it), or a page with settings.
  const body = await compress(plain, encoding);
  return body.length < plain.length ? { body, encoding } : { body: plain, encoding: 'identity' };
}

/**
 * @param {{ maxBytes?: number, maxEntryBytes?: number }} options files larger than `maxEntryBytes`
 *   are not kept (`get` answers undefined: stream them)
 */
export function createKeptBodies({ maxBytes = 64 * 1024 * 1024, maxEntryBytes = 4 * 1024 * 1024 } = {}) {
  /** @type {Map<string, { body: Buffer, encoding: string, etag: string }>} oldest use first */
  const kept = new Map();
  const pending = new Map();
  let bytes = 0;

  function keep(key, entry) {
    if (kept.has(key)) return;
    kept.set(key, entry);
    bytes += entry.body.length;
    for (const [oldest, { body }] of kept) {
      if (bytes <= maxBytes) break;
      kept.delete(oldest);
      bytes -= body.length;
    }
  }

  return {
    /**
     * The body of `file` (its `stat` taken for this request) in `encoding`, with `prefs` applied
     * when it is a page: at once when kept, else a promise of it; undefined for a file too large.
     * @returns {{ body: Buffer, encoding: string, etag: string } | Promise<{ body: Buffer, encoding: string, etag: string }> | undefined}
     */
    get(file, stat, encoding, prefs = {}) {
      if (stat.size > maxEntryBytes) return undefined;
      const settings = settingsName(prefs);
      const build = `${stat.ino.toString(36)}-${stat.size.toString(36)}-${Math.round(stat.mtimeMs * 1000).toString(36)}`;
      const key = `${file}\n${build}\n${settings}\n${encoding}`;
      const found = kept.get(key);
      if (found) {
        kept.delete(key);
        kept.set(key, found);
        return found;
      }
      if (pending.has(key)) return pending.get(key);
      const loading = encode(file, stat, encoding, prefs, settings)
        .then(({ body, encoding: sent }) => {
          const entry = { body, encoding: sent, etag: `"${build}${settings ? `-${settings}` : ''}-${sent}"` };
          keep(key, entry);
          return entry;
        })
        .finally(() => pending.delete(key));
      pending.set(key, loading);
      return loading;
    },
    /** Forgets everything (after a rebuild: the old build's bodies will not be asked for again). */
    clear() {
      kept.clear();
      bytes = 0;
    },
    get bytes() {
      return bytes;
    },
    get size() {
      return kept.size;
    },
  };
}
