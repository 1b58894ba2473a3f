import assert from 'node:assert/strict';
import { requireCms } from '../../scripts/lib/strapi.mjs';
import { ctx } from '../setup/context.ts';

const bytes = (...parts: Array<string | number[]>) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
const SAMPLES = {
  'image/jpeg': bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF'),
  'image/png': bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR'),
  'image/webp': bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '),
  'image/avif': bytes([0, 0, 0, 0x1c], 'ftypavif', [0, 0, 0, 0], 'avifmif1'),
  'application/pdf': bytes('%PDF-1.7\n'),
};
const ALL = Object.keys(SAMPLES);

describe('file signatures', () => {
  const lib = () => requireCms(ctx.distDir, 'src/lib/file-signature.js');

  it('recognises each accepted type by its bytes', () => {
    for (const [type, sample] of Object.entries(SAMPLES)) assert.equal(lib().sniff(sample), type);
  });

  it('recognises an AVIF whose major brand is mif1, by its compatible brands, and not an MP4', () => {
    assert.equal(lib().sniff(bytes([0, 0, 0, 0x20], 'ftypmif1', [0, 0, 0, 0], 'mif1miafavifMA1B')), 'image/avif');
    assert.equal(lib().sniff(bytes([0, 0, 0, 0x18], 'ftypmp42', [0, 0, 0, 0], 'isommp42')), undefined);
    // A brand past the ftyp box's own size is not one of its brands.
    assert.equal(lib().sniff(bytes([0, 0, 0, 0x10], 'ftypmif1', [0, 0, 0, 0], 'avif')), undefined);
  });

  it('recognises no text format, whatever it starts with', () => {
    for (const text of [
      '<!doctype html>',
      '<svg xmlns="http://www.w3.org/2000/svg"/>',
      '<?xml version="1.0"?>',
      'GIF89a',
      'RIFF\0\0\0\0WAVE',
      '\0\0\0\x18ftypmp42',
      '',
    ]) {
      assert.equal(lib().sniff(Buffer.from(text, 'latin1')), undefined, JSON.stringify(text));
    }
  });

  it('accepts a file whose name and declared type agree with its bytes', () => {
    assert.deepEqual(lib().checkFile(SAMPLES['image/jpeg'], 'Фото.JPG', 'image/jpeg', ALL), { ok: true, type: 'image/jpeg' });
    assert.deepEqual(lib().checkFile(SAMPLES['image/png'], 'no-extension', 'application/octet-stream', ALL), { ok: true, type: 'image/png' });
    assert.deepEqual(lib().checkFile(SAMPLES['application/pdf'], 'doc.pdf', undefined, ALL), { ok: true, type: 'application/pdf' });
    assert.deepEqual(lib().checkFile(SAMPLES['image/jpeg'], 'old.jpg', 'image/pjpeg', ALL), { ok: true, type: 'image/jpeg' });
    assert.deepEqual(lib().checkFile(SAMPLES['application/pdf'], 'old.pdf', 'application/x-pdf', ALL), { ok: true, type: 'application/pdf' });
  });

  it('refuses a type outside the allowed ones, and a name or type that disagrees with the bytes', () => {
    assert.equal(lib().checkFile(SAMPLES['application/pdf'], 'doc.pdf', 'application/pdf', ['image/png']).code, 'upload.notAllowed');
    assert.equal(lib().checkFile(SAMPLES['image/png'], 'x.html', 'image/png', ALL).code, 'upload.mismatch');
    assert.equal(lib().checkFile(SAMPLES['image/png'], 'x.png', 'text/html', ALL).code, 'upload.mismatch');
    assert.equal(lib().checkFile(Buffer.from('<html>'), 'x.png', 'image/png', ALL).code, 'upload.unrecognised');
  });
});
