/**
 * A specialist's private document (R-OUT, the specialist card): what it is and, for a diploma,
 * certificate or award, its title, issuer and year. The bytes are checked by the server (their
 * signature, their size); these are the fields that travel beside them in the upload's form.
 */
export const DOCUMENT_KINDS = ['photo', 'id', 'diploma', 'certificate', 'award'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The kinds that name what was earned, where and when. */
export const CREDENTIAL_KINDS: readonly DocumentKind[] = ['diploma', 'certificate', 'award'];

/** The file types a document may be, recognised by their bytes. */
export const DOCUMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const DOCUMENT_FIELDS = ['kind', 'title', 'issuer', 'year'] as const;
export const DOCUMENT_TEXT_MAX = 200;

export type DocumentFields = { kind: DocumentKind; title: string | null; issuer: string | null; year: number | null };
export type DocumentProblem = {
  field: string;
  code: 'document.kind' | 'document.title' | 'document.issuer' | 'document.year' | 'field.notAllowed';
  values?: Record<string, string | number>;
};

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : v === undefined || v === null ? '' : undefined);

/**
 * Checks an upload's form fields, field by field: a known kind; for a credential a title (1–200
 * characters), an issuer (1–200) and a year between 1950 and `thisYear`; a photo or an ID document
 * carries none of them. Unknown fields are refused by name.
 */
export function checkDocumentFields(
  body: Record<string, unknown>,
  thisYear: number,
): { ok: true; fields: DocumentFields } | { ok: false; problems: DocumentProblem[] } {
  const problems: DocumentProblem[] = Object.keys(body)
    .filter((k) => !(DOCUMENT_FIELDS as readonly string[]).includes(k))
    .map((field) => ({ field, code: 'field.notAllowed' as const }));
  const kind = body.kind as DocumentKind;
  if (!DOCUMENT_KINDS.includes(kind)) {
    problems.push({ field: 'kind', code: 'document.kind', values: { allowed: DOCUMENT_KINDS.join(', ') } });
    return { ok: false, problems };
  }
  const credential = CREDENTIAL_KINDS.includes(kind);
  const title = text(body.title);
  const issuer = text(body.issuer);
  const yearText = text(body.year);
  const year = yearText && /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
  if (credential) {
    if (title === undefined || !title || title.length > DOCUMENT_TEXT_MAX)
      problems.push({ field: 'title', code: 'document.title', values: { max: DOCUMENT_TEXT_MAX } });
    if (issuer === undefined || !issuer || issuer.length > DOCUMENT_TEXT_MAX)
      problems.push({ field: 'issuer', code: 'document.issuer', values: { max: DOCUMENT_TEXT_MAX } });
    if (!(year >= 1950 && year <= thisYear)) problems.push({ field: 'year', code: 'document.year', values: { from: 1950, to: thisYear } });
  } else {
    for (const [field, value] of [
      ['title', title],
      ['issuer', issuer],
      ['year', yearText],
    ] as const)
      if (value !== '') problems.push({ field, code: 'field.notAllowed' });
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, fields: credential ? { kind, title: title!, issuer: issuer!, year } : { kind, title: null, issuer: null, year: null } };
}

/**
 * The name a document is served under: the uploader's name cut to letters, digits, dot, dash and
 * underscore (no quotes, slashes or control characters reach a header), with the extension of
 * the type its bytes are.
 */
export function safeDocumentName(name: string, type: DocumentType): string {
  const extension = type === 'application/pdf' ? '.pdf' : type === 'image/png' ? '.png' : type === 'image/webp' ? '.webp' : '.jpg';
  const stem = name
    .replace(/\.[A-Za-z0-9]{1,8}$/, '')
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 60);
  return `${stem || 'document'}${extension}`;
}
