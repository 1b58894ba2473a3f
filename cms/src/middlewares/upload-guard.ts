import fs from 'node:fs/promises';
import type { Core } from '@strapi/strapi';
import { checkFile, SIGNATURE_BYTES } from '../lib/file-signature';
import { sendValidationError, type Problem } from '../lib/errors';
import { pickLanguage } from '../i18n/messages';

type UploadedFile = { filepath?: string; originalFilename?: string | null; mimetype?: string | null };

async function head(path: string): Promise<Uint8Array> {
  const handle = await fs.open(path, 'r');
  try {
    const buffer = Buffer.alloc(SIGNATURE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SIGNATURE_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Every multipart upload, to the media library (admin or content API) or to any later route that
 * takes files, is checked by its bytes against the upload plugin's allowed types before a route
 * sees it. Strapi's own check falls back to the name when it cannot recognise the bytes, so an
 * HTML document named `x.png` and sent as `image/png` passed; here it is refused, field by field,
 * in the caller's language, and nothing is stored.
 */
const uploadGuard: Core.MiddlewareFactory = (_config, { strapi }) => async (ctx, next) => {
  const files = (ctx.request as { files?: Record<string, UploadedFile | UploadedFile[]> }).files;
  if (!files || !Object.keys(files).length) return next();
  const allowed = (strapi.config.get(['plugin::upload', 'security', 'allowedTypes'] as never) ?? []) as string[];
  const problems: Problem[] = [];
  for (const [field, value] of Object.entries(files)) {
    const list = Array.isArray(value) ? value : [value];
    for (const [index, file] of list.entries()) {
      const name = file.originalFilename ?? '';
      const verdict = file.filepath ? checkFile(await head(file.filepath), name, file.mimetype ?? undefined, allowed) : { ok: false as const, code: 'upload.unrecognised' as const };
      if (!verdict.ok) problems.push({ field: list.length > 1 ? `${field}.${index}` : field, code: verdict.code, values: { name: name.slice(0, 100) } });
    }
  }
  if (!problems.length) return next();
  strapi.log.warn(`upload refused: ${problems.map((p) => p.code).join(', ')}`);
  sendValidationError(ctx, pickLanguage(ctx.get('accept-language'), ctx.query.locale), problems);
};

export default uploadGuard;
