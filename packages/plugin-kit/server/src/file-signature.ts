/**
 * What a file is, by its first bytes (its magic number), for the types Qabilet accepts. A name and a
 * declared Content-Type are the sender's word; the bytes are what a browser or a viewer will read.
 * Text formats (HTML, SVG, scripts) have no signature and so are never recognised: they are refused.
 */
export type KnownType = 'image/jpeg' | 'image/png' | 'image/webp' | 'image/avif' | 'application/pdf';

/** Extensions each type may carry; the name must agree with the bytes. */
export const EXTENSIONS: Record<KnownType, string[]> = {
  'image/jpeg': ['.jpg', '.jpeg', '.jfif'],
  'image/png': ['.png'],
  'image/webp': ['.webp'],
  'image/avif': ['.avif'],
  'application/pdf': ['.pdf'],
};

/** Other names browsers and older systems give the same types. */
const ALIASES: Partial<Record<KnownType, string[]>> = {
  'image/jpeg': ['image/jpg', 'image/pjpeg'],
  'image/png': ['image/x-png'],
  'application/pdf': ['application/x-pdf'],
};

/** How many leading bytes `sniff` needs. */
export const SIGNATURE_BYTES = 64;

const at = (bytes: Uint8Array, offset: number, magic: number[] | string) => {
  const expected = typeof magic === 'string' ? [...magic].map((c) => c.charCodeAt(0)) : magic;
  return bytes.length >= offset + expected.length && expected.every((b, i) => bytes[offset + i] === b);
};

/**
 * ISO-BMFF: a `ftyp` box first, whose major brand or one of whose compatible brands says AVIF
 * (still image or sequence); encoders also write `mif1`/`miaf` as the major brand.
 */
function isAvif(bytes: Uint8Array): boolean {
  if (!at(bytes, 4, 'ftyp')) return false;
  const size = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
  const end = Math.min(size, bytes.length);
  for (let offset = 8; offset + 4 <= end; offset += offset === 8 ? 8 : 4) {
    if (at(bytes, offset, 'avif') || at(bytes, offset, 'avis')) return true;
  }
  return false;
}

export function sniff(bytes: Uint8Array): KnownType | undefined {
  if (at(bytes, 0, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (at(bytes, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (at(bytes, 0, 'RIFF') && at(bytes, 8, 'WEBP')) return 'image/webp';
  if (isAvif(bytes)) return 'image/avif';
  if (at(bytes, 0, '%PDF-')) return 'application/pdf';
  return undefined;
}

export type Verdict = { ok: true; type: KnownType } | { ok: false; code: 'upload.unrecognised' | 'upload.notAllowed' | 'upload.mismatch' };

/**
 * Whether a file may be kept: its bytes are one of the allowed types, and its extension and
 * declared type (when it has them) name the same type as its bytes.
 */
export function checkFile(bytes: Uint8Array, name: string, declared: string | undefined, allowed: readonly string[]): Verdict {
  const type = sniff(bytes);
  if (!type) return { ok: false, code: 'upload.unrecognised' };
  if (!allowed.includes(type)) return { ok: false, code: 'upload.notAllowed' };
  const extension = /\.[^./\\]+$/.exec(name.toLowerCase())?.[0];
  if (extension && !EXTENSIONS[type].includes(extension)) return { ok: false, code: 'upload.mismatch' };
  const claimed = declared?.split(';')[0]?.trim().toLowerCase();
  const generic = !claimed || claimed === 'application/octet-stream';
  if (!generic && claimed !== type && !ALIASES[type]?.includes(claimed)) return { ok: false, code: 'upload.mismatch' };
  return { ok: true, type };
}
