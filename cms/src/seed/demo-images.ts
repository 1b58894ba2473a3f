import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { Core } from '@strapi/strapi';

export type DemoPicture = 'building' | 'room';

const WIDTH = 1200;
const HEIGHT = 800;
// Drawn on a 1200×800 canvas, stored at 960×640: enough for the site's widest use (about 720 px).
const STORED_WIDTH = 960;

/** A flat illustration drawn here, so the demo needs no downloaded photos (and claims none). */
function svg(picture: DemoPicture, hue: number): string {
  const sky = `hsl(${hue} 70% 86%)`;
  const wall = `hsl(${hue} 35% 45%)`;
  const accent = `hsl(${(hue + 40) % 360} 75% 55%)`;
  if (picture === 'building') {
    const windows = Array.from({ length: 4 }, (_, row) =>
      Array.from({ length: 7 }, (_, col) =>
        `<rect x="${250 + col * 100}" y="${250 + row * 100}" width="56" height="64" rx="6" fill="hsl(${hue} 60% 92%)"/>`,
      ).join(''),
    ).join('');
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">
      <rect width="100%" height="100%" fill="${sky}"/>
      <circle cx="1020" cy="150" r="70" fill="hsl(45 95% 65%)"/>
      <rect x="200" y="200" width="800" height="500" fill="${wall}"/>
      <rect x="180" y="170" width="840" height="40" fill="${accent}"/>
      ${windows}
      <rect x="545" y="610" width="110" height="90" fill="hsl(${hue} 30% 25%)"/>
      <rect y="700" width="100%" height="100" fill="hsl(100 35% 55%)"/>
      <circle cx="120" cy="640" r="70" fill="hsl(120 40% 40%)"/><rect x="112" y="640" width="16" height="70" fill="hsl(25 40% 30%)"/>
      <circle cx="1090" cy="640" r="60" fill="hsl(120 40% 40%)"/><rect x="1082" y="640" width="16" height="70" fill="hsl(25 40% 30%)"/>
    </svg>`;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">
    <rect width="100%" height="100%" fill="hsl(${hue} 40% 94%)"/>
    <rect y="560" width="100%" height="240" fill="hsl(${hue} 25% 75%)"/>
    <rect x="120" y="120" width="300" height="220" rx="10" fill="${sky}" stroke="${wall}" stroke-width="14"/>
    <rect x="760" y="110" width="300" height="260" rx="6" fill="hsl(${hue} 20% 98%)" stroke="${wall}" stroke-width="8"/>
    <rect x="800" y="160" width="220" height="14" fill="${accent}"/><rect x="800" y="200" width="160" height="14" fill="${wall}"/>
    <rect x="800" y="240" width="190" height="14" fill="${wall}"/><rect x="800" y="280" width="120" height="14" fill="${wall}"/>
    <ellipse cx="600" cy="520" rx="330" ry="60" fill="${wall}"/>
    <rect x="580" y="540" width="40" height="160" fill="hsl(${hue} 30% 30%)"/>
    <rect x="300" y="430" width="90" height="110" rx="12" fill="${accent}"/><rect x="810" y="430" width="90" height="110" rx="12" fill="${accent}"/>
    <circle cx="345" cy="390" r="42" fill="hsl(30 45% 55%)"/><circle cx="855" cy="390" r="42" fill="hsl(25 40% 40%)"/>
    <rect x="520" y="440" width="160" height="20" rx="4" fill="hsl(${hue} 15% 98%)"/>
  </svg>`;
}

/** Uploads the picture once (by file name) and returns the upload's id. */
export async function ensureDemoImage(
  strapi: Core.Strapi,
  name: string,
  picture: DemoPicture,
  hue: number,
  alternativeText: string,
): Promise<number> {
  const existing = await strapi.db.query('plugin::upload.file').findOne({ where: { name }, select: ['id'] });
  if (existing) return existing.id as number;
  const buffer = await sharp(Buffer.from(svg(picture, hue))).resize(STORED_WIDTH).webp({ quality: 82 }).toBuffer();
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'qabilet-seed-'));
  const filepath = path.join(dir, name);
  try {
    await fs.writeFile(filepath, buffer);
    const [file] = await strapi.plugin('upload').service('upload').upload({
      data: { fileInfo: { name, alternativeText, caption: '' } },
      files: { filepath, originalFilename: name, mimetype: 'image/webp', size: buffer.length },
    });
    return file.id as number;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
