import fs from 'node:fs/promises';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { checkFile, SIGNATURE_BYTES, type Verdict } from '../lib/file-signature';
import { sendValidationError, type Problem } from '../lib/errors';
import { message, pickLanguage } from '../i18n/messages';

type UploadedFile = { filepath?: string; originalFilename?: string | null; mimetype?: string | null };
type Fetch = (...args: unknown[]) => Promise<{ file: UploadedFile }>;

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

const allowedTypes = (strapi: Core.Strapi) => (strapi.config.get(['plugin::upload', 'security', 'allowedTypes'] as never) ?? []) as string[];

async function verdictOf(file: UploadedFile, allowed: string[]): Promise<Verdict> {
  if (!file.filepath) return { ok: false, code: 'upload.unrecognised' };
  return checkFile(await head(file.filepath), file.originalFilename ?? '', file.mimetype ?? undefined, allowed);
}

/**
 * Every multipart upload, to the media library (admin or content API) or to any later route that
 * takes files, is checked by its bytes against the upload plugin's allowed types before a route
 * sees it. Strapi's own check falls back to the name when it cannot recognise the bytes, so an
 * HTML document named `x.png` and sent as `image/png` passed; here it is refused, field by field,
 * in the caller's language, and nothing is stored (the refused request's temporary files go too).
 */
const uploadGuard: Core.MiddlewareFactory =
  (_config, { strapi }) =>
  async (ctx, next) => {
    const files = (ctx.request as { files?: Record<string, UploadedFile | UploadedFile[]> }).files;
    if (!files || !Object.keys(files).length) return next();
    const allowed = allowedTypes(strapi);
    const problems: Problem[] = [];
    const all = Object.entries(files).flatMap(([field, value]) =>
      Array.isArray(value) ? value.map((file, i, list) => ({ field: list.length > 1 ? `${field}.${i}` : field, file })) : [{ field, file: value }],
    );
    for (const { field, file } of all) {
      const verdict = await verdictOf(file, allowed);
      if (!verdict.ok) problems.push({ field, code: verdict.code, values: { name: (file.originalFilename ?? '').slice(0, 100) } });
    }
    if (!problems.length) return next();
    strapi.log.warn(`upload refused: ${problems.map((p) => p.code).join(', ')}`);
    await Promise.all(all.map(({ file }) => (file.filepath ? fs.rm(file.filepath, { force: true }) : undefined)));
    sendValidationError(ctx, pickLanguage(ctx.get('accept-language'), ctx.query.locale), problems);
  };

/**
 * The media library can also fetch a file from a URL on the server (`upload-from-urls`); such a file
 * is never in a request's files, and Strapi trusts the remote server's Content-Type for it. The
 * upload plugin's fetch is wrapped so that a fetched file meets the same check before anything is
 * kept: a refusal fails that URL, with the reason in the staff member's language.
 */
export function checkedFetch(strapi: Core.Strapi, fetch: Fetch): Fetch {
  return async (...args) => {
    const result = await fetch(...args);
    const verdict = await verdictOf(result.file, allowedTypes(strapi));
    if (verdict.ok) return result;
    if (result.file.filepath) await fs.rm(result.file.filepath, { force: true });
    const request = strapi.requestContext.get();
    const language = pickLanguage(request?.get('accept-language'));
    throw new errors.ApplicationError(message(language, verdict.code, { name: (result.file.originalFilename ?? '').slice(0, 100) }), { code: verdict.code });
  };
}

export function guardUrlUploads(strapi: Core.Strapi): void {
  const files = strapi.plugin('upload').service('file') as { fetchUrlToInputFile?: Fetch };
  if (typeof files.fetchUrlToInputFile !== 'function')
    throw new Error('the upload plugin no longer has fetchUrlToInputFile: check URL uploads by their bytes another way');
  files.fetchUrlToInputFile = checkedFetch(strapi, files.fetchUrlToInputFile.bind(files));
}

export default uploadGuard;
