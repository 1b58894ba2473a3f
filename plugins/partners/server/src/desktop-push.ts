/**
 * The two doors into the import pipeline. The push API: a centre's desktop program sends the
 * results it produces with the partner's API key, compared in constant time; a wrong key, an
 * unknown, switched-off or non-desktop partner all get the same refusal, so none is revealed.
 * The admin upload: a CSV or XLSX file in base64, read with the column mapping the centre saved.
 * Both check the request before a single row is looked at, and hand rows to `importRows`.
 */
import type { Core } from '@strapi/strapi';
import { PartnersError, allowOnly, invalid, objectBody, type Problem } from './errors';
import { sameSecret } from './crypto';
import { logEvent, partnerByClientId, partnerSecret, type DesktopConfig, type PartnerRow } from './store';
import { MAX_BYTES, readTable, type Format } from './desktop-parse';
import { missingColumns, rowOfRecord } from './desktop-mapping';
import { importRows, type Incoming, type Outcome } from './desktop-import';

export const MAX_PUSH_ROWS = 500;
const unauthorized = () => new PartnersError(401, { code: 'desktop.unauthorized' });
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function secretOf(partner: PartnerRow | undefined): string | null {
  if (!partner || partner.kind !== 'desktop' || !partner.active) return null;
  try {
    return partnerSecret(partner);
  } catch {
    // A secret sealed with another deployment key: refused like a wrong key, and logged as such.
    return null;
  }
}

/** The desktop partner whose key the request carries; refused with one answer for every failure. */
export async function authenticated(strapi: Core.Strapi, clientId: unknown, authorization: string): Promise<PartnerRow> {
  const partner = await partnerByClientId(strapi, clientId);
  const key = /^Bearer\s+(\S{1,200})\s*$/i.exec(authorization)?.[1] ?? '';
  const secret = secretOf(partner);
  const ok = sameSecret(key, secret ?? `none:${key}`) && !!secret;
  if (ok) return partner!;
  if (partner) await logEvent(strapi, { partnerId: partner.id, kind: 'import', outcome: 'refused', code: 'desktop.unauthorized' });
  throw unauthorized();
}

/** The pushed rows (at most 500 at a time); a row that is not an object is refused by its index. */
export async function pushRows(strapi: Core.Strapi, partner: PartnerRow, input: unknown): Promise<Outcome> {
  const body = objectBody(input);
  const problems = allowOnly(body, ['rows']);
  if (!Array.isArray(body.rows) || body.rows.length === 0 || body.rows.length > MAX_PUSH_ROWS)
    problems.push({ field: 'rows', code: 'desktop.rows', values: { max: MAX_PUSH_ROWS } });
  if (problems.length) throw invalid(problems);
  const rows = body.rows as unknown[];
  const incoming: Incoming[] = [];
  const refused: Outcome['rejected'] = [];
  rows.forEach((raw, at) => (isObject(raw) ? incoming.push({ at, raw }) : refused.push({ at, problems: [{ code: 'row.invalid' }] })));
  const outcome = await importRows(strapi, partner, incoming, null);
  return { ...outcome, rejected: [...refused, ...outcome.rejected].sort((a, b) => a.at - b.at) };
}

// Checked after the length and with line breaks removed: a linear test, whatever is sent.
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const FORMATS: Format[] = ['csv', 'xlsx'];

function fileOf(body: Record<string, unknown>): { fileName: string; bytes: Buffer; format?: Format } {
  const problems: Problem[] = allowOnly(body, ['fileName', 'content', 'format']);
  const name = typeof body.fileName === 'string' ? body.fileName.trim().split(/[\\/]/).pop()! : '';
  if (!name || name.length > 200 || /[\u0000-\u001f]/.test(name)) problems.push({ field: 'fileName', code: 'import.fileName' });
  if (body.format !== undefined && !FORMATS.includes(body.format as Format)) problems.push({ field: 'format', code: 'import.format' });
  const content = typeof body.content === 'string' ? body.content : '';
  if (content.length > Math.ceil(MAX_BYTES / 3) * 4 * 1.05 + 16)
    problems.push({ field: 'content', code: 'import.tooLarge', values: { max: MAX_BYTES / 1024 / 1024 } });
  else if (!content || !BASE64.test(content.replace(/[\r\n]/g, ''))) problems.push({ field: 'content', code: 'import.content' });
  if (problems.length) throw invalid(problems);
  return { fileName: name, bytes: Buffer.from(content, 'base64'), format: body.format as Format | undefined };
}

/** An uploaded file: refused whole when it is not a table with the mapped columns, else its rows imported. */
export async function importFile(strapi: Core.Strapi, partner: PartnerRow, input: unknown): Promise<{ fileName: string; rows: number; outcome: Outcome }> {
  if (!partner.active) throw new PartnersError(409, { code: 'desktop.inactive' });
  const { fileName, bytes, format } = fileOf(objectBody(input));
  const read = await readTable(bytes, fileName, format);
  if (!read.ok) throw invalid(read.problems);
  const { columns } = partner.config as DesktopConfig;
  const missing = missingColumns(read.table.header, columns, partner.tests);
  if (missing.length) throw invalid(missing);
  const rows = read.table.records.map((r) => ({ at: r.row, raw: rowOfRecord(r, columns, partner.tests) }));
  return { fileName, rows: rows.length, outcome: await importRows(strapi, partner, rows, fileName) };
}
