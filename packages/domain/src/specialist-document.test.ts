import assert from 'node:assert/strict';
import { checkDocumentFields, safeDocumentName } from './specialist-document.ts';

describe('domain: a specialist document’s fields', () => {
  it('takes a photo or an ID document without details, and a credential with title, issuer and year', () => {
    assert.deepEqual(checkDocumentFields({ kind: 'photo' }, 2026), { ok: true, fields: { kind: 'photo', title: null, issuer: null, year: null } });
    assert.deepEqual(checkDocumentFields({ kind: 'diploma', title: ' Psychology ', issuer: 'KazNU', year: '2012' }, 2026), {
      ok: true,
      fields: { kind: 'diploma', title: 'Psychology', issuer: 'KazNU', year: 2012 },
    });
  });

  it('refuses field by field: an unknown kind, a credential without details or with a future year, details on a photo, unknown fields', () => {
    const kind = checkDocumentFields({ kind: 'selfie' }, 2026);
    assert.equal(kind.ok, false);
    assert.deepEqual(!kind.ok && kind.problems.map((p) => p.field), ['kind']);
    const award = checkDocumentFields({ kind: 'award', title: '', issuer: 'x'.repeat(201), year: '2027' }, 2026);
    assert.deepEqual(!award.ok && award.problems.map((p) => `${p.field}:${p.code}`), ['title:document.title', 'issuer:document.issuer', 'year:document.year']);
    const photo = checkDocumentFields({ kind: 'photo', year: '2020', owner: 'me' }, 2026);
    assert.deepEqual(!photo.ok && photo.problems.map((p) => `${p.field}:${p.code}`), ['owner:field.notAllowed', 'year:field.notAllowed']);
  });

  it('serves a document under a safe name with the extension of its bytes', () => {
    assert.equal(safeDocumentName('Диплом "2012".pdf', 'application/pdf'), '2012.pdf');
    assert.equal(safeDocumentName('../../etc/passwd', 'image/png'), 'etc-passwd.png');
    assert.equal(safeDocumentName('scan.pdf', 'image/jpeg'), 'scan.jpg');
    assert.equal(safeDocumentName('', 'image/webp'), 'document.webp');
  });
});
