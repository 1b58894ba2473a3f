import fs from 'node:fs/promises';
import type { Core } from '@strapi/strapi';
import { checkTest, type TestDefinition } from '@qabilet/domain';
import { servicesOf } from '@qabilet/plugin-kit/server';
import type { AssessmentServices } from '@qabilet/strapi-plugin-assessment/strapi-server';
import { dataPath, readDataFile } from './data-file';

const TEST = 'api::test.test';

/**
 * The starter battery (cms/data/assessments): interests, soft skills, the primary-grades version
 * and the profession tests, published so that each gets its first version. Seeded once: content
 * managers own the tests afterwards.
 */
export async function seedAssessments(strapi: Core.Strapi): Promise<void> {
  const { toEntry } = servicesOf<AssessmentServices>(strapi, 'assessment')('definitions');
  const files = (await fs.readdir(dataPath(strapi, 'assessments'))).filter((f) => f.endsWith('.json')).sort();
  for (const file of files) {
    const test = await readDataFile<TestDefinition>(strapi, 'assessments', file);
    const problems = checkTest(test);
    if (problems.length) throw new Error(`seed: test ${file} breaks the rules: ${JSON.stringify(problems.slice(0, 5))}`);
    if (test.profession && !(await strapi.db.query('api::profession.profession').count({ where: { slug: test.profession } }))) {
      throw new Error(`seed: test ${file} names unknown profession "${test.profession}"`);
    }
    if (await strapi.db.query(TEST).count({ where: { slug: test.slug } })) continue;
    await strapi.documents(TEST).create({ data: { ...toEntry(test), isDemo: true } as never, status: 'published' });
  }
}
