/**
 * A specialist's private documents: taken from a multipart upload only when their bytes are a
 * JPEG, PNG, WebP or PDF (by their signature — a name and a declared type are the sender's word)
 * of at most `documentMaxBytes` (5 MB unless the plugin's configuration says otherwise), kept with
 * their bytes in `talent_documents`, served one at a time, and deleted outright on request.
 */
import fs from 'node:fs/promises';
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { checkDocumentFields, DOCUMENT_TYPES, safeDocumentName, type DocumentFields, type DocumentType, type SpecialistDocument } from '@qabilet/domain';
import { ms, sniff } from '@qabilet/plugin-kit/server';
import { TalentError, invalid, type Problem } from '../errors';
import { DOCUMENTS } from './tables';

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
/** The form field that carries the file. */
export const FILE_FIELD = 'file';

export const maxBytes = (strapi: Core.Strapi): number => {
  const configured = Number(strapi.config.get('plugin::talent.documentMaxBytes'));
  return Number.isSafeInteger(configured) && configured > 0 ? configured : DEFAULT_MAX_BYTES;
};

type UploadedFile = { filepath?: string; originalFilename?: string | null; size?: number };
type Row = {
  id: number;
  specialist_id: number;
  kind: SpecialistDocument['kind'];
  title: string | null;
  issuer: string | null;
  year: number | null;
  filename: string;
  type: DocumentType;
  size: number;
  created_at: number | string;
};

const viewOf = (r: Row): SpecialistDocument => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  issuer: r.issuer,
  year: r.year,
  filename: r.filename,
  type: r.type,
  size: r.size,
  uploadedAt: new Date(ms(r.created_at) ?? 0).toISOString(),
});

const COLUMNS = ['id', 'specialist_id', 'kind', 'title', 'issuer', 'year', 'filename', 'type', 'size', 'created_at'];

export async function listDocuments(strapi: Core.Strapi, specialistId: number): Promise<SpecialistDocument[]> {
  const rows = (await strapi.db.connection(DOCUMENTS).where({ specialist_id: specialistId }).select(COLUMNS).orderBy('id', 'asc')) as Row[];
  return rows.map(viewOf);
}

export type Upload = { fields: DocumentFields; bytes: Buffer; type: DocumentType; filename: string };

/**
 * Reads an upload's form: its fields and its one file, checked field by field. The temporary
 * files of the request are removed here whatever the outcome (the bytes, when kept, are in memory).
 */
export async function readUpload(ctx: Context, limit: number, thisYear: number): Promise<Upload> {
  const request = ctx.request as unknown as { files?: Record<string, UploadedFile | UploadedFile[]>; body?: unknown };
  const files = request.files ?? {};
  const temporary = Object.values(files).flat();
  try {
    const problems: Problem[] = Object.keys(files)
      .filter((k) => k !== FILE_FIELD)
      .map((field) => ({ field, code: 'field.notAllowed' }));
    const body = request.body && typeof request.body === 'object' && !Array.isArray(request.body) ? (request.body as Record<string, unknown>) : {};
    const checked = checkDocumentFields(body, thisYear);
    if (!checked.ok) problems.push(...(checked.problems as Problem[]));
    const sent = files[FILE_FIELD];
    const file = Array.isArray(sent) ? (sent.length === 1 ? sent[0] : undefined) : sent;
    let bytes: Buffer | undefined;
    let type: DocumentType | undefined;
    if (Array.isArray(sent) && sent.length > 1) problems.push({ field: FILE_FIELD, code: 'document.oneFile' });
    else if (!file?.filepath) problems.push({ field: FILE_FIELD, code: 'field.required' });
    else if ((file.size ?? 0) > limit) problems.push({ field: FILE_FIELD, code: 'document.tooLarge', values: { max: megabytes(limit) } });
    else {
      bytes = await fs.readFile(file.filepath);
      const found = sniff(bytes);
      if (bytes.length > limit) problems.push({ field: FILE_FIELD, code: 'document.tooLarge', values: { max: megabytes(limit) } });
      else if (!found || !(DOCUMENT_TYPES as readonly string[]).includes(found)) problems.push({ field: FILE_FIELD, code: 'document.type' });
      else type = found as DocumentType;
    }
    if (problems.length || !checked.ok || !bytes || !type) throw invalid(problems);
    return { fields: checked.fields, bytes, type, filename: safeDocumentName(file?.originalFilename ?? '', type) };
  } finally {
    await Promise.all(temporary.map((f) => (f.filepath ? fs.rm(f.filepath, { force: true }) : undefined)));
  }
}

const megabytes = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

export async function storeDocument(strapi: Core.Strapi, specialistId: number, upload: Upload, adminId: number, now: number): Promise<SpecialistDocument> {
  const row = {
    specialist_id: specialistId,
    kind: upload.fields.kind,
    title: upload.fields.title,
    issuer: upload.fields.issuer,
    year: upload.fields.year,
    filename: upload.filename,
    type: upload.type,
    size: upload.bytes.length,
    bytes: upload.bytes,
    uploaded_by: adminId,
    created_at: now,
  };
  const [inserted] = await strapi.db.connection(DOCUMENTS).insert(row).returning('id');
  const id = typeof inserted === 'object' ? (inserted as { id: number }).id : (inserted as number);
  return viewOf({ ...row, id } as Row);
}

/** One document of the specialist, with its bytes; another specialist's or an unknown id is 404. */
export async function documentOf(strapi: Core.Strapi, specialistId: number, id: unknown): Promise<SpecialistDocument & { bytes: Buffer }> {
  const n = typeof id === 'string' && /^\d{1,10}$/.test(id) ? Number(id) : NaN;
  const row = Number.isSafeInteger(n)
    ? ((await strapi.db
        .connection(DOCUMENTS)
        .where({ id: n, specialist_id: specialistId })
        .select([...COLUMNS, 'bytes'])
        .first()) as (Row & { bytes: Buffer | Uint8Array }) | undefined)
    : undefined;
  if (!row) throw new TalentError(404, { code: 'document.notFound' });
  return { ...viewOf(row), bytes: Buffer.from(row.bytes) };
}

export async function removeDocument(strapi: Core.Strapi, specialistId: number, id: number): Promise<void> {
  await strapi.db.connection(DOCUMENTS).where({ id, specialist_id: specialistId }).del();
}
