import fs from 'node:fs/promises';
import path from 'node:path';
import type { Core } from '@strapi/strapi';

/** The path of a file in cms/data, the seed's source files. */
export const dataPath = (strapi: Core.Strapi, ...parts: string[]): string => path.join(strapi.dirs.app.root, 'data', ...parts);

/** A JSON file of cms/data, parsed. */
export async function readDataFile<T>(strapi: Core.Strapi, ...parts: string[]): Promise<T> {
  return JSON.parse(await fs.readFile(dataPath(strapi, ...parts), 'utf8')) as T;
}
