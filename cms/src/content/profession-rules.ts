import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { checkDemandSeries, checkRiasec, type ProfessionProblem } from '@qabilet/domain';
import { isLanguage, message, type Language, type MessageKey } from '../i18n/messages';

const PROFESSION = 'api::profession.profession';
const icons = path.join(path.dirname(createRequire(__filename).resolve('lucide-static/package.json')), 'icons');

/** Whether `name` is an icon of the Lucide set the site draws professions' icons from. */
export const iconExists = (name: string): boolean => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(name) && fs.existsSync(path.join(icons, `${name}.svg`));

type Data = { riasec?: Record<string, unknown> | null; demand?: Array<{ year?: unknown; openings?: unknown }> | null; icon?: unknown };

export function professionProblems(data: Data): Array<ProfessionProblem | { field: 'icon'; code: 'icon.unknown' }> {
  const problems: Array<ProfessionProblem | { field: 'icon'; code: 'icon.unknown' }> = [];
  if (data.riasec && typeof data.riasec === 'object') problems.push(...checkRiasec(data.riasec));
  if (Array.isArray(data.demand)) problems.push(...checkDemandSeries(data.demand));
  if (typeof data.icon === 'string' && !iconExists(data.icon)) problems.push({ field: 'icon', code: 'icon.unknown' });
  return problems;
}

/**
 * Refuses a profession whose RIASEC profile or demand series breaks the catalogue's rules, in the
 * admin and in code alike: the error names each field, in the language of the entry being edited.
 */
export function registerProfessionRules(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== PROFESSION || !['create', 'update'].includes(context.action)) return next();
    const params = context.params as { data?: Data; locale?: string };
    const problems = params.data ? professionProblems(params.data) : [];
    if (problems.length) {
      const language: Language = isLanguage(params.locale) ? params.locale : 'kk';
      const details = problems.map((p) => ({ path: p.field.split('.'), message: message(language, p.code as MessageKey), name: 'ValidationError' }));
      throw new errors.ValidationError(details.map((d) => d.message).join(' '), { errors: details });
    }
    return next();
  });
}
