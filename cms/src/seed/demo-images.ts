import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { Core } from '@strapi/strapi';
import { drawing, type DemoPicture } from './drawings';

export type { DemoPicture };

// Drawn on a 1200×800 canvas, stored at 960×640: enough for the site's widest use (about 720 px).
const STORED_WIDTH = 960;

/** Uploads the picture once (by file name) and returns the upload's id. */
export async function ensureDemoImage(strapi: Core.Strapi, name: string, picture: DemoPicture, hue: number, alternativeText: string): Promise<number> {
  const existing = await strapi.db.query('plugin::upload.file').findOne({ where: { name }, select: ['id'] });
  if (existing) return existing.id as number;
  const buffer = await sharp(Buffer.from(drawing(picture, hue)))
    .resize(STORED_WIDTH)
    .webp({ quality: 82 })
    .toBuffer();
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'qabilet-seed-'));
  const filepath = path.join(dir, name);
  try {
    await fs.writeFile(filepath, buffer);
    const [file] = await strapi
      .plugin('upload')
      .service('upload')
      .upload({
        data: { fileInfo: { name, alternativeText, caption: '' } },
        files: { filepath, originalFilename: name, mimetype: 'image/webp', size: buffer.length },
      });
    return file.id as number;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
